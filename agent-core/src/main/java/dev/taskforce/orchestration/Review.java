package dev.taskforce.orchestration;

import java.util.List;

/** The message that shows the planner a round's results. */
final class Review {

  private Review() {}

  static String message(
      OrchestrationRun run, Plan plan, List<StepResult> results, boolean lastRound) {
    StringBuilder sb = new StringBuilder("Results of round ").append(plan.round()).append(":\n");
    for (StepResult r : results) {
      sb.append("\n### ").append(r.id()).append(" (").append(r.step().executor());
      if (r.model() != null) {
        sb.append(", ").append(r.model());
      }
      sb.append("): ").append(r.status().name().toLowerCase(java.util.Locale.ROOT));
      if (r.attempts().size() > 1) {
        sb.append(" after ").append(r.attempts().size()).append(" tries");
      }
      sb.append('\n');
      if (r.output() != null) {
        sb.append(run.orchestrator.cut(r.output())).append('\n');
      } else if (r.error() != null) {
        sb.append("Error: ").append(r.error()).append('\n');
      }
    }
    sb.append('\n');
    if (lastRound) {
      sb.append("That was the last planning round: answer now with kind \"answer\".");
    } else {
      sb.append(
          "Answer with kind \"answer\" if these results are enough, or with kind \"plan\" and"
              + " further steps (new ids; they may depend on the steps above).");
    }
    return sb.toString();
  }
}
