package dev.taskforce.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.internal.Json;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ReasoningView;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseMappingTest {

  private final ScriptedServer server = ScriptedServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private ChatResponse answer(String body) {
    server.enqueue(ScriptedResponse.json(200, body));
    return model("gpt-5.4-pro").chat(request());
  }

  private ChatModel model(String id) {
    return TestClients.openAi(server.baseUrl() + "/v1").build().model(id);
  }

  private static ChatRequest request() {
    return ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build();
  }

  @Test
  void readsTextToolCallsAndReasoningIntoTheSameMessageAsChatCompletions() {
    String rsA =
        "{\"type\":\"reasoning\",\"id\":\"rs_A\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Plan\"},"
            + "{\"type\":\"summary_text\",\"text\":\"Then act\"}],\"encrypted_content\":\"gAAAA-A\","
            + "\"future_field\":{\"x\":[1,2.50,true]}}";
    String rsB = Items.reasoning("rs_B", "More", "gAAAA-B");
    String fc1 = Items.call("fc_1", "call_1", "weather", "{\"city\":\"Oslo\"}");
    String fc2 = Items.call("fc_2", "call_2", "weather", "{\"city\":\"Bergen\"}");
    String msg = Items.message("msg_1", "commentary", "Checking both.");

    ChatResponse r = answer(Items.response(Items.output(rsA, fc1, rsB, msg, fc2)));

    assertThat(r.message().text()).isEqualTo("Checking both.");
    assertThat(r.message().toolCalls())
        .containsExactly(
            new ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}"),
            new ToolCall("call_2", "weather", "{\"city\":\"Bergen\"}"));
    assertThat(r.message().reasoning().text()).isEqualTo("Plan\n\nThen act\n\nMore");
    assertThat(r.message().reasoning().details())
        .extracting(ReasoningDetail::json)
        .containsExactly(
            Json.parse(rsA).toString(),
            Json.parse(fc1).toString(),
            Json.parse(rsB).toString(),
            Json.parse(msg).toString(),
            Json.parse(fc2).toString());
    assertThat(r.message().reasoning().details().get(0).json())
        .contains("\"future_field\":{\"x\":[1,2.50,true]}");
    assertThat(r.message().reasoning().details().get(0).view())
        .isEqualTo(new ReasoningView.Encrypted("rs_A", "gAAAA-A"));
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(r.nativeFinishReason()).isEqualTo("completed");
    assertThat(r.id()).isEqualTo("resp_67ca09c5");
    assertThat(r.model()).isEqualTo("gpt-5.4-pro-2026-03-05");
    assertThat(r.provider()).isEqualTo("OpenAI");
  }

  @Test
  void concatenatesTheTextOfEveryMessageItemAndReadsARefusal() {
    String refusal =
        "{\"type\":\"message\",\"id\":\"msg_3\",\"role\":\"assistant\",\"status\":\"completed\","
            + "\"content\":[{\"type\":\"refusal\",\"refusal\":\"I can't help with that.\"}]}";
    ChatResponse r =
        answer(
            Items.response(
                Items.output(
                    Items.message("msg_1", "commentary", "Hello "),
                    Items.message("msg_2", "final_answer", "world"),
                    refusal)));
    assertThat(r.message().text()).isEqualTo("Hello world");
    assertThat(r.message().refusal()).isEqualTo("I can't help with that.");
    assertThat(r.message().reasoning().text()).isNull();
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void aReasoningItemWithoutEncryptedContentIsViewedAsItsSummary() {
    ReasoningDetail d =
        ReasoningDetail.fromJson(
            "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\","
                + "\"text\":\"a\"},{\"type\":\"summary_text\",\"text\":\"b\"}]}");
    assertThat(d.view()).isEqualTo(new ReasoningView.Summary("a\n\nb"));
  }

  @Test
  void mapsIncompleteReasonsToLengthAndContentFilter() {
    String lengthBody =
        Items.response(Items.output(Items.reasoning("rs_1", "", "e")))
            .replace("\"status\":\"completed\"", "\"status\":\"incomplete\"")
            .replace(
                "\"incomplete_details\":null",
                "\"incomplete_details\":{\"reason\":\"max_output_tokens\"}");
    ChatResponse length = answer(lengthBody);
    assertThat(length.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(length.nativeFinishReason()).isEqualTo("max_output_tokens");
    assertThat(length.message().text()).isNull();

    ChatResponse filtered =
        answer(
            lengthBody.replace(
                "\"reason\":\"max_output_tokens\"", "\"reason\":\"content_filter\""));
    assertThat(filtered.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
  }

  @Test
  void pricesUsageFromTheCatalogEntryOfTheOpenAiModelId() {
    ChatResponse r = answer(Items.response(Items.output(Items.message("m", "final_answer", "x"))));
    assertThat(r.usage().inputTokens()).isEqualTo(291);
    assertThat(r.usage().outputTokens()).isEqualTo(23);
    assertThat(r.usage().cachedInputTokens()).isEqualTo(100);
    assertThat(r.usage().reasoningTokens()).isEqualTo(10);
    // gpt-5.4-pro-2026-03-05 -> openai/gpt-5.4-pro: $30 / $180 per million, no cached price.
    assertThat(r.usage().costUsd())
        .isEqualByComparingTo(
            new BigDecimal("291")
                .multiply(new BigDecimal("0.00003"))
                .add(new BigDecimal("23").multiply(new BigDecimal("0.00018"))));
  }

  @Test
  void takesTheProvidersCostWhenTheUsageCarriesOne() {
    ChatResponse r =
        answer(
            Items.response(Items.output(Items.message("m", "final_answer", "x")))
                .replace("\"total_tokens\":314", "\"total_tokens\":314,\"cost\":0.41"));
    assertThat(r.usage().costUsd()).isEqualByComparingTo("0.41");
  }

  @Test
  void infoComesFromTheCatalogUnderTheModelsOwnId() {
    ModelInfo pro = model("gpt-5.4-pro").info();
    assertThat(pro.id()).isEqualTo("gpt-5.4-pro");
    assertThat(pro.contextLength()).isEqualTo(1_050_000);
    assertThat(pro.reasoningEfforts())
        .containsExactlyInAnyOrder(
            ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH);
    assertThat(model("gpt-5.4-nano-2026-03-17").info().pricing().outputPerToken())
        .isEqualByComparingTo("0.00000125");
    assertThat(model("openai/gpt-5.4-mini").info().contextLength()).isEqualTo(400_000);
    assertThat(model("o9-unknown").info().isUnknown()).isTrue();
  }

  @Test
  void aMessageFromTheResponsesApiSurvivesSavingTheConversation() {
    ChatResponse r =
        answer(
            Items.response(
                Items.output(
                    Items.reasoning("rs_1", "s", "gAAAA"),
                    Items.message("msg_1", "final_answer", "done"))));
    Conversation c = new Conversation(List.of(UserMessage.of("q"), r.message()));
    assertThat(Conversation.fromJson(c.toJson())).isEqualTo(c);
  }

  @Test
  void skipsKeepAliveWhitespaceBeforeTheBody() {
    ChatResponse r =
        answer("\n   \n" + Items.response(Items.output(Items.message("m", "final_answer", "x"))));
    assertThat(r.message().text()).isEqualTo("x");
  }
}
