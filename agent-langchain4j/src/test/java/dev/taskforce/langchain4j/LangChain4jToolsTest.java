package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;
import dev.taskforce.internal.Json;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** LangChain4j {@code @Tool} objects as Taskforce tools: schemas, binding, validation, results. */
class LangChain4jToolsTest {

  enum Status {
    OPEN,
    SHIPPED
  }

  record Address(@NotBlank String street, @Size(min = 4, max = 10) String zip) {}

  record Order(String id, Status status) {}

  static final class OrderTools {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Tool("Look up an order by its id")
    public String findOrder(
        @P("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id,
        @P(value = "How many", required = false) @Min(1) @Max(10) Integer quantity) {
      calls.add("findOrder " + id + " " + quantity);
      return "order " + id;
    }

    @Tool(
        name = "ship",
        value = {"Ships an order", "to an address"})
    void shipOrder(
        @P("the order") String orderId, @P("where") @Valid Address address, ToolContext ctx) {
      calls.add("ship " + orderId + " " + address + " run " + ctx.runId());
    }

    @Tool("Lists orders")
    List<Order> list(
        @P(value = "status", defaultValue = "OPEN") Status status, Optional<Integer> limit) {
      calls.add("list " + status + " " + limit);
      return List.of(new Order("A-1", status));
    }

    @Tool("Always fails")
    String boom() {
      throw new IllegalStateException("warehouse offline");
    }
  }

  static final class PriceTools {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Tool("Sets the price of each product")
    public String setPrices(@P("price per product id") Map<String, Integer> prices) {
      calls.add("prices " + prices);
      return "ok";
    }
  }

  private final OrderTools orders = new OrderTools();
  private final List<ToolHandler> tools = LangChain4j.tools(orders);
  private final ToolContext context = ToolContext.builder().runId("run-7").build();

  private ToolHandler tool(String name) {
    return tools.stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
  }

  private ToolResult call(String name, String args) {
    return tool(name).call(args, context);
  }

  @Test
  void eachToolMethodBecomesAStrictToolWithItsDescriptionsAndRules() {
    assertThat(tools)
        .extracting(t -> t.spec().name())
        .containsExactly("boom", "findOrder", "list", "ship");
    JsonNode find = tool("findOrder").spec().parameters().node();

    assertThat(tool("findOrder").spec().strict()).isTrue();
    assertThat(tool("findOrder").spec().description()).isEqualTo("Look up an order by its id");
    assertThat(tool("ship").spec().description()).isEqualTo("Ships an order\nto an address");
    assertThat(find.get("required")).isEqualTo(Json.parse("[\"id\",\"quantity\"]"));
    assertThat(find.get("additionalProperties").booleanValue()).isFalse();
    assertThat(find.at("/properties/id"))
        .isEqualTo(
            Json.parse(
                "{\"type\":\"string\",\"pattern\":\"A-\\\\d+\",\"description\":\"Order id, e.g. A-1042\"}"));
    assertThat(find.at("/properties/quantity/type"))
        .isEqualTo(Json.parse("[\"integer\",\"null\"]"));
    assertThat(find.at("/properties/quantity/minimum").intValue()).isEqualTo(1);
    assertThat(find.at("/properties/quantity/maximum").intValue()).isEqualTo(10);
    JsonNode ship = tool("ship").spec().parameters().node();
    assertThat(ship.get("properties").has("ctx")).isFalse(); // injected, never shown to the model
    assertThat(ship.at("/properties/address/type").asText()).isEqualTo("object");
    assertThat(ship.at("/properties/address/additionalProperties").booleanValue()).isFalse();
    JsonNode list = tool("list").spec().parameters().node();
    assertThat(list.at("/properties/status/enum")).contains(Json.parse("\"OPEN\""));
    assertThat(list.get("required")).isEqualTo(Json.parse("[\"status\",\"limit\"]"));
    assertThat(tools)
        .allSatisfy(t -> assertThat(JsonSchemas.checkStrict(t.spec().parameters())).isEmpty());
  }

  @Test
  void mapArgumentsAreEntryArraysInTheSchemaAndBindFromEitherShape() {
    PriceTools prices = new PriceTools();
    ToolHandler tool = LangChain4j.tools(prices).get(0);
    JsonNode schema = tool.spec().parameters().node();

    assertThat(schema.at("/properties/prices/type").asText()).isEqualTo("array");
    assertThat(schema.at("/properties/prices/items/required"))
        .isEqualTo(Json.parse("[\"key\",\"value\"]"));
    assertThat(schema.at("/properties/prices/items/properties/value/type").asText())
        .isEqualTo("integer");
    assertThat(
            tool.call(
                "{\"prices\":[{\"key\":\"A-1\",\"value\":3},{\"key\":\"B-2\",\"value\":5}]}",
                context))
        .isEqualTo(ToolResult.success("ok"));
    assertThat(tool.call("{\"prices\":{\"C-3\":7}}", context).isError()).isFalse();
    ToolResult bad = tool.call("{\"prices\":[{\"key\":\"A-1\"}]}", context);
    assertThat(bad.isError()).isTrue();
    assertThat(bad.content())
        .contains(
            "- prices: expected an array of {\"key\": ..., \"value\": ...} entries, got"
                + " [{\"key\":\"A-1\"}]");
    assertThat(prices.calls).containsExactly("prices {A-1=3, B-2=5}", "prices {C-3=7}");
  }

  @Test
  void validArgumentsReachTheMethod() {
    assertThat(call("findOrder", "{\"id\":\"A-1042\",\"quantity\":2}"))
        .isEqualTo(ToolResult.success("order A-1042"));
    assertThat(call("findOrder", "{\"id\":\"A-7\",\"quantity\":null}").isError()).isFalse();
    assertThat(call("findOrder", "{\"id\":\"A-8\"}").isError()).isFalse();

    assertThat(orders.calls)
        .containsExactly("findOrder A-1042 2", "findOrder A-7 null", "findOrder A-8 null");
  }

  @Test
  void everyProblemIsReportedAtOnceAndTheMethodIsNotCalled() {
    ToolResult r = call("findOrder", "{\"id\":\"B-7\",\"quantity\":0}");

    assertThat(r.isError()).isTrue();
    assertThat(r.content())
        .isEqualTo(
            "Invalid arguments for tool findOrder (2 problems):\n"
                + "- id: must match \"A-\\d+\" (got \"B-7\")\n"
                + "- quantity: must be greater than or equal to 1 (got 0)\n"
                + "Fix the arguments and call the tool again.");
    assertThat(orders.calls).isEmpty();
  }

  @Test
  void bindingProblemsNameTheArgumentAndWhatWasExpected() {
    ToolResult r = call("findOrder", "{\"idd\":\"A-1\",\"quantity\":\"many\"}");

    assertThat(r.content())
        .contains("(3 problems)")
        .contains("- idd: unknown argument; this tool takes [id, quantity]")
        .contains("- id: missing; it is required")
        .contains("- quantity: expected an integer, got \"many\"");
    assertThat(call("findOrder", "{\"id\": ").content()).contains("not valid JSON");
    assertThat(call("findOrder", "[1]").content()).contains("must be a JSON object");
    assertThat(call("list", "{\"status\":\"LOST\"}").content())
        .contains("- status: expected one of [OPEN, SHIPPED], got \"LOST\"");
    assertThat(orders.calls).isEmpty();
  }

  @Test
  void constraintsInsideBoundObjectsAreCheckedToo() {
    ToolResult r =
        call("ship", "{\"orderId\":\"A-1\",\"address\":{\"street\":\" \",\"zip\":\"1\"}}");

    assertThat(r.content())
        .contains("(2 problems)")
        .contains("- address.street: must not be blank (got \" \")")
        .contains("- address.zip: size must be between 4 and 10 (got \"1\")");
    assertThat(
            call(
                    "ship",
                    "{\"orderId\":\"A-1\",\"address\":{\"street\":\"Main\",\"zip\":\"1234\",\"x\":1}}")
                .content())
        .contains("- address.x: unknown field; known: [street, zip]");
    assertThat(orders.calls).isEmpty();
  }

  @Test
  void theContextIsInjectedAndVoidToolsSaySuccess() {
    ToolResult r =
        call("ship", "{\"orderId\":\"A-1\",\"address\":{\"street\":\"Main St\",\"zip\":\"0150\"}}");

    assertThat(r).isEqualTo(ToolResult.success("Success"));
    assertThat(orders.calls)
        .containsExactly("ship A-1 Address[street=Main St, zip=0150] run run-7");
  }

  @Test
  void defaultsAndOptionalsFillLeftOutArgumentsAndResultsAreJson() {
    ToolResult r = call("list", "{}");

    assertThat(Json.parse(r.content()))
        .isEqualTo(Json.parse("[{\"id\":\"A-1\",\"status\":\"OPEN\"}]"));
    call("list", "{\"status\":\"SHIPPED\",\"limit\":3}");
    assertThat(orders.calls)
        .containsExactly("list OPEN Optional.empty", "list SHIPPED Optional[3]");
  }

  @Test
  void aThrowingToolTellsTheModelWhatWentWrong() {
    assertThat(call("boom", "{}"))
        .isEqualTo(ToolResult.failure("tool boom failed: warehouse offline"));
  }

  static final class WithMemoryId {
    @Tool("x")
    String x(@ToolMemoryId String memoryId) {
      return memoryId;
    }
  }

  static final class Immediate {
    @Tool(value = "x", returnBehavior = ReturnBehavior.IMMEDIATE)
    String x() {
      return "";
    }
  }

  static final class BadName {
    @Tool(name = "find order", value = "x")
    String x() {
      return "";
    }
  }

  static final class AlsoFindOrder {
    @Tool("another")
    String findOrder(String id) {
      return id;
    }
  }

  @Test
  void whatTaskforceCannotHonourFailsWhenTheToolsAreMadeNamingTheMethod() {
    assertThatThrownBy(() -> LangChain4j.tools(new WithMemoryId()))
        .hasMessageContaining("@ToolMemoryId")
        .hasMessageContaining("WithMemoryId.x(String)");
    assertThatThrownBy(() -> LangChain4j.tools(new Immediate()))
        .hasMessageContaining("returnBehavior = IMMEDIATE")
        .hasMessageContaining("Immediate.x()");
    assertThatThrownBy(() -> LangChain4j.tools(new BadName()))
        .hasMessageContaining("find order")
        .hasMessageContaining("BadName.x()");
    assertThatThrownBy(() -> LangChain4j.tools(new OrderTools(), new AlsoFindOrder()))
        .hasMessageContaining("two tools are named findOrder");
    assertThatThrownBy(() -> LangChain4j.tools(new Object()))
        .hasMessageContaining("has no method annotated with LangChain4j's @Tool");
  }
}
