package dev.taskforce.bench.scale;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Many runs of one agent at once, each on its own thread from the {@link Launcher}; timed. */
final class Batch {

  /**
   * What a batch measured.
   *
   * @param cpuNanos CPU time of this whole JVM during the batch (all threads: JIT and GC too)
   */
  record Result(long wallNanos, double peakHeapMiB, int peakPlatformThreads, long cpuNanos) {
    double seconds() {
      return wallNanos / 1e9;
    }
  }

  private Batch() {}

  /**
   * Starts {@code runs} runs of {@code agent} at once and waits for all of them.
   *
   * @throws IllegalStateException if a run did not answer in {@link ThreeTurns#TURNS} turns
   */
  static Result run(Agent agent, int runs) throws InterruptedException {
    System.gc();
    try (Peaks peaks = Peaks.start()) {
      ExecutorService threads = Launcher.create();
      long start = System.nanoTime();
      long cpu = LocalModelServer.cpuNanos();
      List<Future<AgentResult<String>>> futures = new ArrayList<>(runs);
      for (int i = 0; i < runs; i++) {
        String message = "Where is order A-" + i + "?";
        futures.add(threads.submit(() -> agent.run(message)));
      }
      int failed = 0;
      String firstFailure = null;
      for (Future<AgentResult<String>> f : futures) {
        String problem = problem(f);
        if (problem != null) {
          failed++;
          firstFailure = firstFailure == null ? problem : firstFailure;
        }
      }
      long wall = System.nanoTime() - start;
      cpu = LocalModelServer.cpuNanos() - cpu;
      threads.shutdown();
      if (failed > 0) {
        throw new IllegalStateException(
            failed + " of " + runs + " runs did not complete; the first: " + firstFailure);
      }
      return new Result(wall, peaks.peakHeapMiB(), peaks.peakPlatformThreads(), cpu);
    }
  }

  private static String problem(Future<AgentResult<String>> f) throws InterruptedException {
    try {
      AgentResult<String> r = f.get();
      if (!r.outcome().isCompleted()) {
        return r.outcome().describe();
      }
      if (r.turns() != ThreeTurns.TURNS || !ThreeTurns.ANSWER.equals(r.output())) {
        return "answered in " + r.turns() + " turns: " + r.output();
      }
      return null;
    } catch (ExecutionException e) {
      return e.getCause().toString();
    }
  }
}
