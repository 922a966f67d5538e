package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ReasoningView;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.testserver.RecordedRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.transport.TransportFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatResponseParsingTest {

  private ScriptedServer server;
  private ChatModel model;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    model = TestClient.noRetries(server, TransportFactory.DEFAULT).model("openai/gpt-5");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChatRequest ask(String text) {
    return ChatRequest.builder().messages(List.of(UserMessage.of(text))).build();
  }

  @Test
  void readsAToolCallAnswerThatStartsWithWhitespaceKeepAlives() {
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));

    ChatResponse r = model.chat(ask("Add and multiply 2 and 3"));

    AssistantMessage m = r.message();
    assertThat(m.text()).isNull();
    assertThat(m.refusal()).isNull();
    assertThat(m.toolCalls())
        .containsExactly(
            new ToolCall("call_hxZ5lngdot9y8AfQa3spor2J", "add", "{\"a\":2,\"b\":3}"),
            new ToolCall("call_FfAnNULynr6w23E2ptBJNI0F", "multiply", "{\"a\":2,\"b\":3}"));
    assertThat(m.reasoning().text())
        .isEqualTo("**Calculating sum and product**\n\nI need both tools.");
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(r.nativeFinishReason()).isEqualTo("completed");
    assertThat(r.model()).isEqualTo("openai/gpt-5-2025-08-07");
    assertThat(r.provider()).isEqualTo("OpenAI");
    assertThat(r.id()).isEqualTo("gen-1773323924-57QbnghbXm2GvzEpqDiv");
    assertThat(r.usage().inputTokens()).isEqualTo(113);
    assertThat(r.usage().outputTokens()).isEqualTo(286);
    assertThat(r.usage().cachedInputTokens()).isZero();
    assertThat(r.usage().reasoningTokens()).isEqualTo(192);
    assertThat(r.usage().costUsd()).isEqualTo("0.00300125");
  }

  @Test
  void keepsEveryReasoningItemVerbatimIncludingUnknownFields() {
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));

    List<ReasoningDetail> details = model.chat(ask("q")).message().reasoning().details();

    JsonNode sent = Json.parse(Fixtures.TOOL_CALLS_BODY).at("/choices/0/message/reasoning_details");
    assertThat(details).hasSize(2);
    assertThat(Json.parse(details.get(0).json())).isEqualTo(sent.get(0));
    assertThat(Json.parse(details.get(1).json())).isEqualTo(sent.get(1));
    assertThat(details.get(1).json()).contains("\"future_field\":{\"x\":[1,2.50,true]}");
    assertThat(details.get(1).view())
        .isEqualTo(
            new ReasoningView.Encrypted(
                "rs_06113a4c35b40b110169b2c694f7608195bbc8eb5427d84429", "gAAAAABpssag-opaque=="));
  }

  @Test
  void sendsReasoningBackJsonEqualAndByteForByteOnTheNextTurn() {
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"id\":\"gen-2\",\"model\":\"openai/gpt-5\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Sum: 5\\nProduct: 6\"}}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"cost\":0.0001}}"));
    ChatResponse first = model.chat(ask("Add and multiply 2 and 3"));
    List<dev.taskforce.message.Message> turn2 = new ArrayList<>();
    turn2.add(UserMessage.of("Add and multiply 2 and 3"));
    turn2.add(first.message());
    turn2.add(new ToolResultMessage("call_hxZ5lngdot9y8AfQa3spor2J", "add", "5", false));
    turn2.add(new ToolResultMessage("call_FfAnNULynr6w23E2ptBJNI0F", "multiply", "6", false));

    ChatResponse second = model.chat(ChatRequest.builder().messages(turn2).build());

    assertThat(second.message().text()).isEqualTo("Sum: 5\nProduct: 6");
    server.takeRequest();
    RecordedRequest sent = server.takeRequest();
    JsonNode received =
        Json.parse(Fixtures.TOOL_CALLS_BODY).at("/choices/0/message/reasoning_details");
    assertThat(sent.bodyJson().at("/messages/1/reasoning_details")).isEqualTo(received);
    for (JsonNode item : received) {
      assertThat(sent.bodyText()).contains(item.toString());
    }
    assertThat(sent.bodyJson().at("/messages/1/reasoning").textValue())
        .isEqualTo("**Calculating sum and product**\n\nI need both tools.");
  }

  @Test
  void reasoningItemsOfAPrettyPrintedAnswerAreKeptAsSentOnlyWithoutWhitespaceBetweenTokens() {
    String item =
        "{\n      \"type\": \"reasoning.summary\",\n      \"summary\": \"caf\\u00e9 \\/ \\\"x\\\"\",\n"
            + "      \"format\": \"openai-responses-v1\",\n      \"index\": 0\n    }";
    String compact =
        "{\"type\":\"reasoning.summary\",\"summary\":\"caf\\u00e9 \\/ \\\"x\\\"\","
            + "\"format\":\"openai-responses-v1\",\"index\":0}";
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\n  \"id\": \"gen-1\",\n  \"choices\": [ {\n    \"index\": 0,\n"
                + "    \"finish_reason\": \"stop\",\n    \"message\": {\n      \"role\": \"assistant\",\n"
                + "      \"content\": \"é\",\n      \"reasoning_details\": [ "
                + item
                + ", 7 ]\n    }\n  } ],\n  \"usage\": {\"prompt_tokens\": 1, \"completion_tokens\": 1}\n}"));
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));

    AssistantMessage answer = model.chat(ask("q")).message();
    model.chat(ChatRequest.builder().messages(List.of(UserMessage.of("q"), answer)).build());

    assertThat(answer.reasoning().details())
        .extracting(ReasoningDetail::json)
        .containsExactly(compact);
    assertThat(answer.reasoning().details().get(0).view())
        .isEqualTo(new ReasoningView.Summary("café / \"x\""));
    server.takeRequest();
    assertThat(server.takeRequest().bodyText()).contains("\"reasoning_details\":[" + compact + "]");
  }

  @Test
  void reasoningItemsCutFromAnAnswerKeepTheirTypeAndIndexAndItemsWithoutATypeAreSkipped() {
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\",\"reasoning_details\":["
                + "{\"data\":\"x\",\"index\":3,\"type\":\"reasoning.encrypted\"},"
                + "{\"type\":7,\"index\":1},"
                + "{\"type\":\"reasoning.text\",\"index\":2.0,\"text\":{\"nested\":[1,{\"type\":\"no\"}]}},"
                + "{\"type\":\"reasoning.summary\",\"index\":\"4\",\"summary\":\"s\"}]}}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}"));

    List<ReasoningDetail> details = model.chat(ask("q")).message().reasoning().details();

    assertThat(details)
        .extracting(ReasoningDetail::type)
        .containsExactly("reasoning.encrypted", "reasoning.text", "reasoning.summary");
    assertThat(details).extracting(ReasoningDetail::index).containsExactly(3, 2, null);
    for (ReasoningDetail d : details) {
      assertThat(d).isEqualTo(ReasoningDetail.fromJson(d.json())); // as the checked path reads it
      assertThat(ReasoningDetail.fromJson(d.json()).index()).isEqualTo(d.index());
    }
  }

  @Test
  void readsARefusal() {
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"id\":\"gen-3\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help with that.\"}}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"cost\":0}}"));
    ChatResponse r = model.chat(ask("q"));
    assertThat(r.message().refusal()).isEqualTo("I can't help with that.");
    assertThat(r.message().text()).isNull();
    assertThat(r.usage().costUsd()).isZero();
  }

  @Test
  void computesTheCostFromTheCatalogWhenTheProviderSendsNone() {
    ChatModel mini =
        TestClient.noRetries(server, TransportFactory.DEFAULT).model("openai/gpt-5.4-mini");
    server.enqueue(
        ScriptedResponse.json(
                200,
                "{\"model\":\"openai/gpt-5.4-mini-20260317\",\"choices\":[{\"index\":0,\"finish_reason\":\"length\","
                    + "\"native_finish_reason\":\"max_output_tokens\",\"message\":{\"role\":\"assistant\",\"content\":\"\"}}],"
                    + "\"usage\":{\"prompt_tokens\":1000000,\"completion_tokens\":1000000,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":200000},"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":1000000}}}")
            .header("X-Generation-Id", "gen-from-header"));

    ChatResponse r = mini.chat(ask("q"));

    // 800K x $0.75/M + 200K x $0.075/M + 1M x $4.50/M
    assertThat(r.usage().costUsd()).isEqualByComparingTo("5.115");
    assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(r.message().text()).isNull();
    assertThat(r.usage().reasoningTokens()).isEqualTo(1_000_000);
    assertThat(r.id()).isEqualTo("gen-from-header");
  }

  @Test
  void toleratesUnknownFieldsContentPartsAndExtraChoices() {
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"future\":{\"a\":[1,{\"b\":null}]},\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"x\":1,"
                + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hel\"},"
                + "{\"type\":\"text\",\"text\":\"lo\"}],\"annotations\":[{\"k\":\"v\"}]}},"
                + "{\"index\":1,\"finish_reason\":\"stop\",\"message\":{\"content\":\"ignored\"}}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":\"0.5\",\"server_tool_use_details\":{}}}"));
    ChatResponse r = model.chat(ask("q"));
    assertThat(r.message().text()).isEqualTo("Hello");
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(r.usage().costUsd()).isEqualTo("0.5");
    assertThat(r.model()).isNull();
  }

  @Test
  void theRequestBodyIsValidUtf8Json() {
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));
    model.chat(ask("Grüße 👋 \"quoted\" \\ back"));
    byte[] body = server.takeRequest().body();
    assertThat(
            Json.parse(new String(body, StandardCharsets.UTF_8))
                .at("/messages/0/content")
                .textValue())
        .isEqualTo("Grüße 👋 \"quoted\" \\ back");
  }
}
