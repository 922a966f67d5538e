package dev.taskforce.orchestration;

/** Where a step stands. */
public enum StepStatus {
  /** Planned, not started. */
  PLANNED,
  /** Running now. */
  RUNNING,
  /** Finished with a result. */
  SUCCEEDED,
  /** Failed on every model it was tried on. */
  FAILED,
  /** Not run because a step it depends on did not succeed. */
  SKIPPED,
  /** Stopped or never started because the run was cancelled or ran out of budget. */
  CANCELLED
}
