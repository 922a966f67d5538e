package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One step of a plan: what to do, which executor does it, and which steps it waits for.
 *
 * @param id the step's id, unique within the run (for example {@code s1})
 * @param executor the name of the executor that carries it out
 * @param instructions what the executor should do, self-contained
 * @param dependsOn ids of the steps whose results this step needs; empty when none
 */
public record Step(String id, String executor, String instructions, List<String> dependsOn) {
  /** Copies the dependencies and checks every component is present. */
  public Step {
    requireNonNull(id, "id == null");
    requireNonNull(executor, "executor == null");
    requireNonNull(instructions, "instructions == null");
    dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn == null"));
  }
}
