package dev.taskforce.bench.plan;

import dev.taskforce.bench.Benchmark;
import dev.taskforce.bench.Figure;
import dev.taskforce.bench.Mode;
import dev.taskforce.bench.Verdict;
import dev.taskforce.event.RunEvent;
import dev.taskforce.orchestration.EscalationPolicy;
import dev.taskforce.orchestration.Executor;
import dev.taskforce.orchestration.Orchestrator;
import dev.taskforce.orchestration.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 2: a 16-step plan (8 → 6 → 2) run by an {@link Orchestrator} whose planner and executor
 * models each take a fixed time per call, against the critical path of the calls actually made and
 * against the same steps run one after another ({@code maxParallelSteps(1)}).
 */
public final class PlanParallelism implements Benchmark {

  static final double MAX_OVER_CRITICAL_PATH = 1.10;
  static final double MIN_SPEED_UP = 3.7;

  /** One orchestration run, timed. */
  record Run(long wallNanos, long stepPhaseNanos, long criticalPathNanos, int modelCalls) {
    double overCriticalPath() {
      return (double) wallNanos / criticalPathNanos;
    }
  }

  @Override
  public String name() {
    return "plan-parallelism";
  }

  @Override
  public List<Figure> run(Mode mode) {
    boolean full = mode == Mode.FULL;
    Duration latency = Duration.ofMillis(full ? 200 : 20);
    int warmUps = full ? 2 : 0;
    int repeats = full ? 5 : 1;
    PlanShape plan = PlanShape.benchmark();
    for (int i = 0; i < warmUps; i++) {
      once(plan, latency, 8);
      once(plan, latency, 1);
    }
    List<Run> parallel = new ArrayList<>();
    List<Run> sequential = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      parallel.add(once(plan, latency, 8));
      sequential.add(once(plan, latency, 1));
      System.err.printf(
          "plan-parallelism: run %d: wall %.1f ms (critical path %.1f ms), steps %.1f ms;"
              + " one after another: wall %.1f ms, steps %.1f ms%n",
          i + 1,
          ms(parallel.get(i).wallNanos()),
          ms(parallel.get(i).criticalPathNanos()),
          ms(parallel.get(i).stepPhaseNanos()),
          ms(sequential.get(i).wallNanos()),
          ms(sequential.get(i).stepPhaseNanos()));
    }
    Run median = median(parallel, Comparator.comparingDouble(Run::overCriticalPath));
    double stepsInParallel = median(parallel.stream().map(Run::stepPhaseNanos).toList());
    double stepsInSequence = median(sequential.stream().map(Run::stepPhaseNanos).toList());
    double wallInSequence = median(sequential.stream().map(Run::wallNanos).toList());
    double wallInParallel = median(parallel.stream().map(Run::wallNanos).toList());
    double stepSpeedUp = stepsInSequence / stepsInParallel;
    double runSpeedUp = wallInSequence / wallInParallel;
    String perCall = latency.toMillis() + " ms per model call";
    return List.of(
        new Figure(
            "wall time, 16 steps 8→6→2, " + perCall,
            ms(median.wallNanos()),
            "ms",
            Double.NaN,
            ms(median.criticalPathNanos()),
            "≤ " + MAX_OVER_CRITICAL_PATH + "x critical path",
            median.overCriticalPath() <= MAX_OVER_CRITICAL_PATH ? Verdict.PASS : Verdict.FAIL),
        Figure.info("steps phase, in parallel", ms(stepsInParallel), "ms"),
        Figure.info("steps phase, one after another", ms(stepsInSequence), "ms"),
        new Figure(
            "steps speed-up vs one after another",
            stepSpeedUp,
            "x",
            Double.NaN,
            Double.NaN,
            "≥ " + MIN_SPEED_UP + "x",
            stepSpeedUp >= MIN_SPEED_UP ? Verdict.PASS : Verdict.FAIL),
        Figure.info("whole run speed-up incl. 2 planner calls (ideal 3.6x)", runSpeedUp, "x"));
  }

  /**
   * Runs the plan once and measures it.
   *
   * @param maxParallel the orchestrator's {@code maxParallelSteps}; 1 runs the steps one after
   *     another
   */
  static Run once(PlanShape plan, Duration latency, int maxParallel) {
    SleepingModel planner = SleepingModel.planner(latency, plan);
    SleepingModel executor = SleepingModel.executor(latency);
    AtomicLong planMade = new AtomicLong();
    AtomicLong lastStepFinished = new AtomicLong();
    Orchestrator team =
        Orchestrator.builder()
            .planner(planner)
            .plannerEffort(null)
            .executor(
                Executor.named(PlanShape.EXECUTOR)
                    .description("Works on one part of the goal")
                    .model(executor))
            .escalation(EscalationPolicy.none())
            .maxRounds(1)
            .maxStepsPerPlan(plan.steps().size())
            .maxParallelSteps(maxParallel)
            .listener(
                event -> {
                  if (event instanceof RunEvent.PlanMade) {
                    planMade.set(System.nanoTime());
                  } else if (event instanceof RunEvent.StepFinished) {
                    lastStepFinished.set(System.nanoTime());
                  }
                })
            .build();
    long start = System.nanoTime();
    RunResult<String> result = team.run("Benchmark the plan", String.class);
    long wall = System.nanoTime() - start;
    if (!result.outcome().isCompleted()) {
      throw new IllegalStateException("the orchestration did not complete: " + result.outcome());
    }
    List<SleepingModel.Call> plannerCalls = planner.calls();
    List<SleepingModel.Call> executorCalls = executor.calls();
    if (plannerCalls.size() != 2 || executorCalls.size() != plan.steps().size()) {
      throw new IllegalStateException(
          "expected 2 planner and 16 executor calls, saw "
              + plannerCalls.size()
              + " and "
              + executorCalls.size());
    }
    Map<String, Long> stepNanos = new HashMap<>();
    executorCalls.forEach(c -> stepNanos.merge(c.label(), c.nanos(), Long::sum));
    long critical = plan.criticalPathNanos(stepNanos);
    for (SleepingModel.Call c : plannerCalls) {
      critical += c.nanos(); // The plan call before the steps, the review after: both on the path.
    }
    return new Run(
        wall,
        lastStepFinished.get() - planMade.get(),
        critical,
        plannerCalls.size() + executorCalls.size());
  }

  private static <T> T median(List<T> values, Comparator<T> order) {
    List<T> sorted = new ArrayList<>(values);
    sorted.sort(order);
    return sorted.get(sorted.size() / 2);
  }

  private static double median(List<Long> values) {
    return median(values, Comparator.naturalOrder());
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }
}
