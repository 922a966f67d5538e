package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionBodyTest {

  private static final Instant NOW = Instant.parse("2026-03-20T10:15:30Z");

  private final FakeOpenRouter server =
      FakeOpenRouter.builder()
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .random(new Random(42))
          .start();
  private final RawClient client = new RawClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void plainAnswerStartsWithKeepAliveWhitespaceThenTheFullBody() {
    server.enqueue(ScriptedTurn.ofText("Hello there"));

    HttpResponse<String> r =
        client.chat(RawClient.request("openai/gpt-5.4-mini", RawClient.userSays("Hi"), false));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body()).startsWith("\n         \n\n         \n{\"id\":\"gen-");
    JsonNode body = Json.parse(r.body());
    assertThat(body.get("id").asText()).matches("gen-" + NOW.getEpochSecond() + "-[A-Za-z0-9]{20}");
    assertThat(r.headers().firstValue("X-Generation-Id")).hasValue(body.get("id").asText());
    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
    assertThat(body.get("created").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(body.get("model").asText()).isEqualTo("openai/gpt-5.4-mini");
    assertThat(body.get("provider").asText()).isEqualTo("OpenAI");
    assertThat(body.has("system_fingerprint")).isTrue();
    assertThat(body.get("system_fingerprint").isNull()).isTrue();
    JsonNode choice = body.get("choices").get(0);
    assertThat(choice.get("index").asInt()).isZero();
    assertThat(choice.get("logprobs").isNull()).isTrue();
    assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(choice.get("native_finish_reason").asText()).isEqualTo("completed");
    JsonNode message = choice.get("message");
    assertThat(message.get("role").asText()).isEqualTo("assistant");
    assertThat(message.get("content").asText()).isEqualTo("Hello there");
    assertThat(message.get("refusal").isNull()).isTrue();
    assertThat(message.get("reasoning").isNull()).isTrue();
    assertThat(message.has("tool_calls")).isFalse();
  }

  @Test
  void usageIsCompleteAndPricedAtTheModelsListPrice() {
    server.enqueue(
        ScriptedTurn.builder()
            .text("ok")
            .usage(new Usage(1000, 200, 100, 50, new BigDecimal("0.00171")))
            .build());

    JsonNode usage =
        Json.parse(
                client
                    .chat(RawClient.request("openai/gpt-5.4-mini", RawClient.userSays("Hi"), false))
                    .body())
            .get("usage");

    assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(1000);
    assertThat(usage.get("completion_tokens").asLong()).isEqualTo(200);
    assertThat(usage.get("total_tokens").asLong()).isEqualTo(1200);
    assertThat(usage.get("cost").decimalValue()).isEqualByComparingTo("0.00171");
    assertThat(usage.get("is_byok").asBoolean(true)).isFalse();
    assertThat(usage.at("/prompt_tokens_details/cached_tokens").asLong()).isEqualTo(100);
    assertThat(usage.at("/completion_tokens_details/reasoning_tokens").asLong()).isEqualTo(50);
    // Mini: $0.75/M input, $0.075/M cached, $4.50/M output.
    assertThat(usage.at("/cost_details/upstream_inference_prompt_cost").decimalValue())
        .isEqualByComparingTo("0.0006825");
    assertThat(usage.at("/cost_details/upstream_inference_completions_cost").decimalValue())
        .isEqualByComparingTo("0.0009");
    assertThat(usage.at("/cost_details/upstream_inference_cost").isNull()).isTrue();
  }

  @Test
  void estimatedUsageCostsWhatTheTokensCostAndIsWrittenPlainly() {
    server.enqueue(ScriptedTurn.ofText("A short answer."));

    HttpResponse<String> r =
        client.chat(RawClient.request("openai/gpt-5.4-nano", RawClient.userSays("Hi"), false));

    JsonNode usage = Json.parse(r.body()).get("usage");
    long in = usage.get("prompt_tokens").asLong();
    long out = usage.get("completion_tokens").asLong();
    assertThat(in).isPositive();
    assertThat(out).isPositive();
    BigDecimal expected =
        new BigDecimal("0.0000002")
            .multiply(BigDecimal.valueOf(in))
            .add(new BigDecimal("0.00000125").multiply(BigDecimal.valueOf(out)));
    assertThat(usage.get("cost").decimalValue()).isEqualByComparingTo(expected);
    assertThat(r.body()).doesNotContain("E-");
  }

  @Test
  void toolCallsCarryIndexIdAndArgumentsAsAString() {
    server.enqueue(
        ScriptedTurn.builder()
            .toolCall(new ToolCall("call_a", "add", "{\"a\":2,\"b\":3}"))
            .toolCall(new ToolCall("call_m", "multiply", "{\"a\":2,\"b\":3}"))
            .build());

    JsonNode choice =
        Json.parse(
                client
                    .chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("2 and 3"), false))
                    .body())
            .at("/choices/0");

    assertThat(choice.get("finish_reason").asText()).isEqualTo("tool_calls");
    JsonNode message = choice.get("message");
    assertThat(message.get("content").isNull()).isTrue();
    JsonNode calls = message.get("tool_calls");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).get("type").asText()).isEqualTo("function");
    assertThat(calls.get(1).get("index").asInt()).isEqualTo(1);
    assertThat(calls.get(1).get("id").asText()).isEqualTo("call_m");
    assertThat(calls.get(1).at("/function/name").asText()).isEqualTo("multiply");
    assertThat(calls.get(1).at("/function/arguments").isTextual()).isTrue();
    assertThat(calls.get(1).at("/function/arguments").asText()).isEqualTo("{\"a\":2,\"b\":3}");
  }

  @Test
  void openAiReasoningIsASummaryAndAnEncryptedItem() {
    server.enqueue(
        ScriptedTurn.builder().openAiReasoning("**Thinking**\n\nShort.").text("Done").build());

    JsonNode message =
        Json.parse(
                client
                    .chat(RawClient.request("openai/gpt-5.4-pro", RawClient.userSays("Go"), false))
                    .body())
            .at("/choices/0/message");

    assertThat(message.get("reasoning").asText()).isEqualTo("**Thinking**\n\nShort.");
    JsonNode details = message.get("reasoning_details");
    assertThat(details).hasSize(2);
    assertThat(details.get(0).get("type").asText()).isEqualTo("reasoning.summary");
    assertThat(details.get(0).get("summary").asText()).isEqualTo("**Thinking**\n\nShort.");
    assertThat(details.get(0).get("format").asText()).isEqualTo("openai-responses-v1");
    assertThat(details.get(0).get("index").asInt()).isZero();
    assertThat(details.get(1).get("type").asText()).isEqualTo("reasoning.encrypted");
    assertThat(details.get(1).get("data").asText()).startsWith("gAAAAAB").hasSizeGreaterThan(100);
    assertThat(details.get(1).get("id").asText()).matches("rs_[0-9a-f]{50}");
    assertThat(details.get(1).get("index").asInt()).isEqualTo(1);
  }

  @Test
  void scriptedReasoningItemsAreSentVerbatimUnknownFieldsIncluded() {
    String item =
        "{\"type\":\"reasoning.text\",\"text\":\"Let me think\",\"signature\":\"EqcDCkg\","
            + "\"format\":\"anthropic-claude-v1\",\"index\":0,\"x_future\":{\"a\":[1,2]}}";
    server.enqueue(
        ScriptedTurn.builder()
            .reasoningText("Let me think")
            .reasoningDetail(ReasoningDetail.fromJson(item))
            .text("Answer")
            .build());

    JsonNode details =
        Json.parse(
                client
                    .chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("Go"), false))
                    .body())
            .at("/choices/0/message/reasoning_details");

    assertThat(details.get(0)).isEqualTo(Json.parse(item));
  }

  @Test
  void servedModelProviderFinishReasonAndRefusalComeFromTheScript() {
    server.enqueue(
        ScriptedTurn.builder()
            .refusal("I can't help with that.")
            .finishReason(FinishReason.CONTENT_FILTER)
            .model("openai/gpt-5.4-mini-20260317")
            .provider("Azure")
            .build());

    JsonNode body =
        Json.parse(
            client
                .chat(RawClient.request("openai/gpt-5.4-mini", RawClient.userSays("Bad"), false))
                .body());

    assertThat(body.get("model").asText()).isEqualTo("openai/gpt-5.4-mini-20260317");
    assertThat(body.get("provider").asText()).isEqualTo("Azure");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
    assertThat(body.at("/choices/0/native_finish_reason").asText()).isEqualTo("content_filter");
    assertThat(body.at("/choices/0/message/refusal").asText()).isEqualTo("I can't help with that.");
    assertThat(body.at("/choices/0/message/content").isNull()).isTrue();
  }

  @Test
  void leadingWhitespaceCanBeSwitchedOff() {
    try (FakeOpenRouter quiet = FakeOpenRouter.builder().leadingWhitespace(false).start()) {
      quiet.enqueue(ScriptedTurn.ofText("x"));
      HttpResponse<String> r =
          new RawClient(quiet)
              .chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("Hi"), false));
      assertThat(r.body()).startsWith("{\"id\":\"gen-");
    }
  }

  @Test
  void sameSeedAndClockGiveTheSameBytes() {
    String[] bodies = new String[2];
    for (int i = 0; i < 2; i++) {
      try (FakeOpenRouter s =
          FakeOpenRouter.builder()
              .clock(Clock.fixed(NOW, ZoneOffset.UTC))
              .random(new Random(7))
              .start()) {
        s.enqueue(ScriptedTurn.builder().openAiReasoning("r").text("t").build());
        bodies[i] =
            new RawClient(s)
                .chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("Hi"), false))
                .body();
      }
    }
    assertThat(bodies[0]).isEqualTo(bodies[1]);
  }

  @Test
  void lengthAndUnknownFinishReasonsMapToTheirWireValues() {
    server.enqueue(
        ScriptedTurn.builder().finishReason(FinishReason.LENGTH).build(),
        ScriptedTurn.builder().finishReason(FinishReason.UNKNOWN).build());

    JsonNode length =
        Json.parse(
                client
                    .chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("Hi"), false))
                    .body())
            .at("/choices/0");
    JsonNode unknown =
        Json.parse(
                client
                    .chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("Hi"), false))
                    .body())
            .at("/choices/0");

    assertThat(length.get("finish_reason").asText()).isEqualTo("length");
    assertThat(length.get("native_finish_reason").asText()).isEqualTo("max_output_tokens");
    assertThat(length.at("/message/content").isNull()).isTrue();
    assertThat(unknown.get("finish_reason").isNull()).isTrue();
    assertThat(unknown.get("native_finish_reason").isNull()).isTrue();
  }
}
