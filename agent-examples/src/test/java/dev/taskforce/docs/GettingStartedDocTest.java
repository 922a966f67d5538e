package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.budget.Budget;
import dev.taskforce.openrouter.OpenRouterModels;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import dev.taskforce.tools.Tools;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Your first agent" of docs/getting-started.md: compiled; the tool is run, the live model not. */
class GettingStartedDocTest {

  record Order(String id, String status) {}

  enum Category {
    DELIVERY,
    BILLING
  }

  interface OrderService {
    Optional<Order> find(String id);
  }

  private final OrderService orders =
      id -> Optional.of(new Order(id, "shipped")).filter(o -> id.equals("A-1042"));

  // snippet:orderTools
  public class OrderTools {
    private final OrderService orders;
    public OrderTools(OrderService orders) { this.orders = orders; }

    @Tool("Look up an order by its id")
    public Order findOrder(@Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id) {
      return orders.find(id).orElseThrow(() -> new IllegalArgumentException("no order " + id));
    }
  }
  // end:orderTools

  // snippet:triage
  record Triage(Category category, @Min(1) @Max(4) int priority, @NotBlank String summary) {}
  // end:triage

  void firstAgent() {
    // snippet:agent
    Agent triage = Agent.builder()
        .model(OpenRouterModels.gpt54Mini())
        .instructions("You triage support tickets. Look facts up; never guess.")
        .tools(Tools.from(new OrderTools(orders)))
        .budget(Budget.usd("0.05"))
        .build();

    AgentResult<Triage> r = triage.run("Order A-1042 never arrived", Triage.class);
    if (r.outcome().isCompleted()) {
      Triage t = r.output();
    }
    // end:agent
  }

  @Test
  void theToolAnswersAndReportsAMissingOrderToTheModel() {
    var tool = Tools.from(new OrderTools(orders)).get(0);
    ToolContext context = ToolContext.builder().build();
    assertThat(tool.call("{\"id\":\"A-1042\"}", context).content())
        .isEqualTo("{\"id\":\"A-1042\",\"status\":\"shipped\"}");
    assertThat(tool.call("{\"id\":\"A-1\"}", context).content()).isEqualTo("no order A-1");
  }
}
