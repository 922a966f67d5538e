package dev.taskforce.examples;

import dev.taskforce.budget.Budget;
import dev.taskforce.examples.analysis.AnalysisTeamScript;
import dev.taskforce.examples.analysis.RefundData;
import dev.taskforce.examples.analysis.RefundTools;
import dev.taskforce.examples.analysis.Report;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.openrouter.OpenRouterModels;
import dev.taskforce.orchestration.Executor;
import dev.taskforce.orchestration.Orchestrator;
import dev.taskforce.orchestration.RunResult;
import dev.taskforce.orchestration.StepResult;
import dev.taskforce.tools.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Example 2, the flagship: a GPT-5.4 Pro planner leads Nano and Mini executors through a plan that
 * fans out and joins, with tools, within a budget, to a typed report.
 *
 * <p>Run it from the IDE, or with {@code ./mvnw -q -pl agent-examples -am -DskipTests package
 * exec:java}.
 */
public final class AnalysisTeam {

  static final String GOAL =
      "Refunds spiked in the week of 23 November 2026. Find out why, with figures, and say what to"
          + " do about it.";

  private AnalysisTeam() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Examples.exit(() -> run(new Console(System.out), Path.of("out")).outcome().isCompleted());
  }

  static RunResult<Report> run(Console console, Path outDir) {
    return run(console, outDir, System::getenv);
  }

  static RunResult<Report> run(
      Console console, Path outDir, Function<String, @Nullable String> env) {
    try (Provider provider = Provider.choose(console, env, new AnalysisTeamScript())) {
      Orchestrator team =
          Orchestrator.builder()
              .planner(provider.model(OpenRouterModels.GPT_5_4_PRO))
              .plannerEffort(ReasoningEffort.HIGH)
              .plannerMaxOutputTokens(16_000)
              .executor(
                  Executor.named("data")
                      .description(
                          "Pulls refund and order figures with its tools; one query per step")
                      .model(provider.model(OpenRouterModels.GPT_5_4_NANO))
                      .tools(Tools.from(new RefundTools(new RefundData()))))
              .executor(
                  Executor.named("analyst")
                      .description("Compares figures from earlier steps and explains causes")
                      .model(provider.model(OpenRouterModels.GPT_5_4_MINI)))
              .budget(Budget.usd("0.75").withMaxWallTime(Duration.ofMinutes(5)))
              .listener(console)
              .build();

      console.title("Analysis team: a Pro planner, Nano and Mini executors, one typed report");
      console.line("Goal: " + GOAL);
      RunResult<Report> r = team.run(GOAL, Report.class);

      console.title("Report");
      if (r.outcome().isCompleted()) {
        Report report = r.output();
        console.line("  " + report.headline());
        report
            .findings()
            .forEach(
                f ->
                    console.line(
                        "  • " + f.cause() + ": " + f.evidence() + " (+" + f.extraRefunds() + ")"));
        report.recommendations().forEach(s -> console.line("  → " + s));
      } else {
        console.line("  The run did not complete: " + r.outcome().describe());
      }

      console.title("Steps");
      List<String[]> rows = new ArrayList<>();
      for (StepResult s : r.steps()) {
        rows.add(
            new String[] {
              s.id(),
              s.status()
                  + "  "
                  + (s.model() == null ? "" : s.model())
                  + "  "
                  + s.usage().totalTokens()
                  + " tok  "
                  + Console.money(s.usage().costUsd())
            });
      }
      console.table(rows);
      console.title("Cost per role");
      console.usageTable("role", r.usage().byRole());
      console.title("Cost per model");
      console.usageTable("model", r.usage().byModel());
      console.title("Run");
      console.table(
          List.of(
              new String[] {"outcome", r.outcome().describe()},
              new String[] {"plans", String.valueOf(r.plans().size())},
              new String[] {"model calls", String.valueOf(r.usage().modelCalls())},
              new String[] {"tool calls", String.valueOf(r.usage().toolCalls())},
              new String[] {"wall time", Console.seconds(r.elapsed())}));
      r.mermaid()
          .ifPresent(
              m ->
                  console.line(
                      "\nPlan diagram (Mermaid): "
                          + write(outDir.resolve("analysis-team-plan.mmd"), m)));
      return r;
    }
  }

  private static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
