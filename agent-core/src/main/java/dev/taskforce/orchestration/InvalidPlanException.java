package dev.taskforce.orchestration;

import dev.taskforce.TaskforceException;
import java.util.List;

/** The planner kept making plans that cannot run, after the allowed repairs. */
public final class InvalidPlanException extends TaskforceException {

  private final List<String> problems;

  InvalidPlanException(List<String> problems) {
    super("the planner's plan cannot run: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * @return every problem of the last plan
   */
  public List<String> problems() {
    return problems;
  }
}
