package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import dev.taskforce.agent.RunOutcome;

/**
 * Thrown by {@link RunResult#output()} when the orchestration did not complete. The result still
 * holds every plan and finished step.
 */
public final class OrchestrationFailedException extends TaskforceException {

  private final RunOutcome outcome;

  OrchestrationFailedException(String runId, RunOutcome outcome) {
    super(
        "orchestration "
            + runId
            + " did not complete: "
            + outcome.describe()
            + (outcome instanceof RunOutcome.LimitReached l ? " (" + l.detail() + ")" : "")
            + (outcome instanceof RunOutcome.Failed f ? " (" + f.error().getMessage() + ")" : ""),
        outcome instanceof RunOutcome.Failed f ? f.error() : null);
    this.outcome = requireNonNull(outcome, "outcome == null");
  }

  /**
   * @return how the run ended
   */
  public RunOutcome outcome() {
    return outcome;
  }
}
