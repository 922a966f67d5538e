package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

  private static final String STRICT_WEATHER =
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
          + "\"required\":[\"city\"],\"additionalProperties\":false}";
  private static final String LOOSE_WEATHER =
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"minLength\":1}}}";

  private final FakeOpenRouter server = FakeOpenRouter.builder().start();
  private final RawClient client = new RawClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private static ObjectNode hello() {
    return RawClient.request("openai/gpt-5.4-nano", RawClient.userSays("Hi"), false);
  }

  private static JsonNode error(HttpResponse<String> r) {
    return Json.parse(r.body()).get("error");
  }

  private static String raw(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("message").asText()).isEqualTo("Provider returned error");
    return error(r).at("/metadata/raw").asText();
  }

  @Test
  void missingOrWrongKeyGetsThe401OpenRouterSends() {
    String expected = "{\"error\":{\"message\":\"No auth credentials found\",\"code\":401}}";

    HttpResponse<String> none = client.post("/chat/completions", Json.write(hello()), null);
    HttpResponse<String> wrong =
        client.post("/chat/completions", Json.write(hello()), "Bearer sk-or-v1-wrong");
    HttpResponse<String> notBearer =
        client.post("/chat/completions", Json.write(hello()), server.apiKey());

    for (HttpResponse<String> r : java.util.List.of(none, wrong, notBearer)) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).isEqualTo(expected);
    }
  }

  @Test
  void aConfiguredKeyIsTheOnlyOneAccepted() {
    try (FakeOpenRouter s = FakeOpenRouter.builder().apiKey("sk-or-v1-mine").start()) {
      s.enqueue(ScriptedTurn.ofText("ok"));
      RawClient c = new RawClient(s);
      assertThat(s.apiKey()).isEqualTo("sk-or-v1-mine");
      assertThat(
              c.post(
                      "/chat/completions",
                      Json.write(hello()),
                      "Bearer " + FakeOpenRouter.DEFAULT_API_KEY)
                  .statusCode())
          .isEqualTo(401);
      assertThat(c.chat(hello()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unknownModelIsNotAValidModelId() {
    HttpResponse<String> r =
        client.chat(RawClient.request("openai/gpt-4o", RawClient.userSays("Hi"), false));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("message").asText()).isEqualTo("openai/gpt-4o is not a valid model ID");
    assertThat(error(r).get("code").asInt()).isEqualTo(400);
    assertThat(Json.parse(r.body()).get("user_id").asText()).startsWith("user_");
  }

  @Test
  void theKnownModelsCanBeReplacedAndARequestWithoutModelGetsTheFirst() {
    try (FakeOpenRouter s = FakeOpenRouter.builder().models("acme/tiny", "acme/big").start()) {
      s.enqueue(ScriptedTurn.ofText("ok"));
      RawClient c = new RawClient(s);
      assertThat(c.chat(hello()).statusCode()).isEqualTo(400);
      ObjectNode noModel = hello();
      noModel.remove("model");
      assertThat(Json.parse(c.chat(noModel).body()).get("model").asText()).isEqualTo("acme/tiny");
    }
  }

  @Test
  void malformedJsonAndMissingMessagesAre400() {
    HttpResponse<String> broken =
        client.post("/chat/completions", "{\"model\":", "Bearer " + server.apiKey());
    ObjectNode noMessages = hello();
    noMessages.remove("messages");

    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(error(broken).get("code").asInt()).isEqualTo(400);
    HttpResponse<String> r = client.chat(noMessages);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("message").asText()).contains("messages");
  }

  @Test
  void toolMessageThatAnswersNoEarlierToolCallIs400() {
    ArrayNode messages = RawClient.userSays("Hi");
    messages.add(RawClient.toolResult("call_nobody", "5"));

    HttpResponse<String> r = client.chat(RawClient.request("openai/gpt-5.4-nano", messages, false));

    JsonNode upstream = Json.parse(raw(r));
    assertThat(upstream.at("/error/message").asText())
        .contains("messages[1].tool_call_id call_nobody matches no earlier tool call");
    assertThat(upstream.at("/error/type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void toolCallLeftUnansweredIs400() {
    ArrayNode messages = RawClient.userSays("Hi");
    ObjectNode assistant = messages.addObject().put("role", "assistant");
    assistant.putNull("content");
    assistant
        .putArray("tool_calls")
        .addObject()
        .put("id", "call_1")
        .put("type", "function")
        .putObject("function")
        .put("name", "add")
        .put("arguments", "{}");
    messages.addObject().put("role", "user").put("content", "And?");

    HttpResponse<String> r = client.chat(RawClient.request("openai/gpt-5.4-nano", messages, false));

    assertThat(raw(r)).contains("did not have response messages: call_1");
  }

  private static ObjectNode withTool(String schema, boolean strict) {
    ObjectNode request = hello();
    ObjectNode function =
        request.putArray("tools").addObject().put("type", "function").putObject("function");
    function.put("name", "get_weather").put("strict", strict);
    function.set("parameters", Json.parse(schema));
    return request;
  }

  @Test
  void strictToolWithABrokenSchemaIs400NamingThePathButANonStrictOneIsServed() {
    server.enqueue(ScriptedTurn.ofText("ok"), ScriptedTurn.ofText("ok"));

    HttpResponse<String> rejected = client.chat(withTool(LOOSE_WEATHER, true));

    JsonNode upstream = Json.parse(raw(rejected));
    assertThat(upstream.at("/error/message").asText())
        .startsWith("Invalid schema for function 'get_weather': In context=(),")
        .contains("'additionalProperties' is required");
    assertThat(upstream.at("/error/param").asText()).isEqualTo("tools[0].function.parameters");
    assertThat(client.chat(withTool(LOOSE_WEATHER, false)).statusCode()).isEqualTo(200);
    assertThat(client.chat(withTool(STRICT_WEATHER, true)).statusCode()).isEqualTo(200);
  }

  @Test
  void strictResponseFormatWithAnUnsupportedKeywordIs400NamingThePath() {
    ObjectNode request = hello();
    ObjectNode config =
        request.putObject("response_format").put("type", "json_schema").putObject("json_schema");
    config.put("name", "verdict").put("strict", true);
    config.set(
        "schema",
        Json.parse(
            "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"answer\"],"
                + "\"properties\":{\"answer\":{\"type\":\"string\",\"minLength\":1}}}"));

    HttpResponse<String> r = client.chat(request);

    assertThat(Json.parse(raw(r)).at("/error/message").asText())
        .isEqualTo(
            "Invalid schema for response_format 'verdict': In context=('properties', 'answer'),"
                + " 'minLength' is not permitted.");
  }

  @Test
  void switchingReasoningOffIsRefusedWhereItIsMandatory() {
    ObjectNode request = RawClient.request("openai/gpt-5.4-pro", RawClient.userSays("Hi"), false);
    request.putObject("reasoning").put("effort", "none");

    HttpResponse<String> r = client.chat(request);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("message").asText()).contains("mandatory");
  }

  @Test
  void rejectedRequestsTakeNoReplyButAreRecorded() {
    server.enqueue(ScriptedTurn.ofText("ok"));

    client.post("/chat/completions", "not json", "Bearer " + server.apiKey());
    client.post("/chat/completions", Json.write(hello()), null);

    assertThat(server.pendingReplies()).hasSize(1);
    assertThat(server.chatRequests()).hasSize(2);
    assertThat(client.chat(hello()).statusCode()).isEqualTo(200);
  }
}
