package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one step produced.
 *
 * @param step the step
 * @param status how it ended
 * @param output the executor's answer (text, or the typed answer as JSON), or {@code null} when the
 *     step did not succeed
 * @param model the model that produced the output, or the last one tried
 * @param attempts every try, in order; empty when the step never started
 * @param usage what all tries used together
 * @param error why the step did not succeed, or {@code null} when it did
 */
public record StepResult(
    Step step,
    StepStatus status,
    @Nullable String output,
    @Nullable String model,
    List<StepAttempt> attempts,
    Usage usage,
    @Nullable String error) {

  /** Copies the attempts. */
  public StepResult {
    requireNonNull(step, "step == null");
    requireNonNull(status, "status == null");
    attempts = List.copyOf(requireNonNull(attempts, "attempts == null"));
    requireNonNull(usage, "usage == null");
  }

  /**
   * @return the step's id
   */
  public String id() {
    return step.id();
  }

  static StepResult notRun(Step step, StepStatus status, String why) {
    return new StepResult(step, status, null, null, List.of(), Usage.ZERO, why);
  }
}
