package dev.taskforce.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.message.ToolCall;
import dev.taskforce.tool.ToolCallResult;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import dev.taskforce.tool.ToolRunListener;
import dev.taskforce.tool.ToolRunner;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calling @Tool methods through their handlers: binding, validation, injection and results. */
class ToolBindingTest {

  private final Shop shop = new Shop();
  private final List<ToolHandler> tools = Tools.from(shop);
  private final ToolContext context =
      ToolContext.builder()
          .runId("r1")
          .toolCallId("call-7")
          .value(Shop.Tenant.class, new Shop.Tenant("t1"))
          .build();

  private static final String GOOD_LINES = "\"lines\":[{\"sku\":\"A-1\",\"quantity\":2}]";

  @AfterEach
  void releaseSlowTool() {
    shop.release.countDown();
  }

  private ToolResult call(String tool, String json) {
    return handler(tool).call(json, context);
  }

  private ToolHandler handler(String name) {
    return tools.stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
  }

  private void assertInvalid(String json, String... problems) {
    ToolResult r = call("order", json);
    StringBuilder expected =
        new StringBuilder(
            "Invalid arguments for tool \"order\"; it did not run. Fix every problem and call it"
                + " again:");
    for (String p : problems) {
      expected.append("\n- ").append(p);
    }
    assertThat(r).isEqualTo(ToolResult.failure(expected.toString()));
    assertThat(shop.calls).hasValue(0);
  }

  @Test
  void validArgumentsAreBoundAndTheRecordResultIsWrittenAsJson() {
    ToolResult r =
        call(
            "order",
            "{\"customer\":\"C-17\"," + GOOD_LINES + ",\"note\":null,\"by\":\"2026-05-01\"}");
    assertThat(r).isEqualTo(ToolResult.success("{\"id\":\"t1-C-17\",\"items\":1}"));
    assertThat(shop.seen.get())
        .isEqualTo(
            List.of(
                new Shop.Tenant("t1"), "call-7", "null", Optional.of(LocalDate.of(2026, 5, 1))));
  }

  @Test
  void nullableArgumentsMayAlsoBeLeftOut() {
    ToolResult r = call("order", "{\"customer\":\"C-1\"," + GOOD_LINES + "}");
    assertThat(r.isError()).isFalse();
    assertThat(shop.seen.get())
        .isEqualTo(List.of(new Shop.Tenant("t1"), "call-7", "null", Optional.empty()));
  }

  @Test
  void malformedJsonIsOneProblemWithItsPosition() {
    assertInvalid(
        "{\"customer\": ",
        "$: not valid JSON at line 1, column 14: Unexpected end-of-input within/between Object"
            + " entries");
  }

  @Test
  void argumentsThatAreNotAnObjectAreRejected() {
    assertInvalid("[1, 2]", "$: the arguments must be a JSON object, got ARRAY");
  }

  @Test
  void everyStructuralProblemIsListedWithItsPath() {
    assertInvalid(
        "{\"lines\":[{\"sku\":\"A-1\",\"quantity\":\"two\"},{\"quantity\":1.5}],"
            + "\"colour\":\"red\",\"by\":7}",
        "$.customer: missing required field",
        "$.lines[0].quantity: expected an integer, got a string",
        "$.lines[1].sku: missing required field",
        "$.lines[1].quantity: expected an integer, got a number",
        "$.by: expected a string or null, got an integer",
        "$.colour: unknown field; the fields are by, customer, lines, note");
  }

  @Test
  void nullForARequiredArgumentIsRejected() {
    assertInvalid("{\"customer\":null," + GOOD_LINES + "}", "$.customer: must not be null");
  }

  @Test
  void jakartaViolationsOnParametersAndInsideNestedRecordsAreListedTogether() {
    assertInvalid(
        "{\"customer\":\"X\",\"lines\":[{\"sku\":\" \",\"quantity\":0}]}",
        "$.customer: must match \"C-\\d+\", was \"X\"",
        "$.lines[0].quantity: must be greater than or equal to 1, was 0",
        "$.lines[0].sku: must not be blank, was \" \"");
  }

  @Test
  void anEmptyListViolatesTheSizeConstraint() {
    assertInvalid(
        "{\"customer\":\"C-1\",\"lines\":[]}", "$.lines: size must be between 1 and 2147483647");
  }

  @Test
  void valuesThatJacksonCannotReadAreReportedAtTheirPath() {
    assertInvalid(
        "{\"customer\":\"C-1\"," + GOOD_LINES + ",\"by\":\"next tuesday\"}",
        "$.by: Cannot deserialize value of type `java.time.LocalDate` from String \"next tuesday\":"
            + " Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException)"
            + " Text 'next tuesday' could not be parsed at index 0");
  }

  @Test
  void mapsAreWrittenAsEntryListsAndBoundBack() {
    assertThat(
            call(
                "stock",
                "{\"units\":[{\"key\":\"north\",\"value\":3},{\"key\":\"south\",\"value\":4}]}"))
        .isEqualTo(ToolResult.success("7"));
  }

  @Test
  void aMissingContextValueFailsWithoutCallingTheMethod() {
    ToolResult r =
        handler("order")
            .call("{\"customer\":\"C-1\"," + GOOD_LINES + "}", ToolContext.builder().build());
    assertThat(r)
        .isEqualTo(
            ToolResult.failure(
                "the tool needs a Tenant from the application, and this run did not supply one;"
                    + " the tool cannot be used here"));
    assertThat(shop.calls).hasValue(0);
  }

  @Test
  void aNullableContextValueIsNullWhenMissing() {
    assertThat(handler("whoami").call("{}", ToolContext.builder().build()))
        .isEqualTo(ToolResult.success("nobody"));
    assertThat(call("whoami", "")).isEqualTo(ToolResult.success("t1"));
  }

  @Test
  void stringResultsAreReturnedAsIsAndVoidAsDone() {
    assertThat(call("echo", "{\"text\":\"a \\\"quoted\\\" text\"}"))
        .isEqualTo(ToolResult.success("a \"quoted\" text"));
    assertThat(call("ping", "{}")).isEqualTo(ToolResult.success("done"));
    assertThat(shop.calls).hasValue(2);
  }

  @Test
  void anExceptionBecomesAFailureWithItsMessage() {
    assertThat(call("broken", "{\"why\":\"the warehouse is closed\"}"))
        .isEqualTo(ToolResult.failure("the warehouse is closed"));
  }

  @Test
  void theAnnotatedTimeoutStopsASlowToolInTheRunner() {
    ToolRunner runner = ToolRunner.builder().tools(tools).build();
    ToolCallResult r =
        runner.run(List.of(new ToolCall("c1", "slow", "{}")), context, ToolRunListener.NONE).get(0);
    assertThat(r.result()).isEqualTo(ToolResult.failure("timed out after 5 ms"));
  }
}
