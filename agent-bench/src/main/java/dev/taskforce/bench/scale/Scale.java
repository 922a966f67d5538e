package dev.taskforce.bench.scale;

import dev.taskforce.agent.Agent;
import dev.taskforce.bench.Benchmark;
import dev.taskforce.bench.Figure;
import dev.taskforce.bench.Mode;
import dev.taskforce.bench.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Benchmark 3a: 10,000 concurrent agent runs of three turns (two tool turns and an answer) against
 * an in-process model that answers after 500 ms, in a 1 GiB heap. The ideal is three model
 * latencies; the target (within 1.25x of it) applies on Java 21+, where each run has a virtual
 * thread. On Java 17 a pool of platform threads bounds how many runs are in flight, and the time is
 * reported without a target.
 */
public final class Scale implements Benchmark {

  static final double MAX_OVER_IDEAL = 1.25;

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public List<String> jvmOptions() {
    return List.of("-Xmx1g");
  }

  @Override
  public List<Figure> run(Mode mode) throws Exception {
    boolean full = mode == Mode.FULL;
    int runs = full ? 10_000 : 500;
    Duration latency = Duration.ofMillis(full ? 500 : 50);
    boolean virtual = Launcher.virtualThreads();
    int repeats = full && virtual ? 3 : 1;
    InFlight inFlight = new InFlight();
    if (full) {
      Batch.run(agent(Duration.ofMillis(20), inFlight), 1_000); // warm-up
    }
    Agent agent = agent(latency, inFlight);
    List<Batch.Result> results = new ArrayList<>();
    int peakCalls = 0;
    for (int i = 0; i < repeats; i++) {
      inFlight.reset();
      Batch.Result r = Batch.run(agent, runs);
      peakCalls = Math.max(peakCalls, inFlight.peak());
      results.add(r);
      System.err.printf(
          "scale: %d runs on %s: %.3f s, peak heap %.0f MiB, peak platform threads %d,"
              + " peak model calls in flight %d%n",
          runs,
          Launcher.describe(),
          r.seconds(),
          r.peakHeapMiB(),
          r.peakPlatformThreads(),
          inFlight.peak());
    }
    results.sort(Comparator.comparingLong(Batch.Result::wallNanos));
    Batch.Result median = results.get(results.size() / 2);
    double ideal = ThreeTurns.TURNS * latency.toMillis() / 1000.0;
    String metric =
        String.format(
            "%,d runs × 3 turns, %d ms model, %s", runs, latency.toMillis(), Launcher.describe());
    Figure wall;
    if (virtual) {
      boolean met = median.seconds() <= MAX_OVER_IDEAL * ideal;
      wall =
          new Figure(
              metric,
              median.seconds(),
              "s",
              Double.NaN,
              ideal,
              "≤ " + MAX_OVER_IDEAL + "x ideal (21+)",
              met ? Verdict.PASS : Verdict.FAIL);
    } else {
      wall =
          new Figure(metric, median.seconds(), "s", Double.NaN, ideal, "none on 17", Verdict.NONE);
    }
    return List.of(
        wall,
        Figure.info("peak heap used (-Xmx1g)", median.peakHeapMiB(), "MiB"),
        Figure.info("peak live platform threads", median.peakPlatformThreads(), ""),
        Figure.info("peak model calls in flight", peakCalls, ""),
        Figure.info(
            "CPU per model call (whole JVM)",
            median.cpuNanos() / 1e3 / (runs * (double) ThreeTurns.TURNS),
            "µs"));
  }

  static Agent agent(Duration latency, InFlight inFlight) {
    return Agent.builder()
        .name("scale")
        .model(new DelayedModel(latency, inFlight))
        .instructions("You answer questions about orders. Use the lookup tool.")
        .tools(List.of(ThreeTurns.tool()))
        .maxTurns(ThreeTurns.TURNS + 1)
        .build();
  }
}
