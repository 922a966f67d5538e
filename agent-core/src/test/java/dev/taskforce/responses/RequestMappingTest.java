package dev.taskforce.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Message;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ProviderPreferences;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.testserver.RecordedRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.tool.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMappingTest {

  static final String SCHEMA =
      "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"q\"],"
          + "\"properties\":{\"q\":{\"type\":\"string\"}}}";

  private static final Settings OPENAI =
      new Settings(
          new Target.OpenAi(), false, false, false, Duration.ofSeconds(2), null, RetryPolicy.NONE);

  private static JsonNode written(ChatRequest r, Settings s) {
    return Json.parse(
        new String(BodyWriter.write("gpt-5.4-pro", r, s, false, null, 0), StandardCharsets.UTF_8));
  }

  private static ChatRequest.Builder hi() {
    return ChatRequest.builder().messages(List.of(UserMessage.of("hi")));
  }

  @Test
  void writesEveryFieldOfAToolTurnAsOpenAiExpectsIt() {
    AssistantMessage previous =
        OutputItems.message(
            List.of(
                Json.parse(Items.reasoning("rs_1", "Need to check", "gAAAA-1")),
                Json.parse(Items.call("fc_1", "call_1", "lookup", "{\"q\":\"2^61-1\"}"))));
    List<Message> messages =
        List.of(
            new SystemMessage("You are terse."),
            new SystemMessage("Answer in English."),
            new UserMessage(
                List.of(
                    new TextPart("Is 2^61-1 prime?"),
                    new ImagePart("https://x.test/a.png", null),
                    new ImagePart("data:image/png;base64,iVBORw0KGgo=", "high"))),
            previous,
            new ToolResultMessage("call_1", "lookup", "{\"prime\":true}", false),
            new SystemMessage("Now answer."));
    ChatRequest request =
        ChatRequest.builder()
            .messages(messages)
            .tools(
                List.of(
                    new ToolSpec("lookup", "Look up a fact", JsonSchema.fromJson(SCHEMA), true),
                    new ToolSpec("loose", "", JsonSchema.fromJson("{\"type\":\"object\"}"), false)))
            .toolChoice(new ToolChoice.Named("lookup"))
            .parallelToolCalls(false)
            .responseFormat(
                new ResponseFormat.JsonSchemaFormat(
                    "verdict", JsonSchema.fromJson(SCHEMA), true, "The verdict"))
            .reasoning(new ReasoningConfig(ReasoningEffort.HIGH, null, null, null, "auto"))
            .maxOutputTokens(32000)
            .user("user-7")
            .metadata(Map.of("run", "r1"))
            .build();

    try (ScriptedServer server = ScriptedServer.start()) {
      server.enqueue(ScriptedResponse.json(200, Items.response(Items.output())));
      ChatModel model =
          TestClients.openAi(server.baseUrl() + "/v1")
              .verbosity(Verbosity.LOW)
              .build()
              .model("gpt-5.4-pro");
      model.chat(request);

      RecordedRequest sent = server.takeRequest();
      assertThat(sent.method()).isEqualTo("POST");
      assertThat(sent.path()).isEqualTo("/v1/responses");
      assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TestClients.KEY);
      assertThat(sent.header("Content-Type")).isEqualTo("application/json");
      assertThat(sent.bodyJson())
          .isEqualTo(
              Json.parse(
                  """
                  {"model":"gpt-5.4-pro",
                   "instructions":"You are terse.\\n\\nAnswer in English.",
                   "input":[
                     {"type":"message","role":"user","content":[
                       {"type":"input_text","text":"Is 2^61-1 prime?"},
                       {"type":"input_image","image_url":"https://x.test/a.png","detail":"auto"},
                       {"type":"input_image","image_url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}]},
                     {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Need to check"}],
                      "encrypted_content":"gAAAA-1","status":"completed"},
                     {"type":"function_call","id":"fc_1","call_id":"call_1","name":"lookup",
                      "arguments":"{\\"q\\":\\"2^61-1\\"}","status":"completed"},
                     {"type":"function_call_output","call_id":"call_1","output":"{\\"prime\\":true}"},
                     {"type":"message","role":"developer","content":[{"type":"input_text","text":"Now answer."}]}],
                   "tools":[
                     {"type":"function","name":"lookup","description":"Look up a fact",
                      "parameters":{"type":"object","additionalProperties":false,"required":["q"],
                                    "properties":{"q":{"type":"string"}}},"strict":true},
                     {"type":"function","name":"loose","parameters":{"type":"object"},"strict":false}],
                   "tool_choice":{"type":"function","name":"lookup"},
                   "parallel_tool_calls":false,
                   "text":{"format":{"type":"json_schema","name":"verdict","description":"The verdict",
                                     "strict":true,
                                     "schema":{"type":"object","additionalProperties":false,"required":["q"],
                                               "properties":{"q":{"type":"string"}}}},
                           "verbosity":"low"},
                   "reasoning":{"effort":"high","summary":"auto"},
                   "max_output_tokens":32000,
                   "include":["reasoning.encrypted_content"],
                   "store":false,
                   "user":"user-7",
                   "metadata":{"run":"r1"},
                   "stream":false}
                  """));
    }
  }

  @Test
  void writesEachToolChoiceFlat() {
    assertThat(written(hi().toolChoice(ToolChoice.AUTO).build(), OPENAI).get("tool_choice"))
        .isEqualTo(Json.parse("\"auto\""));
    assertThat(written(hi().toolChoice(ToolChoice.NONE).build(), OPENAI).get("tool_choice"))
        .isEqualTo(Json.parse("\"none\""));
    assertThat(written(hi().toolChoice(ToolChoice.REQUIRED).build(), OPENAI).get("tool_choice"))
        .isEqualTo(Json.parse("\"required\""));
  }

  @Test
  void writesJsonObjectAndTextFormats() {
    assertThat(written(hi().responseFormat(ResponseFormat.JSON_OBJECT).build(), OPENAI).get("text"))
        .isEqualTo(Json.parse("{\"format\":{\"type\":\"json_object\"}}"));
    assertThat(written(hi().responseFormat(ResponseFormat.TEXT).build(), OPENAI).get("text"))
        .isEqualTo(Json.parse("{\"format\":{\"type\":\"text\"}}"));
    assertThat(written(hi().build(), OPENAI).has("text")).isFalse();
  }

  @Test
  void aPlainRequestSendsOnlyModelInputIncludeStoreAndStream() {
    assertThat(written(hi().build(), OPENAI))
        .isEqualTo(
            Json.parse(
                """
                {"model":"gpt-5.4-pro",
                 "input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}],
                 "include":["reasoning.encrypted_content"],"store":false,"stream":false}
                """));
  }

  @Test
  void writesStoreTrueAndBackgroundWhenConfigured() {
    Settings s =
        new Settings(
            new Target.OpenAi(), true, false, true, Duration.ofSeconds(2), null, RetryPolicy.NONE);
    JsonNode body = written(hi().temperature(0.5).topP(0.9).build(), s);
    assertThat(body.get("store").booleanValue()).isTrue();
    assertThat(body.get("background").booleanValue()).isTrue();
    assertThat(body.get("temperature").doubleValue()).isEqualTo(0.5);
    assertThat(body.get("top_p").doubleValue()).isEqualTo(0.9);
  }

  @Test
  void rebuildsAnAssistantMessageFromElsewhereWithItsReasoningFirst() {
    // A message written by hand (or by the Chat Completions client): no Responses items, a Chat
    // reasoning detail that must not be sent here.
    AssistantMessage foreign =
        new AssistantMessage(
            "Checking.",
            List.of(new ToolCall("call_9", "lookup", "{}")),
            null,
            new Reasoning(
                "thought",
                List.of(
                    ReasoningDetail.fromJson(
                        "{\"type\":\"reasoning.encrypted\",\"data\":\"x\",\"id\":\"rs_9\"}"))));
    JsonNode input =
        written(hi().messages(List.of(UserMessage.of("q"), foreign)).build(), OPENAI).get("input");
    assertThat(input.get(1))
        .isEqualTo(
            Json.parse("{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"Checking.\"}"));
    assertThat(input.get(2))
        .isEqualTo(
            Json.parse(
                "{\"type\":\"function_call\",\"call_id\":\"call_9\",\"name\":\"lookup\",\"arguments\":\"{}\"}"));
    assertThat(input).hasSize(3);
  }

  @Test
  void refusesSettingsTheResponsesApiDoesNotHave() {
    assertThatThrownBy(() -> written(hi().seed(1L).build(), OPENAI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed");
    assertThatThrownBy(() -> written(hi().stop(List.of("x")).build(), OPENAI))
        .hasMessageContaining("stop");
    assertThatThrownBy(() -> written(hi().fallbackModels(List.of("m")).build(), OPENAI))
        .hasMessageContaining("fallbackModels")
        .hasMessageContaining("OpenRouter");
    assertThatThrownBy(
            () ->
                written(
                    hi().providerPreferences(ProviderPreferences.builder().zdr(true).build())
                        .build(),
                    OPENAI))
        .hasMessageContaining("providerPreferences");
    assertThatThrownBy(
            () ->
                written(
                    hi().reasoning(new ReasoningConfig(null, 100, null, null, null)).build(),
                    OPENAI))
        .hasMessageContaining("maxTokens");
  }

  @Test
  void extraBodyFieldsComeLastAndWin() {
    JsonNode body =
        written(
            hi().maxOutputTokens(10)
                .extraBody("max_output_tokens", 20)
                .extraBody("prompt_cache_key", "k")
                .build(),
            OPENAI);
    assertThat(body.get("max_output_tokens").intValue()).isEqualTo(20);
    assertThat(body.get("prompt_cache_key").asText()).isEqualTo("k");
    List<String> names = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    assertThat(names).endsWith("max_output_tokens", "prompt_cache_key");
  }
}
