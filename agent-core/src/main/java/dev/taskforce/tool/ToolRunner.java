package dev.taskforce.tool;

import static java.util.Objects.requireNonNull;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.internal.Concurrency;
import dev.taskforce.message.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the tool calls of one model turn, all at once, and collects their results in call order.
 *
 * <pre>{@code
 * ToolRunner runner = ToolRunner.builder()
 *     .tools(Tools.from(new OrderTools(db)))
 *     .defaultTimeout(Duration.ofSeconds(30))
 *     .maxResultChars(20_000)
 *     .build();
 * List<ToolCallResult> results = runner.run(response.toolCalls(), context, ToolRunListener.NONE);
 * }</pre>
 *
 * <p>Every call gets a result the model can act on; {@link #run} never throws because of a tool:
 *
 * <ul>
 *   <li>an unknown tool name is a failure that lists the available tools;
 *   <li>a tool that throws is a failure with the exception's message (no stack trace; the full
 *       stack is logged at WARN);
 *   <li>a call that runs longer than its timeout (the tool's own {@link ToolHandler#timeout()},
 *       else the default) is a failure "timed out after ...", and its thread is interrupted;
 *   <li>when the context's cancellation fires, unfinished calls are failures at once and their
 *       threads are interrupted;
 *   <li>results longer than the maximum are cut, with a marker saying how much was cut.
 * </ul>
 *
 * <p>Calls run on {@link Concurrency#executor()}: virtual threads on Java 21+, a bounded pool on
 * Java 17 whose caller runs a call itself when every pool thread is busy (that call then cannot
 * time out). A tool that ignores interrupts keeps its thread until it returns; its late result is
 * dropped.
 *
 * <p>Immutable and thread-safe; one runner may serve many runs at once.
 */
public final class ToolRunner {

  private final Map<String, ToolHandler> tools;
  private final Map<String, Duration> timeouts;
  private final List<ToolSpec> specs;
  private final Duration defaultTimeout;
  private final int maxResultChars;
  private final String unknownToolSuffix;

  private ToolRunner(Builder b) {
    Map<String, ToolHandler> byName = new LinkedHashMap<>();
    Map<String, Duration> timeoutByName = new LinkedHashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    List<ToolSpec> specList = new ArrayList<>();
    for (ToolHandler tool : b.tools) {
      ToolSpec spec = requireNonNull(tool.spec(), "spec() == null for " + tool);
      if (byName.putIfAbsent(spec.name(), tool) != null) {
        duplicates.add(spec.name());
        continue;
      }
      specList.add(spec);
      Duration own =
          requireNonNull(tool.timeout(), "timeout() == null for " + spec.name()).orElse(null);
      if (own != null) {
        timeoutByName.put(spec.name(), positive(own, "timeout() of tool " + spec.name()));
      }
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException(
          "tool names must be unique; used more than once: " + String.join(", ", duplicates));
    }
    this.tools = Map.copyOf(byName);
    this.timeouts = Map.copyOf(timeoutByName);
    this.specs = List.copyOf(specList);
    this.defaultTimeout = b.defaultTimeout;
    this.maxResultChars = b.maxResultChars;
    this.unknownToolSuffix =
        byName.isEmpty()
            ? "; no tools are available"
            : "; available tools: " + String.join(", ", byName.keySet());
  }

  /**
   * Starts a runner.
   *
   * @return a builder with no tools, a default timeout of 1 minute and results cut at 20,000
   *     characters
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What the model is told about the tools.
   *
   * @return the specs, in registration order
   */
  public List<ToolSpec> specs() {
    return specs;
  }

  /**
   * Runs the calls of one turn concurrently and waits for all of them.
   *
   * <p>Each call gets {@code context} with its {@link ToolContext#toolCallId()} set. The calling
   * thread waits; it returns early only for calls that time out or are cancelled. If the context is
   * already cancelled, no call runs and each gets a failure.
   *
   * @param calls the model's calls, in the order it made them
   * @param context the run the calls belong to; its cancellation stops the wait
   * @param listener told when each call starts and finishes (see {@link ToolRunListener} for the
   *     threads)
   * @return one result per call, in call order
   */
  public List<ToolCallResult> run(
      List<ToolCall> calls, ToolContext context, ToolRunListener listener) {
    requireNonNull(calls, "calls == null");
    requireNonNull(context, "context == null");
    requireNonNull(listener, "listener == null");
    List<ToolCall> list = List.copyOf(calls);
    if (list.isEmpty()) {
      return List.of();
    }
    CancellationToken token = context.cancellation();
    CompletableFuture<Void> cancelled = new CompletableFuture<>();
    CancellationToken.Registration registration = token.onCancel(() -> cancelled.complete(null));
    try {
      List<ToolCallAttempt> attempts = new ArrayList<>();
      for (ToolCall call : list) {
        attempts.add(start(call, context, listener, token));
      }
      List<ToolCallResult> results = new ArrayList<>();
      for (ToolCallAttempt attempt : attempts) {
        results.add(attempt.await(cancelled));
      }
      return List.copyOf(results);
    } finally {
      registration.remove();
    }
  }

  private ToolCallAttempt start(
      ToolCall call, ToolContext context, ToolRunListener listener, CancellationToken token) {
    ToolCallAttempt attempt =
        new ToolCallAttempt(
            call,
            tools.get(call.name()),
            "unknown tool \"" + call.name() + "\"" + unknownToolSuffix,
            timeouts.getOrDefault(call.name(), defaultTimeout),
            context.toBuilder().toolCallId(call.id()).build(),
            listener,
            maxResultChars);
    if (token.isCancelled()) {
      attempt.abandon("not run: the run was cancelled");
      return attempt;
    }
    try {
      Concurrency.executor().execute(attempt::run);
    } catch (RejectedExecutionException e) {
      attempt.abandon("not run: no thread was available to run the tool");
    }
    return attempt;
  }

  private static Duration positive(Duration d, String what) {
    requireNonNull(d, what + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "ToolRunner{tools="
        + tools.keySet().stream().sorted().toList()
        + ", defaultTimeout="
        + defaultTimeout
        + ", maxResultChars="
        + maxResultChars
        + "}";
  }

  /** Builds a {@link ToolRunner}. Not thread-safe. */
  public static final class Builder {
    private List<ToolHandler> tools = List.of();
    private Duration defaultTimeout = Duration.ofMinutes(1);
    private int maxResultChars = 20_000;

    private Builder() {}

    /**
     * Sets the tools, replacing any set before.
     *
     * @param tools the tools; their names must be unique
     * @return this builder
     */
    public Builder tools(List<? extends ToolHandler> tools) {
      requireNonNull(tools, "tools == null");
      List<ToolHandler> copy = new ArrayList<>();
      for (ToolHandler t : tools) {
        copy.add(requireNonNull(t, "tools contains null"));
      }
      this.tools = copy;
      return this;
    }

    /**
     * Sets how long a call may run when its tool declares no timeout of its own.
     *
     * @param timeout a positive duration; 1 minute unless set
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder defaultTimeout(Duration timeout) {
      this.defaultTimeout = positive(timeout, "defaultTimeout");
      return this;
    }

    /**
     * Sets the longest result the model gets; longer ones are cut, and a short marker saying how
     * many characters were cut is appended.
     *
     * @param maxChars a positive number of characters; 20,000 unless set
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxResultChars(int maxChars) {
      if (maxChars <= 0) {
        throw new IllegalArgumentException("maxResultChars must be positive, was " + maxChars);
      }
      this.maxResultChars = maxChars;
      return this;
    }

    /**
     * Builds the runner.
     *
     * @return the runner
     * @throws IllegalArgumentException if two tools have the same name (all such names are listed)
     *     or a tool's own timeout is not positive
     */
    public ToolRunner build() {
      return new ToolRunner(this);
    }
  }
}
