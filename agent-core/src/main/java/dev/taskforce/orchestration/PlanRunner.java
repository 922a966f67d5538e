package dev.taskforce.orchestration;

import dev.taskforce.event.RunEvent;
import dev.taskforce.internal.Concurrency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;

/**
 * Runs a plan as a DAG: every step whose dependencies have succeeded starts at once (up to the
 * configured number at a time); a step whose dependency did not succeed is skipped.
 */
final class PlanRunner {

  private final OrchestrationRun run;
  private final StepRunner steps;

  PlanRunner(OrchestrationRun run) {
    this.run = run;
    this.steps = new StepRunner(run);
  }

  /**
   * Runs the plan.
   *
   * @param plan the checked plan
   * @param finished results of earlier rounds, by id; this round's are added as they finish
   * @return this round's results, in plan order
   */
  List<StepResult> execute(Plan plan, Map<String, StepResult> finished) {
    Map<String, Step> pending = new LinkedHashMap<>();
    plan.steps().forEach(s -> pending.put(s.id(), s));
    Map<String, StepResult> results = new LinkedHashMap<>();
    ExecutorCompletionService<StepResult> done =
        new ExecutorCompletionService<>(Concurrency.executor());
    int running = 0;
    int maxParallel = run.orchestrator.maxParallelSteps;
    while (!pending.isEmpty() || running > 0) {
      if (run.stopping()) {
        for (Step s : pending.values()) {
          results.put(
              s.id(),
              finish(
                  StepResult.notRun(s, StepStatus.CANCELLED, "not started: " + run.stopReason())));
        }
        pending.clear();
      }
      boolean progress = false;
      for (Step s : List.copyOf(pending.values())) {
        if (running >= maxParallel) {
          break;
        }
        StepResult blocked = blockedBy(s, finished);
        if (blocked != null) {
          pending.remove(s.id());
          StepResult skipped =
              StepResult.notRun(
                  s, StepStatus.SKIPPED, "skipped: step " + blocked.id() + " did not succeed");
          results.put(s.id(), finish(skipped));
          finished.put(s.id(), skipped);
          progress = true;
          continue;
        }
        if (ready(s, finished)) {
          pending.remove(s.id());
          Map<String, StepResult> snapshot = Map.copyOf(finished);
          done.submit(() -> steps.run(s, snapshot));
          running++;
          progress = true;
        }
      }
      if (running == 0) {
        if (!progress) {
          // Nothing can start and nothing runs: the rest wait for steps that will never finish.
          for (Step s : pending.values()) {
            results.put(
                s.id(),
                finish(
                    StepResult.notRun(s, StepStatus.SKIPPED, "skipped: a dependency never ran")));
          }
          pending.clear();
        }
        continue; // Skips above may have unblocked more steps (or made them skippable).
      }
      StepResult r = take(done);
      running--;
      results.put(r.id(), finish(r));
      finished.put(r.id(), r);
    }
    List<StepResult> ordered = new ArrayList<>();
    for (Step s : plan.steps()) {
      ordered.add(results.get(s.id()));
    }
    return ordered;
  }

  private StepResult finish(StepResult r) {
    run.emit(
        new RunEvent.StepFinished(run.runId, r.id(), run.now(), r.status(), r.model(), r.usage()));
    return r;
  }

  private static boolean ready(Step s, Map<String, StepResult> finished) {
    for (String d : s.dependsOn()) {
      StepResult r = finished.get(d);
      if (r == null || r.status() != StepStatus.SUCCEEDED) {
        return false;
      }
    }
    return true;
  }

  private static StepResult blockedBy(Step s, Map<String, StepResult> finished) {
    for (String d : s.dependsOn()) {
      StepResult r = finished.get(d);
      if (r != null && r.status() != StepStatus.SUCCEEDED) {
        return r;
      }
    }
    return null;
  }

  private static StepResult take(ExecutorCompletionService<StepResult> done) {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.taskforce.cancel.CancelledException("interrupted while waiting for plan steps");
    } catch (ExecutionException e) {
      // StepRunner turns every failure into a result; anything else is a bug worth seeing.
      throw new IllegalStateException("a plan step failed unexpectedly", e.getCause());
    }
  }
}
