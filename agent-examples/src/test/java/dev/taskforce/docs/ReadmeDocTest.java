package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.budget.Budget;
import dev.taskforce.openrouter.OpenRouterModels;
import dev.taskforce.orchestration.Executor;
import dev.taskforce.orchestration.Orchestrator;
import dev.taskforce.orchestration.RunResult;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import dev.taskforce.tools.Tools;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The "In code" sample of README.md. It uses the live OpenRouter models, so it is compiled but only
 * its tools are run.
 */
class ReadmeDocTest {

  record Order(String id, String status) {}

  record Triage(String category, int priority) {}

  record Report(List<String> findings) {}

  interface OrderService {
    Optional<Order> find(String id);
  }

  private final OrderService orders = id -> Optional.of(new Order(id, "shipped"));

  // snippet:tools
  // 1. Expose existing service methods as tools.
  public class OrderTools {
    @Tool("Look up an order by its id")
    public Order findOrder(@Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id) {
      return orders.find(id).orElseThrow();
    }
  }
  // end:tools

  void inCode() {
    // snippet:agents
    // 2. One agent, a typed answer, valid by construction.
    Agent triage = Agent.builder()
        .model(OpenRouterModels.gpt54Mini())              // key from OPENROUTER_API_KEY
        .instructions("You triage support tickets.")
        .tools(Tools.from(new OrderTools()))
        .build();
    Triage t = triage.run("Customer says order A-1042 never arrived", Triage.class).output();

    // 3. A planner leading executors, within a budget.
    Orchestrator team = Orchestrator.builder()
        .planner(OpenRouterModels.gpt54Pro())
        .executor(Executor.named("orders").description("Looks up orders")
            .model(OpenRouterModels.gpt54Nano()).tools(Tools.from(new OrderTools())))
        .executor(Executor.named("writer").description("Writes reports")
            .model(OpenRouterModels.gpt54Mini()))
        .budget(Budget.usd("0.50").withMaxWallTime(Duration.ofMinutes(5)))
        .build();
    RunResult<Report> r = team.run("Why did refunds spike last week?", Report.class);
    r.output(); r.plans(); r.usage().byRole(); r.mermaid();
    // end:agents
  }

  @Test
  void theToolIsStrictAndLooksTheOrderUp() {
    var tool = Tools.from(new OrderTools()).get(0);
    assertThat(tool.spec().name()).isEqualTo("findOrder");
    assertThat(
            tool.call("{\"id\":\"A-1042\"}", dev.taskforce.tool.ToolContext.builder().build())
                .content())
        .isEqualTo("{\"id\":\"A-1042\",\"status\":\"shipped\"}");
  }
}
