package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.MalformedResponseException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.StreamTruncatedException;
import dev.taskforce.testing.RecordingListener;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingTest {

  private static final String SUMMARY_1 =
      "{\"type\":\"reasoning.summary\",\"summary\":\"**Fetching\",\"format\":\"openai-responses-v1\",\"index\":0}";
  private static final String SUMMARY_2 =
      "{\"type\":\"reasoning.summary\",\"summary\":\" weather**\",\"format\":\"openai-responses-v1\",\"index\":0}";

  private ScriptedServer server;
  private RecordingSleeper sleeper;
  private ChatModel model;
  private RecordingListener listener;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    sleeper = new RecordingSleeper();
    model = TestClient.builder(server, sleeper).build().model("openai/gpt-5");
    listener = new RecordingListener();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChatRequest ask() {
    return ChatRequest.builder()
        .messages(List.of(UserMessage.of("Add and multiply 2 and 3")))
        .build();
  }

  private ChatResponse stream() {
    return model.stream(ask(), listener);
  }

  @Test
  void mergesTheRealParallelToolCallSequence() {
    // Section 5.2 (CAP-G5MTS), with keep-alive comments and the 2025-10 usage chunk.
    server.enqueue(
        ScriptedResponse.sse()
            .comment("OPENROUTER PROCESSING")
            .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"\"}"))
            .data(
                Fixtures.delta(
                    "{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":null,\"reasoning_details\":["
                        + Fixtures.ENCRYPTED_ITEM
                        + "]}"))
            .comment("OPENROUTER PROCESSING")
            .data(
                Fixtures.delta(
                    "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_mUCA\",\"index\":0,"
                        + "\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"\"}}]}"))
            .data(args(0, "{"))
            .data(args(0, "\\\"a"))
            .data(args(0, "\\\":2,\\\"b\\\":3}"))
            .data(
                Fixtures.delta(
                    "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_y7Be\",\"index\":1,"
                        + "\"type\":\"function\",\"function\":{\"name\":\"multiply\",\"arguments\":\"\"}}]}"))
            .data(args(1, "{\\\"a\\\":2,"))
            .data(args(1, "\\\"b\\\":3}"))
            .data(Fixtures.finish("tool_calls", "completed"))
            .data(Fixtures.USAGE_WITH_CHOICE)
            .done());

    ChatResponse r = stream();

    assertThat(r.message().toolCalls())
        .containsExactly(
            new ToolCall("call_mUCA", "add", "{\"a\":2,\"b\":3}"),
            new ToolCall("call_y7Be", "multiply", "{\"a\":2,\"b\":3}"));
    assertThat(r.message().text()).isNull();
    assertThat(r.message().reasoning().details())
        .containsExactly(ReasoningDetail.fromJson(Fixtures.ENCRYPTED_ITEM));
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(r.nativeFinishReason()).isEqualTo("completed");
    assertThat(r.usage().inputTokens()).isEqualTo(56);
    assertThat(r.usage().outputTokens()).isEqualTo(183);
    assertThat(r.usage().reasoningTokens()).isEqualTo(128);
    assertThat(r.usage().costUsd()).isEqualTo("0.0019");
    assertThat(r.id()).isEqualTo("gen-1761054747-aRXhxlwVNm3mtTObq3p8");
    assertThat(r.provider()).isEqualTo("OpenAI");
    assertThat(listener.events)
        .containsExactly(
            "tool:0:call_mUCA:add:",
            "tool:0:null:null:{",
            "tool:0:null:null:\"a",
            "tool:0:null:null:\":2,\"b\":3}",
            "tool:1:call_y7Be:multiply:",
            "tool:1:null:null:{\"a\":2,",
            "tool:1:null:null:\"b\":3}");
  }

  private static String args(int index, String piece) {
    return Fixtures.delta(
        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":"
            + index
            + ",\"type\":\"function\",\"function\":{\"arguments\":\""
            + piece
            + "\"}}]}");
  }

  private ScriptedResponse summaryStream() {
    // Section 4.4 (CAP-G5TS): summary pieces and the encrypted item all at index 0.
    return ScriptedResponse.sse()
        .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"\"}"))
        .data(
            Fixtures.delta(
                "{\"content\":\"\",\"role\":\"assistant\",\"reasoning\":\"**Fetching\",\"reasoning_details\":["
                    + SUMMARY_1
                    + "]}"))
        .data(
            Fixtures.delta(
                "{\"content\":\"\",\"role\":\"assistant\",\"reasoning\":\" weather**\",\"reasoning_details\":["
                    + SUMMARY_2
                    + "]}"))
        .data(
            Fixtures.delta(
                "{\"content\":\"\",\"role\":\"assistant\",\"reasoning\":null,\"reasoning_details\":["
                    + Fixtures.ENCRYPTED_ITEM
                    + "]}"))
        .data(
            Fixtures.delta(
                "{\"role\":\"assistant\",\"content\":\"It is \",\"reasoning_details\":[]}"))
        .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"sunny.\"}"))
        .data(Fixtures.finish("stop", "completed"))
        .data(Fixtures.usageEmptyChoices(40, 90, 8, 64, "0.00042"))
        .done();
  }

  @Test
  void mergesSummaryPiecesByTypeAndIndexWithoutSwallowingTheEncryptedItem() {
    server.enqueue(summaryStream());

    ChatResponse r = stream();

    assertThat(r.message().reasoning().details())
        .containsExactly(
            ReasoningDetail.fromJson(
                "{\"type\":\"reasoning.summary\",\"summary\":\"**Fetching weather**\",\"format\":\"openai-responses-v1\",\"index\":0}"),
            ReasoningDetail.fromJson(Fixtures.ENCRYPTED_ITEM));
    assertThat(r.message().reasoning().text()).isEqualTo("**Fetching weather**");
    assertThat(r.message().text()).isEqualTo("It is sunny.");
    assertThat(r.usage().cachedInputTokens()).isEqualTo(8);
    assertThat(listener.events)
        .containsExactly(
            "reasoning:**Fetching", "reasoning: weather**", "text:It is ", "text:sunny.");
  }

  @Test
  void theMergedStreamEqualsTheWholeAnswer() {
    server.enqueue(summaryStream());
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"id\":\"gen-1761054747-aRXhxlwVNm3mtTObq3p8\",\"provider\":\"OpenAI\",\"model\":\"openai/gpt-5\","
                + "\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"native_finish_reason\":\"completed\",\"message\":{\"role\":\"assistant\",\"content\":\"It is sunny.\","
                + "\"reasoning\":\"**Fetching weather**\",\"reasoning_details\":["
                + "{\"type\":\"reasoning.summary\",\"summary\":\"**Fetching weather**\",\"format\":\"openai-responses-v1\",\"index\":0},"
                + Fixtures.ENCRYPTED_ITEM
                + "]}}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":90,\"cost\":0.00042,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":8},\"completion_tokens_details\":{\"reasoning_tokens\":64}}}"));

    ChatResponse streamed = stream();
    ChatResponse whole = model.chat(ask());

    assertThat(streamed).isEqualTo(whole);
  }

  @Test
  void mergesAnthropicTextPiecesWithTheSignatureThatComesLast() {
    // Section 4.4 (CAP-CLTS), starting with the empty text+signature piece that can occur.
    String fmt = ",\"format\":\"anthropic-claude-v1\",\"index\":0}";
    server.enqueue(
        ScriptedResponse.sse()
            .data(
                reasoningPiece(
                    "{\"type\":\"reasoning.text\",\"text\":\"\",\"signature\":\"\"" + fmt, ""))
            .data(
                reasoningPiece(
                    "{\"type\":\"reasoning.text\",\"text\":\"The user is asking\"" + fmt,
                    "The user is asking"))
            .data(
                reasoningPiece(
                    "{\"type\":\"reasoning.text\",\"text\":\" for weather\"" + fmt, " for weather"))
            .data(
                reasoningPiece(
                    "{\"type\":\"reasoning.text\",\"signature\":\"EqcDCkgICBAC\"" + fmt, ""))
            .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"Oslo: 12C\"}"))
            .data(Fixtures.finish("stop", "end_turn"))
            .data(Fixtures.usageEmptyChoices(10, 20, 0, 12, "0.0003"))
            .done());

    ChatResponse r = stream();

    assertThat(r.message().reasoning().details()).hasSize(1);
    assertThat(Json.parse(r.message().reasoning().details().get(0).json()))
        .isEqualTo(
            Json.parse(
                "{\"type\":\"reasoning.text\",\"text\":\"The user is asking for weather\",\"signature\":\"EqcDCkgICBAC\""
                    + fmt));
    assertThat(r.message().reasoning().text()).isEqualTo("The user is asking for weather");
  }

  @Test
  void dropsATextPieceThatEndsWithNeitherTextNorSignature() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(
                reasoningPiece(
                    "{\"type\":\"reasoning.text\",\"text\":\"\",\"signature\":null}", ""))
            .data(
                reasoningPiece(
                    "{\"type\":\"reasoning.text\",\"text\":\"thinking\",\"index\":0}", "thinking"))
            .data(Fixtures.finish("stop", "end_turn"))
            .data(Fixtures.usageEmptyChoices(1, 1, 0, 1, "0"))
            .done());
    assertThat(stream().message().reasoning().details())
        .containsExactly(
            ReasoningDetail.fromJson(
                "{\"type\":\"reasoning.text\",\"text\":\"thinking\",\"index\":0}"));
  }

  private static String reasoningPiece(String item, String text) {
    return Fixtures.delta(
        "{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":"
            + Json.write(text)
            + ",\"reasoning_details\":["
            + item
            + "]}");
  }

  @Test
  void aMidStreamErrorAfterADeltaIsTypedAndNotRetried() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"Hel\"}"))
            .data(Fixtures.MID_STREAM_ERROR));
    server.enqueue(summaryStream());

    assertThatThrownBy(this::stream)
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.origin()).isEqualTo(ErrorOrigin.STREAM);
              assertThat(e.error().type()).isEqualTo("rate_limit_exceeded");
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.getMessage()).contains("Rate limit exceeded");
            });
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(listener.events).containsExactly("text:Hel");
  }

  @Test
  void aMidStreamErrorBeforeAnyDeltaIsRetried() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"\"}"))
            .data(Fixtures.MID_STREAM_ERROR));
    server.enqueue(summaryStream());

    assertThat(stream().message().text()).isEqualTo("It is sunny.");
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void aStreamThatEndsWithoutDoneOrFinishIsTruncated() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"Hel\"}")));
    assertThatThrownBy(this::stream).isInstanceOf(StreamTruncatedException.class);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aStreamCutOffBeforeAnyDeltaIsRetried() {
    server.enqueue(ScriptedResponse.sse().comment("OPENROUTER PROCESSING").abort());
    server.enqueue(ScriptedResponse.sse().comment("OPENROUTER PROCESSING"));
    server.enqueue(summaryStream());
    assertThat(stream().message().text()).isEqualTo("It is sunny.");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void aStreamWithFinishAndUsageButNoDoneIsComplete() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"ok\"}"))
            .data(Fixtures.finish("stop", "completed"))
            .data(Fixtures.usageEmptyChoices(1, 1, 0, 0, "0.000001")));
    assertThat(stream().message().text()).isEqualTo("ok");
  }

  @Test
  void aBareErrorObjectInTheStreamIsTyped() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(
                "{\"error\":{\"message\":\"Internal Server Error\",\"code\":\"server_error\"},\"user_id\":\"user_x\"}"));
    model =
        TestClient.noRetries(server, dev.taskforce.transport.TransportFactory.DEFAULT)
            .model("openai/gpt-5");
    assertThatThrownBy(this::stream)
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.code()).contains("server_error");
            });
  }

  @Test
  void finishReasonErrorWithoutAnErrorObjectIsAProviderFailure() {
    server.enqueue(ScriptedResponse.sse().data(Fixtures.finish("error", "error")));
    model =
        TestClient.noRetries(server, dev.taskforce.transport.TransportFactory.DEFAULT)
            .model("openai/gpt-5");
    assertThatThrownBy(this::stream)
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> assertThat(e.origin()).isEqualTo(ErrorOrigin.STREAM));
  }

  @Test
  void generatesAToolCallIdWhenTheProviderSendsNone() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(
                Fixtures.delta(
                    "{\"tool_calls\":[{\"index\":0,\"id\":\"\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{}\"}}]}"))
            .data(Fixtures.finish("tool_calls", "tool_use"))
            .data(Fixtures.usageEmptyChoices(1, 1, 0, 0, "0"))
            .done());
    ToolCall call = stream().message().toolCalls().get(0);
    assertThat(call.id()).startsWith("call_tf_");
    assertThat(listener.events).containsExactly("tool:0:" + call.id() + ":add:{}");
  }

  @Test
  void aJsonAnswerToAStreamingRequestIsReadAndReplayed() {
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));
    ChatResponse r = stream();
    assertThat(r.message().toolCalls()).hasSize(2);
    assertThat(listener.events).first().asString().startsWith("reasoning:");
  }

  @Test
  void anEventThatIsNotJsonIsMalformed() {
    server.enqueue(ScriptedResponse.sse().data("{not json").done());
    assertThatThrownBy(this::stream).isInstanceOf(MalformedResponseException.class);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void asksForAnEventStream() {
    server.enqueue(summaryStream());
    stream();
    var got = server.takeRequest();
    assertThat(got.header("Accept")).isEqualTo("text/event-stream");
    assertThat(got.bodyJson().get("stream").booleanValue()).isTrue();
  }
}
