package dev.taskforce.orchestration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a plan before it runs: ids unique (in the run), executors known, dependencies known, no
 * cycles, within the step limit. Every problem is reported, so the planner can fix them at once.
 */
final class PlanCheck {

  private PlanCheck() {}

  /**
   * The plan's problems.
   *
   * @param plan the plan
   * @param executors the configured executor names
   * @param maxSteps the most steps a plan may have
   * @param earlier ids of steps of earlier rounds (they may be depended on, not reused)
   * @return every problem; empty when the plan may run
   */
  static List<String> problems(
      Plan plan, Set<String> executors, int maxSteps, Set<String> earlier) {
    List<String> problems = new ArrayList<>();
    List<Step> steps = plan.steps();
    if (steps.isEmpty()) {
      problems.add("the plan has no steps");
    }
    if (steps.size() > maxSteps) {
      problems.add("the plan has " + steps.size() + " steps; at most " + maxSteps + " are allowed");
    }
    Set<String> ids = new HashSet<>();
    for (Step s : steps) {
      if (s.id().isBlank()) {
        problems.add("a step has an empty id");
      } else if (!ids.add(s.id())) {
        problems.add("step id " + s.id() + " is used by more than one step");
      } else if (earlier.contains(s.id())) {
        problems.add("step id " + s.id() + " was used in an earlier round; choose a new id");
      }
      if (!executors.contains(s.executor())) {
        problems.add(
            "step "
                + s.id()
                + " names executor \""
                + s.executor()
                + "\", which does not exist; use one of "
                + executors);
      }
      if (s.instructions().isBlank()) {
        problems.add("step " + s.id() + " has no instructions");
      }
    }
    for (Step s : steps) {
      for (String d : s.dependsOn()) {
        if (d.equals(s.id())) {
          problems.add("step " + s.id() + " depends on itself");
        } else if (!ids.contains(d) && !earlier.contains(d)) {
          problems.add("step " + s.id() + " depends on " + d + ", which is not a step");
        }
      }
    }
    List<String> cycle = cycle(steps);
    if (!cycle.isEmpty()) {
      problems.add("the dependencies form a cycle: " + String.join(" -> ", cycle));
    }
    return problems;
  }

  /** A cycle among the steps (first id repeated at the end), or empty. */
  private static List<String> cycle(List<Step> steps) {
    Map<String, List<String>> deps = new HashMap<>();
    for (Step s : steps) {
      deps.putIfAbsent(s.id(), s.dependsOn());
    }
    Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
    for (String start : deps.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      List<String> found = visit(start, deps, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> visit(
      String id, Map<String, List<String>> deps, Map<String, Integer> state, Deque<String> path) {
    state.put(id, 1);
    path.addLast(id);
    for (String d : deps.getOrDefault(id, List.of())) {
      if (!deps.containsKey(d) || d.equals(id)) {
        continue;
      }
      Integer st = state.get(d);
      if (st != null && st == 1) {
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (String p : path) {
          in |= p.equals(d);
          if (in) {
            cycle.add(p);
          }
        }
        cycle.add(d);
        return cycle;
      }
      if (st == null) {
        List<String> found = visit(d, deps, state, path);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    path.removeLast();
    state.put(id, 2);
    return List.of();
  }

  static String repairMessage(List<String> problems) {
    Set<String> unique = new LinkedHashSet<>(problems);
    StringBuilder sb = new StringBuilder("Your plan cannot run. Problems:\n");
    for (String p : unique) {
      sb.append("- ").append(p).append('\n');
    }
    sb.append("Answer again with a corrected plan (or the final answer).");
    return sb.toString();
  }
}
