package dev.taskforce.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.StreamTruncatedException;
import dev.taskforce.testing.RecordingListener;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingTest {

  private static final String ADDED_RS =
      "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]}"; // no encrypted content yet
  private static final String DONE_RS =
      "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"**Plan** first\"},"
          + "{\"type\":\"summary_text\",\"text\":\"then call\"}],\"encrypted_content\":\"gAAAA-full\",\"status\":\"completed\"}";
  private static final String ADDED_FC =
      "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"weather\",\"arguments\":\"\",\"status\":\"in_progress\"}";
  private static final String DONE_FC =
      Items.call("fc_1", "call_1", "weather", "{\"city\":\"Oslo\"}");
  private static final String ADDED_MSG =
      "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"in_progress\",\"role\":\"assistant\",\"phase\":\"final_answer\",\"content\":[]}";
  private static final String DONE_MSG = Items.message("msg_1", "final_answer", "Hi there!");
  private static final String USAGE =
      "\"usage\":{\"input_tokens\":50,\"input_tokens_details\":{\"cached_tokens\":0},"
          + "\"output_tokens\":40,\"output_tokens_details\":{\"reasoning_tokens\":20},\"total_tokens\":90}";

  private final ScriptedServer server = ScriptedServer.start();
  private final ChatModel model =
      TestClients.openAi(server.baseUrl() + "/v1").build().model("gpt-5.4-pro");

  @AfterEach
  void stop() {
    server.close();
  }

  /** The events of one turn: reasoning, a function call and text, as [type, json] pairs. */
  private static List<String[]> turn(String terminalType, String status, String usage) {
    List<String[]> e = new ArrayList<>();
    int[] seq = {0};
    java.util.function.BiConsumer<String, String> add =
        (type, rest) ->
            e.add(
                new String[] {
                  type,
                  "{\"type\":\""
                      + type
                      + "\",\"sequence_number\":"
                      + seq[0]++
                      + (rest.isEmpty() ? "" : ",")
                      + rest
                      + "}"
                });
    String started =
        "\"response\":{\"id\":\"resp_s1\",\"object\":\"response\",\"status\":\"in_progress\","
            + "\"model\":\"gpt-5.4-pro-2026-03-05\",\"output\":[]}";
    add.accept("response.created", started);
    add.accept("response.in_progress", started);
    add.accept("response.output_item.added", "\"output_index\":0,\"item\":" + ADDED_RS);
    add.accept(
        "response.reasoning_summary_part.added",
        "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"part\":{\"type\":\"summary_text\",\"text\":\"\"}");
    add.accept(
        "response.reasoning_summary_text.delta",
        "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"**Plan**\"");
    add.accept(
        "response.reasoning_summary_text.delta",
        "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\" first\"");
    add.accept(
        "response.reasoning_summary_text.delta",
        "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":1,\"delta\":\"then call\"");
    add.accept("response.output_item.done", "\"output_index\":0,\"item\":" + DONE_RS);
    add.accept("response.output_item.added", "\"output_index\":1,\"item\":" + ADDED_FC);
    add.accept(
        "response.function_call_arguments.delta",
        "\"item_id\":\"fc_1\",\"output_index\":1,\"delta\":\"{\\\"city\\\":\"");
    add.accept(
        "response.function_call_arguments.delta",
        "\"item_id\":\"fc_1\",\"output_index\":1,\"delta\":\"\\\"Oslo\\\"}\"");
    add.accept(
        "response.function_call_arguments.done",
        "\"item_id\":\"fc_1\",\"output_index\":1,\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"");
    add.accept("response.output_item.done", "\"output_index\":1,\"item\":" + DONE_FC);
    add.accept("response.output_item.added", "\"output_index\":2,\"item\":" + ADDED_MSG);
    add.accept(
        "response.output_text.delta",
        "\"item_id\":\"msg_1\",\"output_index\":2,\"content_index\":0,\"delta\":\"Hi\",\"logprobs\":[]");
    add.accept(
        "response.output_text.delta",
        "\"item_id\":\"msg_1\",\"output_index\":2,\"content_index\":0,\"delta\":\" there!\",\"logprobs\":[]");
    add.accept(
        "response.output_text.done",
        "\"item_id\":\"msg_1\",\"output_index\":2,\"content_index\":0,\"text\":\"Hi there!\"");
    add.accept("response.output_item.done", "\"output_index\":2,\"item\":" + DONE_MSG);
    add.accept(
        terminalType,
        "\"response\":{\"id\":\"resp_s1\",\"object\":\"response\",\"status\":\""
            + status
            + "\",\"model\":\"gpt-5.4-pro-2026-03-05\",\"output\":["
            + ADDED_RS // the terminal output is not where encrypted content is taken from
            + ","
            + DONE_FC
            + ","
            + DONE_MSG
            + "],"
            + usage
            + "}");
    return e;
  }

  /** OpenAI framing: event: lines, no [DONE]. */
  private static ScriptedResponse openAiFraming(List<String[]> events) {
    ScriptedResponse r = ScriptedResponse.sse();
    for (String[] e : events) {
      r.chunk("event: " + e[0] + "\ndata: " + e[1] + "\n\n");
    }
    return r;
  }

  /** OpenRouter framing: data: lines only, keep-alive comments, then [DONE]. */
  private static ScriptedResponse openRouterFraming(List<String[]> events) {
    ScriptedResponse r = ScriptedResponse.sse().comment("OPENROUTER PROCESSING");
    for (String[] e : events) {
      r.data(e[1]);
    }
    return r.done();
  }

  private ChatResponse stream(RecordingListener listener) {
    return model.stream(
        ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build(), listener);
  }

  private void assertMerged(ChatResponse r, RecordingListener listener) {
    assertThat(listener.events)
        .containsExactly(
            "reasoning:**Plan**",
            "reasoning: first",
            "reasoning:\n\nthen call",
            "tool:0:call_1:weather:",
            "tool:0:null:null:{\"city\":",
            "tool:0:null:null:\"Oslo\"}",
            "text:Hi",
            "text: there!");
    assertThat(r.message().text()).isEqualTo("Hi there!");
    assertThat(r.message().reasoning().text()).isEqualTo("**Plan** first\n\nthen call");
    assertThat(r.message().toolCalls())
        .containsExactly(new ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}"));
    assertThat(r.message().reasoning().details())
        .extracting(ReasoningDetail::json)
        .containsExactly(
            Json.parse(DONE_RS).toString(),
            Json.parse(DONE_FC).toString(),
            Json.parse(DONE_MSG).toString());
    assertThat(r.usage().outputTokens()).isEqualTo(40);
    assertThat(r.usage().reasoningTokens()).isEqualTo(20);
    assertThat(r.id()).isEqualTo("resp_s1");
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
  }

  @Test
  void mergesOpenAiEventsIntoTheMessageAndTheListener() {
    server.enqueue(openAiFraming(turn("response.completed", "completed", USAGE)));
    RecordingListener listener = new RecordingListener();
    ChatResponse r = stream(listener);
    assertMerged(r, listener);
    assertThat(r.message().reasoning().details().get(0).json()).contains("gAAAA-full");
    assertThat(server.takeRequest().bodyJson().get("stream").booleanValue()).isTrue();
  }

  @Test
  void mergesOpenRouterEventsEndingWithDone() {
    server.enqueue(openRouterFraming(turn("response.completed", "completed", USAGE)));
    RecordingListener listener = new RecordingListener();
    assertMerged(stream(listener), listener);
  }

  @Test
  void theStreamedAnswerEqualsTheWholeOne() {
    server.enqueue(openAiFraming(turn("response.completed", "completed", USAGE)));
    ChatResponse streamed = stream(new RecordingListener());
    String whole =
        "{\"id\":\"resp_s1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-5.4-pro-2026-03-05\","
            + "\"output\":["
            + String.join(",", DONE_RS, DONE_FC, DONE_MSG)
            + "],"
            + USAGE
            + "}";
    server.enqueue(ScriptedResponse.json(200, whole));
    ChatResponse chat =
        model.chat(ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build());
    assertThat(streamed).isEqualTo(chat);
  }

  @Test
  void anIncompleteEventEndsWithLength() {
    server.enqueue(
        openAiFraming(
            turn(
                "response.incomplete",
                "incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"x\":\"",
                USAGE)));
    ChatResponse r = stream(new RecordingListener());
    assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void aStreamCutBeforeItsTerminalEventIsTruncated() {
    List<String[]> events = turn("response.completed", "completed", USAGE);
    ScriptedResponse r = openAiFraming(events.subList(0, 8));
    server.enqueue(r);
    server.enqueue(openAiFraming(events.subList(0, 8)).done());
    assertThatThrownBy(() -> stream(new RecordingListener()))
        .isInstanceOf(StreamTruncatedException.class);
    assertThatThrownBy(() -> stream(new RecordingListener()))
        .isInstanceOf(StreamTruncatedException.class)
        .hasMessageContaining("[DONE]");
  }

  @Test
  void aFailedEventIsTypedByItsCode() {
    List<String[]> events = turn("response.completed", "completed", USAGE).subList(0, 3);
    ScriptedResponse r = openAiFraming(events);
    r.chunk(
        "event: response.failed\ndata: {\"type\":\"response.failed\",\"sequence_number\":3,"
            + "\"response\":{\"id\":\"resp_s1\",\"status\":\"failed\",\"error\":{\"code\":\"rate_limit_exceeded\","
            + "\"message\":\"Slow down\"},\"output\":[]}}\n\n");
    server.enqueue(r);
    assertThatThrownBy(() -> stream(new RecordingListener()))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.origin()).isEqualTo(dev.taskforce.model.ErrorOrigin.STREAM);
              assertThat(e.getMessage()).contains("Slow down");
            });
  }

  @Test
  void aJsonAnswerToAStreamingRequestIsReplayed() {
    server.enqueue(
        ScriptedResponse.json(200, Items.response(Items.output(Items.message("m", "x", "Hey")))));
    RecordingListener listener = new RecordingListener();
    assertThat(stream(listener).message().text()).isEqualTo("Hey");
    assertThat(listener.events).containsExactly("text:Hey");
  }
}
