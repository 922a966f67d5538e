package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import dev.taskforce.agent.RunOutcome;
import dev.taskforce.model.Usage;

/**
 * One try of a step on one model.
 *
 * @param model the model the step ran on
 * @param outcome how that try ended
 * @param usage what it used
 * @param turns the model calls it made
 */
public record StepAttempt(String model, RunOutcome outcome, Usage usage, int turns) {
  /** Checks the components are present. */
  public StepAttempt {
    requireNonNull(model, "model == null");
    requireNonNull(outcome, "outcome == null");
    requireNonNull(usage, "usage == null");
  }
}
