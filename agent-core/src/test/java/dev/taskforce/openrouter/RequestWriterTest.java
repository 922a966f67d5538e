package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ProviderPreferences;
import dev.taskforce.model.ProviderPreferences.DataCollection;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.testserver.RecordedRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.tool.ToolSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestWriterTest {

  private static final String WEATHER_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
          + "\"required\":[\"city\"],\"additionalProperties\":false}";

  private static JsonNode written(ChatRequest r, boolean stream) {
    return Json.parse(
        new String(
            new RequestWriter().write("openai/gpt-5.4-mini", r, stream), StandardCharsets.UTF_8));
  }

  private static ChatRequest.Builder hi() {
    return ChatRequest.builder().messages(List.of(UserMessage.of("hi")));
  }

  @Test
  void writesTheWireReferenceToolLoopExampleOverHttp() {
    // Section 2.6 of the wire reference, sent through the client to a local server.
    try (ScriptedServer server = ScriptedServer.start()) {
      server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));
      ChatRequest request =
          ChatRequest.builder()
              .fallbackModels(List.of("openai/gpt-5.4-nano"))
              .messages(
                  List.of(
                      new SystemMessage("You are terse."),
                      new UserMessage(
                          List.of(
                              new TextPart("Weather in Oslo?"),
                              new ImagePart("data:image/png;base64,iVBORw0KGgo=", null)))))
              .tools(
                  List.of(
                      new ToolSpec("get_weather", "", JsonSchema.fromJson(WEATHER_SCHEMA), true)))
              .toolChoice(ToolChoice.AUTO)
              .parallelToolCalls(true)
              .reasoning(ReasoningConfig.effort(ReasoningEffort.MEDIUM))
              .maxOutputTokens(4000)
              .providerPreferences(
                  ProviderPreferences.builder()
                      .requireParameters(true)
                      .allowFallbacks(true)
                      .dataCollection(DataCollection.DENY)
                      .build())
              .build();

      TestClient.builder(server, new RecordingSleeper())
          .appUrl("https://example.app")
          .appTitle("Example")
          .build()
          .model("openai/gpt-5.4-mini")
          .chat(request);

      RecordedRequest got = server.takeRequest();
      assertThat(got.method()).isEqualTo("POST");
      assertThat(got.path()).isEqualTo("/api/v1/chat/completions");
      assertThat(got.header("Authorization")).isEqualTo("Bearer " + TestClient.KEY);
      assertThat(got.header("HTTP-Referer")).isEqualTo("https://example.app");
      assertThat(got.header("X-OpenRouter-Title")).isEqualTo("Example");
      assertThat(got.header("Content-Type")).isEqualTo("application/json");
      assertThat(got.bodyJson())
          .isEqualTo(
              Json.parse(
                  """
                  {"model":"openai/gpt-5.4-mini",
                   "models":["openai/gpt-5.4-nano"],
                   "messages":[{"role":"system","content":"You are terse."},
                               {"role":"user","content":[{"type":"text","text":"Weather in Oslo?"},
                                                         {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}],
                   "tools":[{"type":"function","function":{"name":"get_weather","strict":true,
                             "parameters":{"type":"object","properties":{"city":{"type":"string"}},
                                           "required":["city"],"additionalProperties":false}}}],
                   "tool_choice":"auto","parallel_tool_calls":true,
                   "reasoning":{"effort":"medium"},
                   "max_completion_tokens":4000,
                   "provider":{"require_parameters":true,"allow_fallbacks":true,"data_collection":"deny"},
                   "stream":false}
                  """));
    }
  }

  @Test
  void writesTheToolLoopContinuationWithReasoningDetailsAndToolResults() {
    // Section 4.2: turn 2 of a tool loop.
    ReasoningDetail encrypted = ReasoningDetail.fromJson(Fixtures.ENCRYPTED_ITEM);
    AssistantMessage assistant =
        new AssistantMessage(
            null,
            List.of(
                new ToolCall("call_mUCAklYTU3uGC65pRz7M7UbY", "add", "{\"a\":2,\"b\":3}"),
                new ToolCall("call_y7BeX0S3uY40okx6MWg7dX2y", "multiply", "{\"a\":2,\"b\":3}")),
            null,
            new Reasoning(null, List.of(encrypted)));
    ChatRequest r =
        ChatRequest.builder()
            .messages(
                List.of(
                    new SystemMessage(
                        "You are a helpful assistant. Always use both add and multiply at the same time."),
                    UserMessage.of("Add and multiply the number 2 and 3"),
                    assistant,
                    new ToolResultMessage("call_mUCAklYTU3uGC65pRz7M7UbY", "add", "5", false),
                    new ToolResultMessage("call_y7BeX0S3uY40okx6MWg7dX2y", "multiply", "6", false)))
            .toolChoice(ToolChoice.AUTO)
            .build();

    JsonNode body = written(r, false);

    assertThat(body.get("messages"))
        .isEqualTo(
            Json.parse(
                """
                [{"role":"system","content":"You are a helpful assistant. Always use both add and multiply at the same time."},
                 {"role":"user","content":"Add and multiply the number 2 and 3"},
                 {"role":"assistant",
                  "tool_calls":[{"id":"call_mUCAklYTU3uGC65pRz7M7UbY","type":"function","function":{"name":"add","arguments":"{\\"a\\":2,\\"b\\":3}"}},
                                {"id":"call_y7BeX0S3uY40okx6MWg7dX2y","type":"function","function":{"name":"multiply","arguments":"{\\"a\\":2,\\"b\\":3}"}}],
                  "reasoning_details":[{"type":"reasoning.encrypted","data":"gAAAABo95Ad-blob","id":"rs_051a5b","format":"openai-responses-v1","index":0}]},
                 {"role":"tool","tool_call_id":"call_mUCAklYTU3uGC65pRz7M7UbY","content":"5"},
                 {"role":"tool","tool_call_id":"call_y7BeX0S3uY40okx6MWg7dX2y","content":"6"}]
                """));
    assertThat(new String(new RequestWriter().write("m", r, false), StandardCharsets.UTF_8))
        .contains(Fixtures.ENCRYPTED_ITEM);
  }

  @Test
  void writesAssistantTextRefusalAndPlainReasoning() {
    AssistantMessage a =
        new AssistantMessage("Sum: 5", List.of(), "I can't", new Reasoning("thought", List.of()));
    JsonNode m =
        written(hi().messages(List.of(UserMessage.of("q"), a)).build(), false)
            .get("messages")
            .get(1);
    assertThat(m)
        .isEqualTo(
            Json.parse(
                "{\"role\":\"assistant\",\"content\":\"Sum: 5\",\"refusal\":\"I can't\",\"reasoning\":\"thought\"}"));
  }

  @Test
  void leavesOutResponsesApiOutputItemsKeptAmongTheReasoningDetails() {
    ReasoningDetail chat = ReasoningDetail.fromJson(Fixtures.ENCRYPTED_ITEM);
    AssistantMessage a =
        new AssistantMessage(
            "hi",
            List.of(),
            null,
            new Reasoning(
                null,
                List.of(
                    ReasoningDetail.fromJson(
                        "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]}"),
                    chat,
                    ReasoningDetail.fromJson(
                        "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\"}"))));
    JsonNode m =
        written(hi().messages(List.of(UserMessage.of("q"), a)).build(), false)
            .get("messages")
            .get(1);
    assertThat(m.get("reasoning_details")).isEqualTo(Json.parse("[" + chat.json() + "]"));

    AssistantMessage onlyResponses =
        new AssistantMessage(
            "hi",
            List.of(),
            null,
            new Reasoning(
                null,
                List.of(
                    ReasoningDetail.fromJson(
                        "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]}"))));
    assertThat(
            written(hi().messages(List.of(UserMessage.of("q"), onlyResponses)).build(), false)
                .get("messages")
                .get(1)
                .has("reasoning_details"))
        .isFalse();
  }

  @Test
  void writesImageDetail() {
    UserMessage u = new UserMessage(List.of(new ImagePart("https://x.test/a.png", "high")));
    assertThat(
            written(ChatRequest.builder().messages(List.of(u)).build(), false)
                .at("/messages/0/content"))
        .isEqualTo(
            Json.parse(
                "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/a.png\",\"detail\":\"high\"}}]"));
  }

  @Test
  void writesStrictJsonSchemaResponseFormat() {
    ChatRequest r =
        hi().responseFormat(
                new ResponseFormat.JsonSchemaFormat(
                    "verdict", JsonSchema.fromJson(WEATHER_SCHEMA), true, "The verdict"))
            .build();
    assertThat(written(r, false).get("response_format"))
        .isEqualTo(
            Json.parse(
                "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"verdict\",\"description\":\"The verdict\",\"strict\":true,\"schema\":"
                    + WEATHER_SCHEMA
                    + "}}"));
    assertThat(
            written(hi().responseFormat(ResponseFormat.JSON_OBJECT).build(), false)
                .get("response_format"))
        .isEqualTo(Json.parse("{\"type\":\"json_object\"}"));
    assertThat(
            written(hi().responseFormat(ResponseFormat.TEXT).build(), false).get("response_format"))
        .isEqualTo(Json.parse("{\"type\":\"text\"}"));
  }

  @Test
  void writesEachToolChoice() {
    assertThat(
            written(hi().toolChoice(new ToolChoice.Named("get_weather")).build(), false)
                .get("tool_choice"))
        .isEqualTo(Json.parse("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"));
    assertThat(
            written(hi().toolChoice(ToolChoice.NONE).build(), false).get("tool_choice").textValue())
        .isEqualTo("none");
    assertThat(
            written(hi().toolChoice(ToolChoice.REQUIRED).build(), false)
                .get("tool_choice")
                .textValue())
        .isEqualTo("required");
  }

  @Test
  void writesEveryReasoningSetting() {
    ChatRequest budget =
        hi().reasoning(new ReasoningConfig(null, 2000, false, true, "detailed")).build();
    assertThat(written(budget, false).get("reasoning"))
        .isEqualTo(
            Json.parse(
                "{\"max_tokens\":2000,\"exclude\":false,\"enabled\":true,\"summary\":\"detailed\"}"));
    ChatRequest xhigh =
        hi().reasoning(new ReasoningConfig(ReasoningEffort.XHIGH, null, true, null, "auto"))
            .build();
    assertThat(written(xhigh, false).get("reasoning"))
        .isEqualTo(Json.parse("{\"effort\":\"xhigh\",\"exclude\":true,\"summary\":\"auto\"}"));
  }

  @Test
  void writesSamplingLimitsIdentityAndMetadata() {
    ChatRequest r =
        hi().temperature(0.7)
            .topP(0.9)
            .seed(42L)
            .stop(List.of("END", "STOP"))
            .user("user-17")
            .sessionId("session-1")
            .metadata(Map.of("run", "r-1"))
            .maxOutputTokens(64000)
            .build();
    JsonNode body = written(r, true);
    assertThat(body.get("temperature").decimalValue()).isEqualByComparingTo("0.7");
    assertThat(body.get("top_p").decimalValue()).isEqualByComparingTo("0.9");
    assertThat(body.get("seed").longValue()).isEqualTo(42);
    assertThat(body.get("stop")).isEqualTo(Json.parse("[\"END\",\"STOP\"]"));
    assertThat(body.get("user").textValue()).isEqualTo("user-17");
    assertThat(body.get("session_id").textValue()).isEqualTo("session-1");
    assertThat(body.get("metadata")).isEqualTo(Json.parse("{\"run\":\"r-1\"}"));
    assertThat(body.get("max_completion_tokens").intValue()).isEqualTo(64000);
    assertThat(body.get("stream").booleanValue()).isTrue();
    assertThat(body.has("tools")).isFalse();
    assertThat(body.has("models")).isFalse();
  }

  @Test
  void writesEveryProviderPreference() {
    ProviderPreferences p =
        ProviderPreferences.builder()
            .order(List.of("openai", "azure"))
            .only(List.of("openai"))
            .ignore(List.of("deepinfra"))
            .allowFallbacks(false)
            .requireParameters(true)
            .dataCollection(DataCollection.ALLOW)
            .zdr(true)
            .enforceDistillableText(false)
            .quantizations(List.of("fp8", "bf16"))
            .sort("throughput")
            .maxPrice(
                new ProviderPreferences.MaxPrice(
                    new BigDecimal("1"), new BigDecimal("2.5"), null, null, null))
            .preferredMinThroughput(50.0)
            .preferredMaxLatency(2.0)
            .build();
    assertThat(written(hi().providerPreferences(p).build(), false).get("provider"))
        .isEqualTo(
            Json.parse(
                """
                {"order":["openai","azure"],"allow_fallbacks":false,"require_parameters":true,
                 "data_collection":"allow","zdr":true,"enforce_distillable_text":false,
                 "only":["openai"],"ignore":["deepinfra"],"quantizations":["fp8","bf16"],
                 "sort":"throughput","max_price":{"prompt":1,"completion":2.5},
                 "preferred_min_throughput":50.0,"preferred_max_latency":2.0}
                """));
  }

  @Test
  void extraBodyFieldsComeLastAndWin() {
    ChatRequest r =
        hi().temperature(1.0)
            .extraBody("temperature", 0.2)
            .extraBody("plugins", List.of(Map.of("id", "response-healing")))
            .extraBody("stream", true)
            .build();
    String text = new String(new RequestWriter().write("m", r, false), StandardCharsets.UTF_8);
    JsonNode body = Json.parse(text);
    assertThat(body.get("temperature").decimalValue()).isEqualByComparingTo("0.2");
    assertThat(body.get("plugins")).isEqualTo(Json.parse("[{\"id\":\"response-healing\"}]"));
    assertThat(body.get("stream").booleanValue()).isTrue();
    assertThat(text.indexOf("\"temperature\"")).isEqualTo(text.lastIndexOf("\"temperature\""));
    assertThat(text)
        .endsWith(
            "\"temperature\":0.2,\"plugins\":[{\"id\":\"response-healing\"}],\"stream\":true}");
  }

  @Test
  void writesNonStrictToolsWithTheirDescription() {
    ToolSpec t =
        new ToolSpec(
            "lookup", "Look up a fact", JsonSchema.fromJson("{\"type\":\"object\"}"), false);
    assertThat(written(hi().tools(List.of(t)).build(), false).get("tools"))
        .isEqualTo(
            Json.parse(
                "[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"description\":\"Look up a fact\","
                    + "\"parameters\":{\"type\":\"object\"},\"strict\":false}}]"));
  }

  @Test
  void writesEachRequestsOwnToolsWhenOneWriterServesManyRequests() {
    RequestWriter writer = new RequestWriter();
    ToolSpec weather = new ToolSpec("get_weather", "", JsonSchema.fromJson(WEATHER_SCHEMA), true);
    ToolSpec lookup =
        new ToolSpec(
            "lookup", "Look up a fact", JsonSchema.fromJson("{\"type\":\"object\"}"), false);
    List<List<ToolSpec>> sequence =
        List.of(
            List.of(weather),
            List.of(weather),
            List.of(weather, lookup),
            List.of(),
            List.of(weather));
    for (List<ToolSpec> tools : sequence) {
      ChatRequest r = hi().tools(tools).build();
      JsonNode body =
          Json.parse(
              new String(writer.write("openai/gpt-5.4-mini", r, false), StandardCharsets.UTF_8));
      assertThat(body).isEqualTo(written(r, false)); // the same as a fresh writer's
      assertThat(body.path("tools").size()).isEqualTo(tools.size());
    }
  }
}
