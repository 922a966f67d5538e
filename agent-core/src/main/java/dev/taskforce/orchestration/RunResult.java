package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import dev.taskforce.agent.RunOutcome;
import dev.taskforce.budget.LedgerSnapshot;
import dev.taskforce.event.RunEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything one orchestration did: the answer, every plan, every step's result, what it cost per
 * role and per model, how long it took, the event timeline, and how it ended.
 *
 * <p>Immutable and thread-safe. A run that did not complete keeps every finished step; only {@link
 * #output()} throws.
 *
 * @param <T> the answer type
 */
public final class RunResult<T> {

  private final String runId;
  private final RunOutcome outcome;
  private final @Nullable T output;
  private final List<Plan> plans;
  private final List<StepResult> steps;
  private final LedgerSnapshot usage;
  private final List<RunEvent> events;

  RunResult(
      String runId,
      RunOutcome outcome,
      @Nullable T output,
      List<Plan> plans,
      List<StepResult> steps,
      LedgerSnapshot usage,
      List<RunEvent> events) {
    this.runId = requireNonNull(runId, "runId == null");
    this.outcome = requireNonNull(outcome, "outcome == null");
    this.output = output;
    this.plans = List.copyOf(plans);
    this.steps = List.copyOf(steps);
    this.usage = requireNonNull(usage, "usage == null");
    this.events = List.copyOf(events);
  }

  /**
   * @return the run's id
   */
  public String runId() {
    return runId;
  }

  /**
   * @return how the run ended
   */
  public RunOutcome outcome() {
    return outcome;
  }

  /**
   * The planner's final answer.
   *
   * @return the answer, valid by construction
   * @throws OrchestrationFailedException when the run did not complete; it says how it ended
   */
  public T output() {
    if (!outcome.isCompleted() || output == null) {
      throw new OrchestrationFailedException(runId, outcome);
    }
    return output;
  }

  /**
   * @return the answer if the run completed, else empty
   */
  public Optional<T> outputIfCompleted() {
    return outcome.isCompleted() ? Optional.ofNullable(output) : Optional.empty();
  }

  /**
   * @return every plan that ran, one per round
   */
  public List<Plan> plans() {
    return plans;
  }

  /**
   * @return the last plan, or empty when the planner answered without planning
   */
  public Optional<Plan> plan() {
    return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
  }

  /**
   * @return every step's result, in the order they finished
   */
  public List<StepResult> steps() {
    return steps;
  }

  /**
   * A step's result.
   *
   * @param id the step id
   * @return the result, or empty when no step has that id
   */
  public Optional<StepResult> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * @return tokens, cost, calls and wall time, in total, per role and per model
   */
  public LedgerSnapshot usage() {
    return usage;
  }

  /**
   * @return the run's wall time
   */
  public Duration elapsed() {
    return usage.elapsed();
  }

  /**
   * @return every event of the run, in the order they happened
   */
  public List<RunEvent> events() {
    return events;
  }

  /**
   * The last plan as a Mermaid flowchart with each step's final status.
   *
   * @return the Mermaid source, or empty when there was no plan
   */
  public Optional<String> mermaid() {
    Map<String, StepStatus> statuses = new HashMap<>();
    steps.forEach(s -> statuses.put(s.id(), s.status()));
    return plan().map(p -> p.toMermaid(statuses));
  }

  @Override
  public String toString() {
    return "RunResult{runId="
        + runId
        + ", outcome="
        + outcome.describe()
        + ", plans="
        + plans.size()
        + ", steps="
        + steps.size()
        + ", costUsd="
        + usage.total().costUsd().toPlainString()
        + "}";
  }
}
