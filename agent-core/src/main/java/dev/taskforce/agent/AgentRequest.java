package dev.taskforce.agent;

import static java.util.Objects.requireNonNull;

import dev.taskforce.budget.Ledger;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.event.RunListener;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.StreamListener;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One run's input and settings: the new message, the conversation it continues, values for tools,
 * cancellation and streaming.
 *
 * <pre>{@code
 * AgentRequest request = AgentRequest.builder()
 *     .conversation(previous.conversation())          // continue an earlier run
 *     .message(UserMessage.of("And the second order?"))
 *     .value(Tenant.class, tenant)                     // for tools; the model never sees it
 *     .stream(new StreamListener() { ... })            // text and reasoning as they arrive
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AgentRequest {

  private final Conversation conversation;
  private final @Nullable UserMessage message;
  private final CancellationToken cancellation;
  private final Map<Class<?>, Object> values;
  private final @Nullable StreamListener stream;
  private final @Nullable RunListener listener;
  private final @Nullable String runId;
  private final @Nullable String stepId;
  private final @Nullable String role;
  private final @Nullable Ledger ledger;

  private AgentRequest(Builder b) {
    if (b.message == null && b.conversation.messages().isEmpty()) {
      throw new IllegalArgumentException("an agent request needs a message or a conversation");
    }
    this.conversation = b.conversation;
    this.message = b.message;
    this.cancellation = b.cancellation;
    this.values = Map.copyOf(b.values);
    this.stream = b.stream;
    this.listener = b.listener;
    this.runId = b.runId;
    this.stepId = b.stepId;
    this.role = b.role;
    this.ledger = b.ledger;
  }

  /**
   * A request with one text message and default settings.
   *
   * @param text the user's message
   * @return the request
   */
  public static AgentRequest of(String text) {
    return builder().message(UserMessage.of(text)).build();
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the conversation this run continues; empty for a fresh run
   */
  public Conversation conversation() {
    return conversation;
  }

  /**
   * @return the new user message, or {@code null} when the conversation already ends with one
   */
  public @Nullable UserMessage message() {
    return message;
  }

  /**
   * @return the token that cancels the run
   */
  public CancellationToken cancellation() {
    return cancellation;
  }

  /**
   * @return values tools can ask for by type; the model never sees them
   */
  public Map<Class<?>, Object> values() {
    return values;
  }

  /**
   * @return where streamed pieces go, or {@code null} for a non-streaming run
   */
  public @Nullable StreamListener stream() {
    return stream;
  }

  /**
   * @return a listener for this run only, besides the agent's, or {@code null}
   */
  public @Nullable RunListener listener() {
    return listener;
  }

  /**
   * @return the run id to use, or {@code null} to generate one
   */
  public @Nullable String runId() {
    return runId;
  }

  /**
   * @return the plan step this run carries out, or {@code null}
   */
  public @Nullable String stepId() {
    return stepId;
  }

  /**
   * @return the role this run is accounted under, or {@code null} for the agent's name
   */
  public @Nullable String role() {
    return role;
  }

  /**
   * @return a ledger shared with a larger run to charge, or {@code null} for the agent's own
   */
  public @Nullable Ledger ledger() {
    return ledger;
  }

  /** Builds an {@link AgentRequest}. Not thread-safe. */
  public static final class Builder {
    private Conversation conversation = Conversation.EMPTY;
    private @Nullable UserMessage message;
    private CancellationToken cancellation = CancellationToken.NONE;
    private final Map<Class<?>, Object> values = new LinkedHashMap<>();
    private @Nullable StreamListener stream;
    private @Nullable RunListener listener;
    private @Nullable String runId;
    private @Nullable String stepId;
    private @Nullable String role;
    private @Nullable Ledger ledger;

    private Builder() {}

    /**
     * @param conversation an earlier run's {@link AgentResult#conversation()} to continue
     * @return this builder
     */
    public Builder conversation(Conversation conversation) {
      this.conversation = requireNonNull(conversation, "conversation == null");
      return this;
    }

    /**
     * @param message the new user message (text, images or both)
     * @return this builder
     */
    public Builder message(UserMessage message) {
      this.message = requireNonNull(message, "message == null");
      return this;
    }

    /**
     * @param text the new user message's text
     * @return this builder
     */
    public Builder message(String text) {
      return message(UserMessage.of(text));
    }

    /**
     * @param cancellation the token that cancels the run
     * @return this builder
     */
    public Builder cancellation(CancellationToken cancellation) {
      this.cancellation = requireNonNull(cancellation, "cancellation == null");
      return this;
    }

    /**
     * Supplies a value tools can ask for by type (see {@code ToolContext#value}).
     *
     * @param type the type tools ask for
     * @param value the value
     * @param <V> the type
     * @return this builder
     */
    public <V> Builder value(Class<V> type, V value) {
      values.put(
          requireNonNull(type, "type == null"), type.cast(requireNonNull(value, "value == null")));
      return this;
    }

    /**
     * Streams the run: text, reasoning and tool-call pieces go to the listener as they arrive.
     *
     * @param stream the listener
     * @return this builder
     */
    public Builder stream(StreamListener stream) {
      this.stream = requireNonNull(stream, "stream == null");
      return this;
    }

    /**
     * @param listener a listener for this run's events, besides the agent's own
     * @return this builder
     */
    public Builder listener(RunListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * @param runId the run id to use instead of a generated one
     * @return this builder
     */
    public Builder runId(String runId) {
      this.runId = requireNonNull(runId, "runId == null");
      return this;
    }

    /**
     * @param stepId the plan step this run carries out
     * @return this builder
     */
    public Builder stepId(String stepId) {
      this.stepId = requireNonNull(stepId, "stepId == null");
      return this;
    }

    /**
     * @param role the role to account this run under, instead of the agent's name
     * @return this builder
     */
    public Builder role(String role) {
      this.role = requireNonNull(role, "role == null");
      return this;
    }

    /**
     * Charges a larger run's ledger (an orchestration's) instead of the agent's own budget.
     *
     * @param ledger the shared ledger
     * @return this builder
     */
    public Builder ledger(Ledger ledger) {
      this.ledger = requireNonNull(ledger, "ledger == null");
      return this;
    }

    /**
     * @return the request
     * @throws IllegalArgumentException when there is neither a message nor a conversation
     */
    public AgentRequest build() {
      return new AgentRequest(this);
    }
  }
}
