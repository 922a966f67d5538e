package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionStreamTest {

  private static final String SUMMARY =
      "**Adding and multiplying**\n\nThe user wants both the sum and the product of 2 and 3.";

  private final FakeOpenRouter server = FakeOpenRouter.builder().start();
  private final RawClient client = new RawClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private HttpResponse<String> stream() {
    return client.chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("2 and 3"), true));
  }

  private static List<JsonNode> chunks(String body) {
    List<JsonNode> out = new ArrayList<>();
    for (String e : RawClient.events(body)) {
      if (!e.startsWith(":") && !e.equals("[DONE]")) {
        out.add(Json.parse(e));
      }
    }
    return out;
  }

  @Test
  void streamHasKeepAlivesRoleChunkFinishChunkUsageChunkAndDone() {
    server.enqueue(ScriptedTurn.ofText("Sum: 5, product: 6. Anything else I can compute?"));

    HttpResponse<String> r = stream();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    List<String> events = RawClient.events(r.body());
    assertThat(events.get(0)).isEqualTo(": OPENROUTER PROCESSING");
    assertThat(events.get(1)).isEqualTo(": OPENROUTER PROCESSING");
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    List<JsonNode> chunks = chunks(r.body());
    JsonNode first = chunks.get(0);
    assertThat(first.get("id").asText()).matches("gen-\\d+-[A-Za-z0-9]{20}");
    assertThat(r.headers().firstValue("X-Generation-Id")).hasValue(first.get("id").asText());
    assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.get("provider").asText()).isEqualTo("OpenAI");
    assertThat(first.at("/choices/0/delta"))
        .isEqualTo(Json.parse("{\"role\":\"assistant\",\"content\":\"\"}"));
    assertThat(first.at("/choices/0/finish_reason").isNull()).isTrue();
    JsonNode usage = chunks.get(chunks.size() - 1);
    assertThat(usage.get("choices")).isEmpty();
    assertThat(usage.at("/usage/cost").isNumber()).isTrue();
    assertThat(usage.at("/usage/completion_tokens_details/reasoning_tokens").isNumber()).isTrue();
    JsonNode finish = chunks.get(chunks.size() - 2);
    assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(finish.at("/choices/0/native_finish_reason").asText()).isEqualTo("completed");
    assertThat(finish.at("/choices/0/delta/content").asText()).isEmpty();
    long contentChunks =
        chunks.stream().filter(c -> !c.at("/choices/0/delta/content").asText("").isEmpty()).count();
    assertThat(contentChunks).isGreaterThan(2);
    assertThat(RawClient.accumulate(r.body()).get("content").asText())
        .isEqualTo("Sum: 5, product: 6. Anything else I can compute?");
  }

  @Test
  void summaryStreamsInFragmentsSharingOneIndexAndTheEncryptedItemArrivesWhole() {
    server.enqueue(ScriptedTurn.builder().openAiReasoning(SUMMARY).text("5 and 6").build());

    HttpResponse<String> r = stream();

    List<JsonNode> reasoningChunks = new ArrayList<>();
    for (JsonNode c : chunks(r.body())) {
      if (c.at("/choices/0/delta").has("reasoning_details")) {
        reasoningChunks.add(c);
      }
    }
    assertThat(reasoningChunks.size()).isGreaterThan(3);
    for (JsonNode c : reasoningChunks.subList(0, reasoningChunks.size() - 1)) {
      JsonNode item = c.at("/choices/0/delta/reasoning_details/0");
      assertThat(item.get("type").asText()).isEqualTo("reasoning.summary");
      assertThat(item.get("index").asInt()).isZero();
      assertThat(c.at("/choices/0/delta/reasoning").asText())
          .isEqualTo(item.get("summary").asText());
    }
    JsonNode last = reasoningChunks.get(reasoningChunks.size() - 1).at("/choices/0/delta");
    assertThat(last.get("reasoning").isNull()).isTrue();
    assertThat(last.at("/reasoning_details/0/type").asText()).isEqualTo("reasoning.encrypted");
    assertThat(last.at("/reasoning_details/0/index").asInt()).isZero();
    assertThat(last.at("/reasoning_details/0/data").asText()).startsWith("gAAAAAB");

    ObjectNode merged = RawClient.accumulate(r.body());
    assertThat(merged.get("reasoning").asText()).isEqualTo(SUMMARY);
    assertThat(merged.get("reasoning_details")).hasSize(2);
    assertThat(merged.at("/reasoning_details/0/summary").asText()).isEqualTo(SUMMARY);
  }

  @Test
  void toolCallsStreamAsAnIdAndNameFragmentThenArgumentPieces() {
    server.enqueue(
        ScriptedTurn.builder()
            .toolCall(new ToolCall("call_a", "add", "{\"a\":2,\"b\":3}"))
            .toolCall(new ToolCall("call_m", "multiply", "{\"a\":2,\"b\":3}"))
            .build());

    HttpResponse<String> r = stream();

    List<JsonNode> pieces = new ArrayList<>();
    for (JsonNode c : chunks(r.body())) {
      c.at("/choices/0/delta/tool_calls").forEach(pieces::add);
    }
    JsonNode first = pieces.get(0);
    assertThat(first.get("id").asText()).isEqualTo("call_a");
    assertThat(first.get("index").asInt()).isZero();
    assertThat(first.get("type").asText()).isEqualTo("function");
    assertThat(first.at("/function/name").asText()).isEqualTo("add");
    assertThat(first.at("/function/arguments").asText()).isEmpty();
    JsonNode second = pieces.get(1);
    assertThat(second.has("id")).isFalse();
    assertThat(second.at("/function/arguments").asText()).isNotEmpty();
    assertThat(pieces.stream().filter(p -> p.has("id")).count()).isEqualTo(2);

    ObjectNode merged = RawClient.accumulate(r.body());
    assertThat(merged.get("finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(merged.at("/tool_calls/1/id").asText()).isEqualTo("call_m");
    assertThat(merged.at("/tool_calls/1/name").asText()).isEqualTo("multiply");
    assertThat(merged.at("/tool_calls/0/arguments").asText()).isEqualTo("{\"a\":2,\"b\":3}");
    assertThat(merged.at("/tool_calls/1/arguments").asText()).isEqualTo("{\"a\":2,\"b\":3}");
  }

  @Test
  void signedThinkingStreamsAsTextFragmentsThenASignatureAndMergesBackExactly() {
    String thinking = "The user is asking for the weather in Oslo, so I should call the tool.";
    String item =
        "{\"type\":\"reasoning.text\",\"text\":\""
            + thinking
            + "\",\"signature\":\"EqcDCkgICBAC\",\"format\":\"anthropic-claude-v1\",\"index\":0}";
    server.enqueue(
        ScriptedTurn.builder()
            .reasoningText(thinking)
            .reasoningDetail(ReasoningDetail.fromJson(item))
            .provider("Anthropic")
            .text("Calling it")
            .build());

    HttpResponse<String> r = stream();

    List<JsonNode> fragments = new ArrayList<>();
    for (JsonNode c : chunks(r.body())) {
      c.at("/choices/0/delta/reasoning_details").forEach(fragments::add);
    }
    assertThat(fragments.size()).isGreaterThan(2);
    JsonNode last = fragments.get(fragments.size() - 1);
    assertThat(last.has("text")).isFalse();
    assertThat(last.get("signature").asText()).isEqualTo("EqcDCkgICBAC");
    ObjectNode merged = RawClient.accumulate(r.body());
    assertThat(merged.get("reasoning_details")).containsExactly(Json.parse(item));
    assertThat(merged.get("reasoning").asText()).isEqualTo(thinking);
  }

  @Test
  void keepAliveCommentsCanBeSwitchedOff() {
    try (FakeOpenRouter quiet = FakeOpenRouter.builder().keepAliveComments(0).start()) {
      quiet.enqueue(ScriptedTurn.ofText("x"));
      HttpResponse<String> r =
          new RawClient(quiet)
              .chat(RawClient.request("openai/gpt-5.4", RawClient.userSays("Hi"), true));
      assertThat(r.body()).startsWith("data: {").doesNotContain("OPENROUTER PROCESSING");
    }
  }

  @Test
  void reasoningTextBesideAnOpaqueItemIsPairedByPositionAndBothSurviveMerging() {
    String item =
        "{\"type\":\"reasoning.encrypted\",\"data\":\"opaque==\",\"format\":\"google-gemini-v1\",\"index\":0}";
    server.enqueue(
        ScriptedTurn.builder()
            .reasoningText("Thinking about the weather in Oslo today.")
            .reasoningDetail(ReasoningDetail.fromJson(item))
            .provider("Google")
            .text("Cold.")
            .build());

    ObjectNode merged = RawClient.accumulate(stream().body());

    assertThat(merged.get("reasoning").asText())
        .isEqualTo("Thinking about the weather in Oslo today.");
    assertThat(merged.get("reasoning_details")).containsExactly(Json.parse(item));
    assertThat(merged.get("content").asText()).isEqualTo("Cold.");
  }

  @Test
  void refusalStreamsInPieces() {
    server.enqueue(
        ScriptedTurn.builder().refusal("I can't help with that request, sorry.").build());

    StringBuilder refusal = new StringBuilder();
    for (JsonNode c : chunks(stream().body())) {
      refusal.append(c.at("/choices/0/delta/refusal").asText(""));
    }

    assertThat(refusal.toString()).isEqualTo("I can't help with that request, sorry.");
  }
}
