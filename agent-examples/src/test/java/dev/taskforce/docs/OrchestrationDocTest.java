package dev.taskforce.docs;

import dev.taskforce.budget.Budget;
import dev.taskforce.openrouter.OpenRouterModels;
import dev.taskforce.orchestration.Executor;
import dev.taskforce.orchestration.Orchestrator;
import dev.taskforce.orchestration.RunResult;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import dev.taskforce.tools.Tools;
import java.time.Duration;
import java.util.List;

/** The snippet of docs/orchestration.md; it names the live models, so it is compiled only. */
class OrchestrationDocTest {

  record Report(List<String> findings) {}

  public static final class OrderTools {
    @Tool("Refunds per day of last week")
    public List<Integer> refunds(@Param("Week, e.g. 2026-W19") String week) {
      return List.of(3, 4, 40);
    }
  }

  void team(OrderTools orderTools) {
    // snippet:team
    Orchestrator team = Orchestrator.builder()
        .planner(OpenRouterModels.gpt54Pro())                 // reasoning effort high by default
        .executor(Executor.named("orders")
            .description("Looks up orders and refunds in the order service")
            .model(OpenRouterModels.gpt54Nano())
            .tools(Tools.from(orderTools)))
        .executor(Executor.named("analyst")
            .description("Compares figures and finds causes")
            .model(OpenRouterModels.gpt54Mini()))
        .budget(Budget.usd("0.50").withMaxWallTime(Duration.ofMinutes(5)))
        .maxRounds(3)               // plan → run → review rounds (default 3)
        .maxStepsPerPlan(16)        // default 16
        .maxParallelSteps(8)        // steps running at once (default 8)
        .build();

    RunResult<Report> r = team.run("Why did refunds spike last week?", Report.class);
    r.output();           // the typed answer
    r.plans();            // every plan, one per round
    r.steps();            // every step: status, output, model, attempts, usage
    r.usage().byRole();   // planner / orders / analyst
    r.usage().byModel();  // per model
    r.mermaid();          // the last plan as a Mermaid flowchart with step statuses
    r.events();           // the whole timeline
    // end:team
  }
}
