package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import dev.taskforce.agent.Agent;
import dev.taskforce.budget.Budget;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.event.RunListener;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.openrouter.OpenRouterModels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A planner model leading executor agents through a typed plan, in parallel, within a budget.
 *
 * <pre>{@code
 * Orchestrator team = Orchestrator.builder()
 *     .planner(OpenRouterModels.gpt54Pro())
 *     .executor(Executor.named("orders")
 *         .description("Looks up orders and refunds")
 *         .model(OpenRouterModels.gpt54Nano())
 *         .tools(Tools.from(orderTools)))
 *     .executor(Executor.named("writer")
 *         .description("Writes short reports")
 *         .model(OpenRouterModels.gpt54Mini()))
 *     .budget(Budget.usd("0.50").withMaxWallTime(Duration.ofMinutes(5)))
 *     .build();
 *
 * RunResult<Report> r = team.run("Why did refunds spike last week?", Report.class);
 * r.output(); r.plans(); r.usage().byRole(); r.mermaid();
 * }</pre>
 *
 * <p>A run: the planner answers with a plan (steps, each for one executor, with dependencies) in
 * strict structured output; the plan is checked (unique ids, known executors and dependencies, no
 * cycles, at most the step limit) and sent back with every problem listed when it fails; the steps
 * run as a DAG, every step whose dependencies are done at once, up to the parallel limit; a step
 * that fails is retried on a stronger model per the {@link EscalationPolicy}, and one that still
 * fails is reported to the planner rather than ending the run; the planner reviews the results (its
 * conversation, reasoning included, continues across rounds) and answers with the typed result or
 * plans more, up to the round limit. Everything is charged to one {@link
 * dev.taskforce.budget.Ledger}: crossing a budget limit, or cancelling, stops the steps in flight
 * and ends the run with a typed outcome that keeps every finished step.
 *
 * <p>Immutable and thread-safe; run it any number of times concurrently.
 */
public final class Orchestrator {

  final Agent planner;
  final Map<String, Executor> executors;
  final List<Executor> executorList;
  final List<ChatModel> knownModels;
  final EscalationPolicy escalation;
  final Budget budget;
  final int maxRounds;
  final int maxStepsPerPlan;
  final int maxParallelSteps;
  final int maxPlanRepairs;
  final int maxStepOutputChars;
  final RunListener listener;
  final Clock clock;

  private Orchestrator(Builder b) {
    ChatModel plannerModel = b.planner != null ? b.planner : OpenRouterModels.gpt54Pro();
    if (b.executors.isEmpty()) {
      throw new IllegalArgumentException(
          "no executors: add at least one with executor(Executor.named(...))");
    }
    this.executors = new LinkedHashMap<>();
    List<ChatModel> models = new ArrayList<>();
    for (Executor given : b.executors) {
      Executor e = given.model() != null ? given : given.model(OpenRouterModels.gpt54Nano());
      if (executors.put(e.name(), e) != null) {
        throw new IllegalArgumentException("two executors are named " + e.name());
      }
      models.add(e.model());
    }
    models.add(plannerModel);
    this.executorList = List.copyOf(executors.values());
    this.knownModels = List.copyOf(models);
    this.escalation = b.escalation;
    this.budget = b.budget;
    this.maxRounds = b.maxRounds;
    this.maxStepsPerPlan = b.maxStepsPerPlan;
    this.maxParallelSteps = b.maxParallelSteps;
    this.maxPlanRepairs = b.maxPlanRepairs;
    this.maxStepOutputChars = b.maxStepOutputChars;
    this.listener = RunListener.all(b.listeners);
    this.clock = b.clock;
    this.planner =
        Agent.builder()
            .name("planner")
            .model(plannerModel)
            .instructions(
                PlannerProtocol.instructions(
                    executorList, maxStepsPerPlan, maxRounds, b.plannerInstructions))
            .reasoningEffort(b.plannerEffort)
            .maxOutputTokens(b.plannerMaxOutputTokens)
            .maxTurns(b.plannerRetries + 1)
            .outputRetries(b.plannerRetries)
            .clock(clock)
            .build();
  }

  /**
   * Starts building an orchestrator.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the team on a goal.
   *
   * @param goal what to achieve, in the user's words
   * @param type the answer type: a record or class described by a strict schema, or {@code String}
   * @param <T> the answer type
   * @return the result
   */
  public <T> RunResult<T> run(String goal, Class<T> type) {
    return run(goal, type, CancellationToken.NONE);
  }

  /**
   * Runs the team on a goal, cancellably.
   *
   * @param goal what to achieve
   * @param type the answer type
   * @param cancellation cancels the run: steps in flight stop, finished ones are kept
   * @param <T> the answer type
   * @return the result
   */
  public <T> RunResult<T> run(String goal, Class<T> type, CancellationToken cancellation) {
    requireNonNull(goal, "goal == null");
    requireNonNull(type, "type == null");
    requireNonNull(cancellation, "cancellation == null");
    long n = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    String runId = "orch-" + Long.toString(n, 36);
    return new OrchestrationRun(this, runId, goal, cancellation).run(type);
  }

  /**
   * @return the executors, in the order they were added
   */
  public List<Executor> executors() {
    return executorList;
  }

  String cut(String output) {
    if (output.length() <= maxStepOutputChars) {
      return output;
    }
    return output.substring(0, maxStepOutputChars)
        + "\n[… cut: "
        + (output.length() - maxStepOutputChars)
        + " more characters not shown]";
  }

  @Override
  public String toString() {
    return "Orchestrator{planner="
        + planner.model().id()
        + ", executors="
        + executors.keySet()
        + "}";
  }

  /** Builds an {@link Orchestrator}. Not thread-safe. */
  public static final class Builder {
    private @Nullable ChatModel planner;
    private @Nullable ReasoningEffort plannerEffort = ReasoningEffort.HIGH;
    private @Nullable Integer plannerMaxOutputTokens;
    private String plannerInstructions = "";
    private int plannerRetries = 2;
    private final List<Executor> executors = new ArrayList<>();
    private EscalationPolicy escalation = EscalationPolicy.byPrice();
    private Budget budget = Budget.UNLIMITED;
    private int maxRounds = 3;
    private int maxStepsPerPlan = 16;
    private int maxParallelSteps = 8;
    private int maxPlanRepairs = 2;
    private int maxStepOutputChars = 4_000;
    private final List<RunListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * @param model the planner's model; default GPT-5.4 Pro from {@link
     *     OpenRouterModels#gpt54Pro()} (the environment's OpenRouter client)
     * @return this builder
     */
    public Builder planner(ChatModel model) {
      this.planner = requireNonNull(model, "model == null");
      return this;
    }

    /**
     * @param effort the planner's reasoning effort (default high), or {@code null} for the model's
     *     default
     * @return this builder
     */
    public Builder plannerEffort(@Nullable ReasoningEffort effort) {
      this.plannerEffort = effort;
      return this;
    }

    /**
     * @param maxOutputTokens the planner's output limit per call, or {@code null} for the model's
     *     own (a budget may lower it)
     * @return this builder
     */
    public Builder plannerMaxOutputTokens(@Nullable Integer maxOutputTokens) {
      this.plannerMaxOutputTokens = maxOutputTokens;
      return this;
    }

    /**
     * @param instructions extra instructions for the planner, added to its built-in ones
     * @return this builder
     */
    public Builder plannerInstructions(String instructions) {
      this.plannerInstructions = requireNonNull(instructions, "instructions == null");
      return this;
    }

    /**
     * Adds an executor.
     *
     * @param executor a named executor with a model
     * @return this builder
     */
    public Builder executor(Executor executor) {
      executors.add(requireNonNull(executor, "executor == null"));
      return this;
    }

    /**
     * @param policy which stronger models failed steps are retried on (default {@link
     *     EscalationPolicy#byPrice()})
     * @return this builder
     */
    public Builder escalation(EscalationPolicy policy) {
      this.escalation = requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * @param budget the limits of each run (default none)
     * @return this builder
     */
    public Builder budget(Budget budget) {
      this.budget = requireNonNull(budget, "budget == null");
      return this;
    }

    /**
     * @param maxRounds planning rounds per run (default 3)
     * @return this builder
     */
    public Builder maxRounds(int maxRounds) {
      this.maxRounds = positive(maxRounds, "maxRounds");
      return this;
    }

    /**
     * @param maxSteps the most steps of one plan (default 16)
     * @return this builder
     */
    public Builder maxStepsPerPlan(int maxSteps) {
      this.maxStepsPerPlan = positive(maxSteps, "maxStepsPerPlan");
      return this;
    }

    /**
     * @param maxParallel the most steps running at once (default 8)
     * @return this builder
     */
    public Builder maxParallelSteps(int maxParallel) {
      this.maxParallelSteps = positive(maxParallel, "maxParallelSteps");
      return this;
    }

    /**
     * @param repairs how many times an invalid plan is sent back to the planner (default 2)
     * @return this builder
     */
    public Builder maxPlanRepairs(int repairs) {
      if (repairs < 0) {
        throw new IllegalArgumentException("maxPlanRepairs must not be negative, was " + repairs);
      }
      this.maxPlanRepairs = repairs;
      return this;
    }

    /**
     * @param retries how many times an answer that breaks the planner's schema is sent back
     *     (default 2)
     * @return this builder
     */
    public Builder plannerRetries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("plannerRetries must not be negative, was " + retries);
      }
      this.plannerRetries = retries;
      return this;
    }

    /**
     * @param maxChars the longest step output shown to the planner and to dependent steps; longer
     *     ones are cut with a marker (default 4,000)
     * @return this builder
     */
    public Builder maxStepOutputChars(int maxChars) {
      this.maxStepOutputChars = positive(maxChars, "maxStepOutputChars");
      return this;
    }

    /**
     * @param listener receives every event of every run (planner, steps, tools, budget)
     * @return this builder
     */
    public Builder listener(RunListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * @param clock the clock for wall time and event times
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * @return the orchestrator
     * @throws IllegalArgumentException if the planner or executors are missing or misconfigured
     */
    public Orchestrator build() {
      return new Orchestrator(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
