package dev.taskforce.agent;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;

/**
 * Thrown by {@link AgentResult#output()} when the run did not complete. The result it came from
 * still holds everything the run did.
 */
public final class RunFailedException extends TaskforceException {

  private final RunOutcome outcome;

  RunFailedException(String runId, RunOutcome outcome) {
    super(
        "run " + runId + " did not complete: " + detail(outcome),
        outcome instanceof RunOutcome.Failed f ? f.error() : null);
    this.outcome = requireNonNull(outcome, "outcome == null");
  }

  /**
   * How the run ended.
   *
   * @return the outcome; never {@link RunOutcome.Completed}
   */
  public RunOutcome outcome() {
    return outcome;
  }

  private static String detail(RunOutcome o) {
    if (o instanceof RunOutcome.LimitReached l) {
      return l.describe() + " (" + l.detail() + ")";
    }
    if (o instanceof RunOutcome.Failed f) {
      return f.describe() + " (" + f.error().getMessage() + ")";
    }
    return o.describe();
  }
}
