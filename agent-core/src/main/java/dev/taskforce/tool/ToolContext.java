package dev.taskforce.tool;

import static java.util.Objects.requireNonNull;

import dev.taskforce.cancel.CancellationToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a tool call runs: its run and step, its cancellation, and values the caller supplied that
 * the model never sees (the current user, the tenant, a transaction).
 *
 * <pre>{@code
 * ToolContext ctx = ToolContext.builder().runId("run-1").value(Tenant.class, tenant).build();
 * Tenant t = ctx.value(Tenant.class).orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe (the values themselves should be too).
 */
public final class ToolContext {

  private final String runId;
  private final @Nullable String stepId;
  private final @Nullable String toolCallId;
  private final CancellationToken cancellation;
  private final Map<Class<?>, Object> values;

  private ToolContext(Builder b) {
    this.runId = b.runId;
    this.stepId = b.stepId;
    this.toolCallId = b.toolCallId;
    this.cancellation = b.cancellation;
    this.values = Map.copyOf(b.values);
  }

  /**
   * Starts a context.
   *
   * @return a builder with run id {@code "-"}, no step, and no values
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this context's settings, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.runId = runId;
    b.stepId = stepId;
    b.toolCallId = toolCallId;
    b.cancellation = cancellation;
    b.values.putAll(values);
    return b;
  }

  /**
   * The id of the run this call belongs to.
   *
   * @return the run id
   */
  public String runId() {
    return runId;
  }

  /**
   * The id of the plan step this call belongs to, when it runs inside an orchestration.
   *
   * @return the step id, or empty outside a plan
   */
  public Optional<String> stepId() {
    return Optional.ofNullable(stepId);
  }

  /**
   * The model's id for this tool call.
   *
   * @return the call id, or empty when the context is not for one call
   */
  public Optional<String> toolCallId() {
    return Optional.ofNullable(toolCallId);
  }

  /**
   * The run's cancellation; long-running tools should check it or register a callback.
   *
   * @return the token
   */
  public CancellationToken cancellation() {
    return cancellation;
  }

  /**
   * A value the caller supplied, by its type.
   *
   * @param type the type it was registered under
   * @param <T> the type
   * @return the value, or empty when none was supplied
   */
  public <T> Optional<T> value(Class<T> type) {
    return Optional.ofNullable(type.cast(values.get(requireNonNull(type, "type == null"))));
  }

  @Override
  public String toString() {
    // Values may be sensitive (users, credentials): show their types only.
    return "ToolContext{runId="
        + runId
        + ", stepId="
        + stepId
        + ", values="
        + values.keySet().stream().map(Class::getSimpleName).toList()
        + "}";
  }

  /** Builds a {@link ToolContext}. Not thread-safe. */
  public static final class Builder {
    private String runId = "-";
    private @Nullable String stepId;
    private @Nullable String toolCallId;
    private CancellationToken cancellation = CancellationToken.NONE;
    private final Map<Class<?>, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the run id.
     *
     * @param runId the id
     * @return this builder
     */
    public Builder runId(String runId) {
      this.runId = requireNonNull(runId, "runId == null");
      return this;
    }

    /**
     * Sets the plan step id.
     *
     * @param stepId the id, or {@code null} outside a plan
     * @return this builder
     */
    public Builder stepId(@Nullable String stepId) {
      this.stepId = stepId;
      return this;
    }

    /**
     * Sets the tool call id.
     *
     * @param toolCallId the id, or {@code null}
     * @return this builder
     */
    public Builder toolCallId(@Nullable String toolCallId) {
      this.toolCallId = toolCallId;
      return this;
    }

    /**
     * Sets the cancellation token.
     *
     * @param cancellation the token
     * @return this builder
     */
    public Builder cancellation(CancellationToken cancellation) {
      this.cancellation = requireNonNull(cancellation, "cancellation == null");
      return this;
    }

    /**
     * Supplies a value that tools can ask for by type and the model never sees.
     *
     * @param type the type tools ask for
     * @param value the value
     * @param <T> the type
     * @return this builder
     */
    public <T> Builder value(Class<T> type, T value) {
      requireNonNull(type, "type == null");
      values.put(type, type.cast(requireNonNull(value, "value == null")));
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the context
     */
    public ToolContext build() {
      return new ToolContext(this);
    }
  }
}
