package dev.taskforce.agent;

import static java.util.Objects.requireNonNull;

import dev.taskforce.budget.Budget;
import dev.taskforce.event.RunListener;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.output.OutputType;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An agent: one model, its instructions, its tools and limits, run in a loop until it answers.
 *
 * <pre>{@code
 * Agent triage = Agent.builder()
 *     .name("triage")
 *     .model(OpenRouterModels.gpt54Mini())
 *     .instructions("You triage support tickets.")
 *     .tools(Tools.from(new OrderTools()))
 *     .reasoningEffort(ReasoningEffort.LOW)
 *     .budget(Budget.usd("0.05"))
 *     .build();
 *
 * AgentResult<Triage> r = triage.run("Customer says order A-1042 never arrived", Triage.class);
 * Triage t = r.output();              // valid by construction, or an exception saying why not
 * r.usage().costUsd();                // what it cost
 * }</pre>
 *
 * <p>Each run calls the model with the tools, runs every tool call the model asks for concurrently,
 * appends the assistant message (with its reasoning, unchanged) and the tool results, and repeats
 * until the model answers or a limit is reached. Unknown tools, bad arguments and tool exceptions
 * go back to the model as tool errors. Reaching a limit, a refusal, a content filter, an output
 * limit spent on reasoning, or cancellation each end the run with its own {@link RunOutcome},
 * keeping everything done so far.
 *
 * <p>An agent is immutable and thread-safe: build it once and run it any number of times, from any
 * number of threads at once.
 */
public final class Agent {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_.-]{1,64}$");

  final String name;
  final ChatModel model;
  final @Nullable String instructions;
  final ToolRunner tools;
  final @Nullable ReasoningEffort reasoningEffort;
  final @Nullable Integer maxOutputTokens;
  final int maxTurns;
  final Budget budget;
  final int outputRetries;
  final ContextPolicy contextPolicy;
  final RunListener listener;
  final Clock clock;
  private final Map<Class<?>, OutputType<?>> outputTypes = new ConcurrentHashMap<>();

  private Agent(Builder b) {
    this.name = b.name;
    this.model = requireNonNull(b.model, "model == null: set Agent.builder().model(...)");
    this.instructions = b.instructions;
    this.tools =
        ToolRunner.builder()
            .tools(b.tools)
            .defaultTimeout(b.toolTimeout)
            .maxResultChars(b.maxToolResultChars)
            .build();
    this.reasoningEffort = b.reasoningEffort;
    this.maxOutputTokens = b.maxOutputTokens;
    this.maxTurns = b.maxTurns;
    this.budget = b.budget;
    this.outputRetries = b.outputRetries;
    this.contextPolicy = b.contextPolicy;
    this.listener = RunListener.all(b.listeners);
    this.clock = b.clock;
    Set<ReasoningEffort> allowed = model.info().reasoningEfforts();
    if (reasoningEffort != null && !allowed.isEmpty() && !allowed.contains(reasoningEffort)) {
      throw new IllegalArgumentException(
          "reasoning effort "
              + reasoningEffort.wireValue()
              + " is not allowed for "
              + model.id()
              + "; allowed: "
              + allowed.stream().sorted().map(ReasoningEffort::wireValue).toList());
    }
    long maxOut = model.info().maxOutputTokens();
    if (maxOutputTokens != null && maxOut > 0 && maxOutputTokens > maxOut) {
      throw new IllegalArgumentException(
          "maxOutputTokens "
              + maxOutputTokens
              + " exceeds "
              + model.id()
              + "'s limit of "
              + maxOut);
    }
  }

  /**
   * Starts building an agent.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the agent's name, used as its role in accounting and events
   */
  public String name() {
    return name;
  }

  /**
   * @return the model the agent runs on
   */
  public ChatModel model() {
    return model;
  }

  /**
   * Runs the agent on one message and returns its text answer.
   *
   * @param message the user's message
   * @return the result; {@link AgentResult#output()} is the answer text
   */
  public AgentResult<String> run(String message) {
    return run(AgentRequest.of(message));
  }

  /**
   * Runs the agent on one message and returns a typed answer.
   *
   * @param message the user's message
   * @param type the answer type: a record or class Jackson can read, described by a strict schema
   * @param <T> the answer type
   * @return the result; {@link AgentResult#output()} is the answer, valid by construction
   */
  public <T> AgentResult<T> run(String message, Class<T> type) {
    return run(AgentRequest.of(message), type);
  }

  /**
   * Runs the agent and returns its text answer.
   *
   * @param request the input and the run's settings
   * @return the result
   */
  public AgentResult<String> run(AgentRequest request) {
    return new AgentLoop<String>(this, requireNonNull(request, "request == null"), null).run();
  }

  /**
   * Runs the agent and returns a typed answer.
   *
   * @param request the input and the run's settings
   * @param type the answer type
   * @param <T> the answer type
   * @return the result
   */
  public <T> AgentResult<T> run(AgentRequest request, Class<T> type) {
    requireNonNull(request, "request == null");
    requireNonNull(type, "type == null");
    if (type == String.class) {
      @SuppressWarnings("unchecked") // T is String here.
      AgentResult<T> text = (AgentResult<T>) run(request);
      return text;
    }
    return new AgentLoop<>(this, request, outputType(type)).run();
  }

  /**
   * Runs the agent and returns an answer of an output type built at run time (see {@link
   * OutputType#custom}).
   *
   * @param request the input and the run's settings
   * @param type the output type
   * @param <T> the answer type
   * @return the result
   */
  public <T> AgentResult<T> run(AgentRequest request, OutputType<T> type) {
    requireNonNull(request, "request == null");
    requireNonNull(type, "type == null");
    return new AgentLoop<>(this, request, type).run();
  }

  @SuppressWarnings("unchecked") // The map is keyed by the class of its OutputType.
  private <T> OutputType<T> outputType(Class<T> type) {
    return (OutputType<T>) outputTypes.computeIfAbsent(type, OutputType::of);
  }

  @Override
  public String toString() {
    return "Agent{name=" + name + ", model=" + model.id() + ", tools=" + tools.specs().size() + "}";
  }

  /** Builds an {@link Agent}. Not thread-safe. */
  public static final class Builder {
    private String name = "agent";
    private @Nullable ChatModel model;
    private @Nullable String instructions;
    private final List<ToolHandler> tools = new ArrayList<>();
    private @Nullable ReasoningEffort reasoningEffort;
    private @Nullable Integer maxOutputTokens;
    private int maxTurns = 20;
    private Budget budget = Budget.UNLIMITED;
    private int outputRetries = 2;
    private ContextPolicy contextPolicy = ContextPolicy.failWhenFull();
    private Duration toolTimeout = Duration.ofMinutes(1);
    private int maxToolResultChars = 20_000;
    private final List<RunListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * @param name the agent's name (letters, digits, {@code _ . -}; at most 64), its role in
     *     accounting and events; default {@code agent}
     * @return this builder
     */
    public Builder name(String name) {
      requireNonNull(name, "name == null");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("agent name must match " + NAME + ", was: " + name);
      }
      this.name = name;
      return this;
    }

    /**
     * @param model the model to run on (required)
     * @return this builder
     */
    public Builder model(ChatModel model) {
      this.model = requireNonNull(model, "model == null");
      return this;
    }

    /**
     * @param instructions the system instructions, or {@code null} for none
     * @return this builder
     */
    public Builder instructions(@Nullable String instructions) {
      this.instructions = instructions;
      return this;
    }

    /**
     * Adds tools.
     *
     * @param tools tools the model may call
     * @return this builder
     */
    public Builder tools(List<? extends ToolHandler> tools) {
      requireNonNull(tools, "tools == null");
      this.tools.addAll(tools);
      return this;
    }

    /**
     * @param effort how hard the model should think, or {@code null} for its default; checked
     *     against the model's allowed efforts when the agent is built
     * @return this builder
     */
    public Builder reasoningEffort(@Nullable ReasoningEffort effort) {
      this.reasoningEffort = effort;
      return this;
    }

    /**
     * @param maxOutputTokens the output limit per model call (reasoning included), or {@code null}
     *     for the model's own; a budget may lower it per call
     * @return this builder
     */
    public Builder maxOutputTokens(@Nullable Integer maxOutputTokens) {
      if (maxOutputTokens != null && maxOutputTokens <= 0) {
        throw new IllegalArgumentException(
            "maxOutputTokens must be positive, was " + maxOutputTokens);
      }
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /**
     * @param maxTurns the most model calls per run (default 20)
     * @return this builder
     */
    public Builder maxTurns(int maxTurns) {
      if (maxTurns <= 0) {
        throw new IllegalArgumentException("maxTurns must be positive, was " + maxTurns);
      }
      this.maxTurns = maxTurns;
      return this;
    }

    /**
     * @param budget limits per run in dollars, tokens, calls and wall time (default none)
     * @return this builder
     */
    public Builder budget(Budget budget) {
      this.budget = requireNonNull(budget, "budget == null");
      return this;
    }

    /**
     * @param outputRetries how many times the model is asked to correct an invalid typed answer
     *     (default 2)
     * @return this builder
     */
    public Builder outputRetries(int outputRetries) {
      if (outputRetries < 0) {
        throw new IllegalArgumentException(
            "outputRetries must not be negative, was " + outputRetries);
      }
      this.outputRetries = outputRetries;
      return this;
    }

    /**
     * @param policy what to do when the conversation outgrows the model's context window (default
     *     {@link ContextPolicy#failWhenFull()})
     * @return this builder
     */
    public Builder contextPolicy(ContextPolicy policy) {
      this.contextPolicy = requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * @param timeout the longest a tool call may run unless the tool sets its own (default 1 min)
     * @return this builder
     */
    public Builder toolTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("toolTimeout must be positive, was " + timeout);
      }
      this.toolTimeout = timeout;
      return this;
    }

    /**
     * @param maxChars the longest tool result sent to the model; longer ones are cut with a marker
     *     (default 20,000)
     * @return this builder
     */
    public Builder maxToolResultChars(int maxChars) {
      if (maxChars <= 0) {
        throw new IllegalArgumentException("maxToolResultChars must be positive, was " + maxChars);
      }
      this.maxToolResultChars = maxChars;
      return this;
    }

    /**
     * Adds a listener for every run's events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(RunListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * @param clock the clock for wall time and event times (default the system UTC clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the agent.
     *
     * @return the agent
     * @throws IllegalArgumentException if the model is missing, or the reasoning effort or output
     *     limit is one the model does not allow
     */
    public Agent build() {
      if (model == null) {
        throw new IllegalArgumentException("model is not set: call Agent.builder().model(...)");
      }
      return new Agent(this);
    }
  }
}
