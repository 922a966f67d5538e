package dev.taskforce.bench.plan;

import static java.util.Objects.requireNonNull;

import dev.taskforce.orchestration.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's plan: layers of steps where each step of a layer depends on a few adjacent steps
 * of the layer before. {@link #benchmark()} is 8 → 6 → 2 (16 steps, 8 wide, 3 deep): step {@code j}
 * of a layer depends on steps {@code j·w}, …, {@code j·w + k} of the previous layer, spread so that
 * every step of a layer but the last has a dependant.
 */
record PlanShape(List<Step> steps) {

  static final String EXECUTOR = "worker";

  PlanShape {
    steps = List.copyOf(requireNonNull(steps, "steps == null"));
  }

  /** 8 → 6 → 2: sixteen steps, eight wide, three deep. */
  static PlanShape benchmark() {
    return layered(8, 6, 2);
  }

  /**
   * A layered plan. Step {@code j} of a layer with {@code m} steps after a layer with {@code n}
   * depends on the previous layer's steps {@code floor(j·n/m)} to {@code ceil((j+1)·n/m) - 1} (at
   * least one), so the dependencies cover the previous layer without gaps.
   *
   * @param widths the number of steps in each layer, first layer first
   * @return the plan's steps, ids {@code s1}, {@code s2}, … in layer order
   */
  static PlanShape layered(int... widths) {
    List<Step> steps = new ArrayList<>();
    List<String> previous = List.of();
    int next = 1;
    for (int width : widths) {
      if (width <= 0) {
        throw new IllegalArgumentException("layer widths must be positive, was " + width);
      }
      List<String> layer = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        String id = "s" + next++;
        List<String> deps = new ArrayList<>();
        if (!previous.isEmpty()) {
          int n = previous.size();
          int from = j * n / width;
          int to = Math.max(from + 1, ceilDiv((j + 1) * n, width));
          deps.addAll(previous.subList(from, to));
        }
        steps.add(
            new Step(
                id, EXECUTOR, "Work on part " + id + " of the goal and report briefly.", deps));
        layer.add(id);
      }
      previous = layer;
    }
    return new PlanShape(steps);
  }

  /**
   * Each step's level: 1 for a step without dependencies, else one more than its deepest
   * dependency.
   */
  Map<String, Integer> levels() {
    Map<String, Integer> level = new HashMap<>();
    for (Step s : steps) { // Steps come in layer order: dependencies before dependants.
      int l = 1;
      for (String d : s.dependsOn()) {
        l = Math.max(l, level.get(d) + 1);
      }
      level.put(s.id(), l);
    }
    return level;
  }

  /** The number of levels: the longest chain of dependencies, counted in steps. */
  int depth() {
    return levels().values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The most steps on one level: how many can run at once. */
  int width() {
    Map<Integer, Integer> perLevel = new HashMap<>();
    levels().values().forEach(l -> perLevel.merge(l, 1, Integer::sum));
    return perLevel.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /**
   * The longest path through the plan, weighting each step by how long it took.
   *
   * @param nanos each step's time, by id (its model calls, as measured)
   * @return the sum of the step times along the heaviest chain of dependencies
   */
  long criticalPathNanos(Map<String, Long> nanos) {
    Map<String, Long> finish = new HashMap<>();
    long longest = 0;
    for (Step s : steps) {
      long start = 0;
      for (String d : s.dependsOn()) {
        start = Math.max(start, finish.get(d));
      }
      Long own = nanos.get(s.id());
      if (own == null) {
        throw new IllegalArgumentException("no time for step " + s.id());
      }
      long end = start + own;
      finish.put(s.id(), end);
      longest = Math.max(longest, end);
    }
    return longest;
  }

  /** The plan as the planner writes it: {@code {"kind":"plan","steps":[...],"answer":null}}. */
  String plannerJson() {
    StringBuilder sb = new StringBuilder("{\"kind\":\"plan\",\"steps\":[");
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":\"").append(s.id()).append("\",\"executor\":\"").append(s.executor());
      sb.append("\",\"instructions\":\"").append(s.instructions()).append("\",\"dependsOn\":[");
      for (int k = 0; k < s.dependsOn().size(); k++) {
        sb.append(k > 0 ? "," : "").append('"').append(s.dependsOn().get(k)).append('"');
      }
      sb.append("]}");
    }
    return sb.append("],\"answer\":null}").toString();
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
