package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentRequest;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ToolCall;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.test.ScriptedModel;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import dev.taskforce.tool.ToolSpec;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import dev.taskforce.tools.Tools;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snippets of docs/tools.md, run against a scripted model. */
class ToolsDocTest {

  record Order(String id, String status, BigDecimal total) {}

  record Refund(String orderId, BigDecimal amount, String reason) {}

  record Tenant(String id) {}

  interface OrderService {
    Optional<Order> find(Tenant tenant, String id);
  }

  interface Payments {
    Refund refund(Tenant tenant, Order order, String reason);
  }

  private final OrderService orders =
      (tenant, id) ->
          Optional.of(new Order(id, "shipped", new BigDecimal("42.50")))
              .filter(o -> tenant.id().equals("acme") && id.equals("A-1042"));
  private final Payments payments =
      (tenant, order, reason) -> new Refund(order.id(), order.total(), reason);
  private final Tenant tenant = new Tenant("acme");

  // snippet:orderTools
  public class OrderTools {
    private final OrderService orders;
    private final Payments payments;

    public OrderTools(OrderService orders, Payments payments) {
      this.orders = orders;
      this.payments = payments;
    }

    @Tool("Look up an order by its id")
    public Order findOrder(
        @Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id,
        Tenant tenant) {                      // no @Param: supplied by the run, never by the model
      return orders.find(tenant, id)
          .orElseThrow(() -> new IllegalArgumentException("there is no order " + id));
    }

    @Tool(value = "Refund an order in full", timeoutMillis = 10_000)
    public Refund refund(
        @Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id,
        @Param("Why, in the customer's words") Optional<String> reason,
        Tenant tenant) {
      return payments.refund(tenant, findOrder(id, tenant), reason.orElse(""));
    }
  }
  // end:orderTools

  @Test
  void theAgentCallsTheToolsWithTheTenantOfTheRun() {
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(
        ScriptedTurn.builder()
            .toolCall(new ToolCall("call_1", "findOrder", "{\"id\":\"A-1042\"}"))
            .build(),
        ScriptedTurn.ofText("Order A-1042 has shipped."));

    // snippet:agent
    Agent agent = Agent.builder()
        .model(model)
        .instructions("You answer questions about orders.")
        .tools(Tools.from(new OrderTools(orders, payments)))
        .toolTimeout(Duration.ofSeconds(30))    // for tools without timeoutMillis (default 1 minute)
        .build();

    AgentResult<String> r = agent.run(AgentRequest.builder()
        .message("Where is order A-1042?")
        .value(Tenant.class, tenant)            // what Tenant parameters receive
        .build());
    // end:agent

    assertThat(r.output()).isEqualTo("Order A-1042 has shipped.");
    assertThat(r.toolCalls().get(0).result())
        .isEqualTo(
            ToolResult.success("{\"id\":\"A-1042\",\"status\":\"shipped\",\"total\":42.50}"));
  }

  private ToolHandler tool(String name) {
    return Tools.from(new OrderTools(orders, payments)).stream()
        .filter(t -> t.spec().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private ToolResult call(String name, String arguments) {
    return tool(name).call(arguments, ToolContext.builder().value(Tenant.class, tenant).build());
  }

  @Test
  void theSchemaIsTheOneTheDocShows() {
    assertThat(tool("findOrder").spec().parameters().node())
        .isEqualTo(Json.parse(Markdown.output("docs/tools.md", "find-order-schema")));
    assertThat(tool("refund").spec().parameters().node())
        .isEqualTo(Json.parse(Markdown.output("docs/tools.md", "refund-schema")));
    assertThat(tool("refund").timeout()).contains(Duration.ofSeconds(10));
    assertThat(tool("findOrder").timeout()).isEmpty();
  }

  @Test
  void badArgumentsGetTheMessagesTheDocShows() {
    assertThat(call("refund", "{\"id\":\"1042\",\"reason\":7,\"amount\":5}"))
        .isEqualTo(ToolResult.failure(Markdown.output("docs/tools.md", "structural-problems")));
    assertThat(call("refund", "{\"id\":\"1042\",\"reason\":null}"))
        .isEqualTo(ToolResult.failure(Markdown.output("docs/tools.md", "constraint-problems")));
    assertThat(call("findOrder", "{\"id\":\"A-7\"}"))
        .isEqualTo(ToolResult.failure("there is no order A-7"));
    assertThat(tool("findOrder").call("{\"id\":\"A-7\"}", ToolContext.builder().build()))
        .isEqualTo(ToolResult.failure(Markdown.output("docs/tools.md", "missing-value")));
  }

  // snippet:handler
  record WeatherArgs(@NotBlank String city) {}

  final class WeatherTool implements ToolHandler {
    private final ToolSpec spec = new ToolSpec(
        "get_weather", "The current weather in a city", JsonSchemas.strictOf(WeatherArgs.class), true);

    @Override
    public ToolSpec spec() {
      return spec;                              // the same value every time
    }

    @Override
    public ToolResult call(String argumentsJson, ToolContext context) {
      WeatherArgs args;
      try {
        args = JsonSchemas.reader(WeatherArgs.class).readValue(argumentsJson);
      } catch (IOException e) {
        return ToolResult.failure("expected {\"city\": \"...\"}: " + e.getMessage());
      }
      return ToolResult.success("3 °C in " + args.city());
    }

    @Override
    public Optional<Duration> timeout() {
      return Optional.of(Duration.ofSeconds(5));
    }
  }
  // end:handler

  @Test
  void theHandWrittenToolAnswersAndReportsBadArguments() {
    WeatherTool weather = new WeatherTool();
    assertThat(JsonSchemas.checkStrict(weather.spec().parameters())).isEmpty();
    assertThat(weather.call("{\"city\":\"Oslo\"}", ToolContext.builder().build()))
        .isEqualTo(ToolResult.success("3 °C in Oslo"));
    assertThat(weather.call("{\"town\":\"Oslo\"}", ToolContext.builder().build()).isError())
        .isTrue();
  }
}
