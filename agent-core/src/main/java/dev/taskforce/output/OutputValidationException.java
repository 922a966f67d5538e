package dev.taskforce.output;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import java.util.List;

/**
 * The model's answer did not parse as, or did not validate as, the requested type, even after the
 * allowed repair attempts. Holds the last raw answer and every problem found in it.
 */
public final class OutputValidationException extends TaskforceException {

  private final String raw;
  private final List<OutputProblem> problems;

  /**
   * Creates the exception.
   *
   * @param type the requested type
   * @param raw the model's last answer, unchanged
   * @param problems what was wrong with it
   */
  public OutputValidationException(Class<?> type, String raw, List<OutputProblem> problems) {
    super(
        "the answer is not a valid "
            + type.getSimpleName()
            + ": "
            + String.join("; ", problems.stream().map(OutputProblem::toString).toList()));
    this.raw = requireNonNull(raw, "raw == null");
    this.problems = List.copyOf(problems);
  }

  /**
   * The model's last answer, exactly as it came.
   *
   * @return the raw text
   */
  public String raw() {
    return raw;
  }

  /**
   * Everything that was wrong with it.
   *
   * @return the problems; never empty
   */
  public List<OutputProblem> problems() {
    return problems;
  }
}
