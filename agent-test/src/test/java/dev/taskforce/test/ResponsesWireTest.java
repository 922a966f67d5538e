package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ToolCall;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bytes of the {@code /responses} endpoint, read with a plain HTTP client. */
class ResponsesWireTest {

  private static final String MODEL = "openai/gpt-5.4-mini";
  private static final String STRICT_OBJECT =
      "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},"
          + "\"required\":[\"q\"],\"additionalProperties\":false}";

  private final FakeOpenRouter server = FakeOpenRouter.builder().start();
  private final RawClient client = new RawClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private HttpResponse<String> post(JsonNode body) {
    return client.post("/responses", Json.write(body), "Bearer " + server.apiKey());
  }

  private static ObjectNode request(String text, boolean stream) {
    ObjectNode r = RawClient.F.objectNode().put("model", MODEL);
    r.putArray("include").add("reasoning.encrypted_content");
    ArrayNode input = r.putArray("input");
    ObjectNode user = input.addObject().put("type", "message").put("role", "user");
    user.putArray("content").addObject().put("type", "input_text").put("text", text);
    return stream ? r.put("stream", true) : r;
  }

  private static ScriptedTurn toolTurn() {
    return ScriptedTurn.builder()
        .openAiReasoning("Look it up.")
        .toolCall(new ToolCall("call_1", "lookup", "{\"q\":\"Oslo\"}"))
        .build();
  }

  private static List<JsonNode> dataEvents(String body) {
    List<JsonNode> out = new ArrayList<>();
    for (String e : RawClient.events(body)) {
      if (!e.startsWith(":") && !e.equals("[DONE]")) {
        out.add(Json.parse(e));
      }
    }
    return out;
  }

  @Test
  void aPlainAnswerIsAResponseObjectWithOutputItemsAndOpenRoutersUsage() {
    server.enqueue(
        ScriptedTurn.builder().openAiReasoning("Greet back.").text("Hello").build(),
        ScriptedTurn.builder().refusal("I can't help with that.").build());

    HttpResponse<String> r = post(request("Hi", false));
    JsonNode refused = Json.parse(post(request("Help me", false)).body());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("\n");
    assertThat(r.headers().firstValue("X-Generation-Id").orElseThrow()).startsWith("gen-");
    JsonNode body = Json.parse(r.body());
    assertThat(body.get("id").asText()).startsWith("resp_");
    assertThat(body.get("object").asText()).isEqualTo("response");
    assertThat(body.get("status").asText()).isEqualTo("completed");
    assertThat(body.get("store").asBoolean()).isFalse();
    assertThat(body.get("incomplete_details").isNull()).isTrue();
    JsonNode reasoning = body.at("/output/0");
    assertThat(reasoning.get("type").asText()).isEqualTo("reasoning");
    assertThat(reasoning.get("id").asText()).startsWith("rs_");
    assertThat(reasoning.at("/summary/0/text").asText()).isEqualTo("Greet back.");
    assertThat(reasoning.get("encrypted_content").asText()).startsWith("gAAAAAB");
    JsonNode message = body.at("/output/1");
    assertThat(message.get("id").asText()).startsWith("msg_");
    assertThat(message.at("/content/0/type").asText()).isEqualTo("output_text");
    assertThat(message.at("/content/0/text").asText()).isEqualTo("Hello");
    JsonNode usage = body.get("usage");
    assertThat(usage.get("input_tokens").asLong()).isPositive();
    assertThat(usage.at("/output_tokens_details/reasoning_tokens").asLong()).isPositive();
    assertThat(usage.at("/input_tokens_details/cached_tokens").asLong()).isZero();
    assertThat(usage.get("cost").decimalValue()).isPositive();
    assertThat(usage.has("cost_details")).isTrue();
    assertThat(refused.at("/output/0/content/0/type").asText()).isEqualTo("refusal");
    assertThat(refused.at("/output/0/content/0/refusal").asText())
        .isEqualTo("I can't help with that.");
  }

  @Test
  void aStreamSendsTheResponseEventsInTheWireDocsOrderThenDone() {
    server.enqueue(
        ScriptedTurn.builder()
            .openAiReasoning("Look it up.")
            .text("Checking.")
            .toolCall(new ToolCall("call_1", "lookup", "{\"q\":\"Oslo\"}"))
            .build());

    String body = post(request("Weather in Oslo?", true)).body();

    List<String> raw = RawClient.events(body);
    assertThat(raw.get(0)).isEqualTo(SseWriter.KEEP_ALIVE);
    assertThat(raw.get(raw.size() - 1)).isEqualTo("[DONE]");
    List<JsonNode> events = dataEvents(body);
    List<String> types = events.stream().map(e -> e.get("type").asText()).distinct().toList();
    assertThat(types)
        .containsExactly(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.reasoning_summary_part.added",
            "response.reasoning_summary_text.delta",
            "response.reasoning_summary_text.done",
            "response.reasoning_summary_part.done",
            "response.output_item.done",
            "response.content_part.added",
            "response.output_text.delta",
            "response.output_text.done",
            "response.content_part.done",
            "response.function_call_arguments.delta",
            "response.function_call_arguments.done",
            "response.completed");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("sequence_number").asInt()).isEqualTo(i);
    }
    JsonNode added = events.get(2).get("item");
    JsonNode done =
        events.stream()
            .filter(e -> e.get("type").asText().equals("response.output_item.done"))
            .findFirst()
            .orElseThrow()
            .get("item");
    assertThat(done.get("encrypted_content").asText())
        .startsWith(added.get("encrypted_content").asText())
        .isNotEqualTo(added.get("encrypted_content").asText());
    JsonNode completed = events.get(events.size() - 1).get("response");
    assertThat(completed.get("output")).hasSize(3);
    assertThat(completed.at("/output/2/call_id").asText()).isEqualTo("call_1");
    assertThat(completed.at("/usage/total_tokens").asLong()).isPositive();
  }

  @Test
  void storeTrueAndPreviousResponseIdAreRejectedBecauseTheEndpointIsStateless() {
    server.enqueue(ScriptedTurn.ofText("never served"));

    HttpResponse<String> stored = post(request("Hi", false).put("store", true));
    HttpResponse<String> chained = post(request("Hi", false).put("previous_response_id", "resp_1"));
    HttpResponse<String> notStored = post(request("Hi", false).put("store", false));

    assertThat(stored.statusCode()).isEqualTo(400);
    assertThat(Json.parse(stored.body()).at("/error/code").asInt()).isEqualTo(400);
    assertThat(Json.parse(stored.body()).at("/error/message").asText()).contains("store");
    assertThat(chained.statusCode()).isEqualTo(400);
    assertThat(Json.parse(chained.body()).at("/error/message").asText())
        .contains("previous_response_id");
    assertThat(notStored.statusCode()).isEqualTo(200);
    assertThat(server.responsesRequests()).hasSize(3);
  }

  @Test
  void theServiceChecksKeyModelInputAndStrictSchemas() {
    ObjectNode badTool = request("Hi", false);
    badTool
        .putArray("tools")
        .addObject()
        .put("type", "function")
        .put("name", "lookup")
        .set(
            "parameters", Json.parse(STRICT_OBJECT.replace(",\"additionalProperties\":false", "")));
    ObjectNode badFormat = request("Hi", false);
    ObjectNode format = badFormat.putObject("text").putObject("format");
    format.put("type", "json_schema").put("name", "answer").put("strict", true);
    format.set("schema", Json.parse("{\"type\":\"string\"}"));

    HttpResponse<String> noKey = client.post("/responses", Json.write(request("Hi", false)), null);
    HttpResponse<String> unknown = post(request("Hi", false).put("model", "no/such-model"));
    HttpResponse<String> noInput = post(request("Hi", false).putArray("input"));
    HttpResponse<String> tool = post(badTool);
    HttpResponse<String> schema = post(badFormat);

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no/such-model is not a valid model ID");
    assertThat(noInput.statusCode()).isEqualTo(400);
    assertThat(tool.statusCode()).isEqualTo(400); // strict by default in the Responses API
    assertThat(tool.body()).contains("Invalid schema for function 'lookup'");
    assertThat(schema.statusCode()).isEqualTo(400);
    assertThat(schema.body()).contains("Invalid schema for response_format 'answer'");
    assertThat(server.pendingReplies()).isEmpty();
  }

  /** Turn 1 of a tool conversation, then turn 2's input built from it and changed by edit. */
  private HttpResponse<String> secondTurn(Consumer<ArrayNode> edit) {
    server.enqueue(toolTurn(), ScriptedTurn.ofText("It is 3 °C."));
    ObjectNode first = request("Weather in Oslo?", false);
    JsonNode output = Json.parse(post(first).body()).get("output");
    ObjectNode second = first.deepCopy();
    ArrayNode input = (ArrayNode) second.get("input");
    output.forEach(input::add);
    input
        .addObject()
        .put("type", "function_call_output")
        .put("call_id", "call_1")
        .put("output", "3");
    edit.accept(input);
    return post(second);
  }

  @Test
  void reasoningItemsSentBackVerbatimAndInPlaceAreVerified() {
    HttpResponse<String> r = secondTurn(input -> {});

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(1, 0, 0));
  }

  @Test
  void aFunctionCallWithoutItsReasoningItemIsRejected() {
    HttpResponse<String> r = secondTurn(input -> input.remove(1));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("of type 'function_call' was provided without its required 'reasoning' item");
    assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(0, 0, 1));
  }

  @Test
  void aReasoningItemWithoutItsFollowingItemIsRejected() {
    HttpResponse<String> r =
        secondTurn(
            input ->
                input.insert(2, RawClient.F.objectNode().put("role", "user").put("content", "?")));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("of type 'reasoning' was provided without its required following");
  }

  @Test
  void aReasoningItemSentToAnotherModelIsRejected() {
    HttpResponse<String> r = secondTurn(input -> {}); // accepted for the model that issued it
    ObjectNode other = Json.parse(server.responsesRequests().get(1).body()).deepCopy();
    server.enqueue(ScriptedTurn.ofText("never served"));

    HttpResponse<String> moved = post(other.put("model", "openai/gpt-5.4-nano"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(moved.statusCode()).isEqualTo(400);
    assertThat(moved.body()).contains("was produced by openai/gpt-5.4-mini");
  }

  @Test
  void aCallOutputThatAnswersNoCallIsRejected() {
    HttpResponse<String> r =
        secondTurn(input -> ((ObjectNode) input.get(3)).put("call_id", "call_other"));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("No tool call found for function call output with call_id");
  }

  @Test
  void lenientReasoningLetsAMessageComeBackWithoutItsReasoningButNotAFunctionCall() {
    try (FakeOpenRouter lenient =
        FakeOpenRouter.builder().reasoningCheck(ReasoningCheck.LENIENT).start()) {
      RawClient raw = new RawClient(lenient);
      lenient.enqueue(
          ScriptedTurn.builder().openAiReasoning("Greet.").text("Hello").build(),
          ScriptedTurn.ofText("Bye"));
      ObjectNode first = request("Hi", false);
      JsonNode output =
          Json.parse(raw.post("/responses", Json.write(first), "Bearer " + lenient.apiKey()).body())
              .get("output");
      ArrayNode input = (ArrayNode) first.get("input");
      input.add(output.get(1)); // the message, its reasoning item left out
      input.addObject().put("role", "user").put("content", "Bye");

      HttpResponse<String> r =
          raw.post("/responses", Json.write(first), "Bearer " + lenient.apiKey());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(lenient.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(0, 1, 0));
    }
  }
}
