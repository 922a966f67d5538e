package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.StreamListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LangChain4jModelStreamingTest {

  /** A streaming model that plays a script on its own thread, as HTTP clients do. */
  static final class ThreadedStreamingModel implements StreamingChatModel {
    private final Consumer<StreamingChatResponseHandler> script;

    ThreadedStreamingModel(Consumer<StreamingChatResponseHandler> script) {
      this.script = script;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      Thread t = new Thread(() -> script.accept(handler), "provider-io");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Records each piece with the thread it arrived on. */
  static final class Recorder implements StreamListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onText(String delta) {
      record("text:" + delta);
    }

    @Override
    public void onReasoning(String delta) {
      record("reasoning:" + delta);
    }

    @Override
    public void onToolCall(int index, @Nullable String id, @Nullable String name, String args) {
      record("tool:" + index + ":" + id + ":" + name + ":" + args);
    }

    private void record(String event) {
      events.add(event);
      threads.add(Thread.currentThread());
    }
  }

  private static final StreamingHandle NO_HANDLE =
      new StreamingHandle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  private static dev.taskforce.model.ChatRequest ask() {
    return dev.taskforce.model.ChatRequest.builder()
        .messages(List.of(UserMessage.of("go")))
        .build();
  }

  @Test
  void deliversEveryPieceOnTheCallingThreadInArrivalOrder() {
    ToolExecutionRequest c1 =
        ToolExecutionRequest.builder().id("c1").name("lookup").arguments("{\"q\":1}").build();
    ToolExecutionRequest c2 =
        ToolExecutionRequest.builder().id("c2").name("other").arguments("{}").build();
    StreamingChatModel streaming =
        new ThreadedStreamingModel(
            h -> {
              h.onPartialThinking(new PartialThinking("think"));
              h.onPartialResponse(
                  new PartialResponse("Hel"), new PartialResponseContext(NO_HANDLE));
              h.onPartialResponse("lo");
              h.onPartialToolCall(
                  PartialToolCall.builder()
                      .index(0)
                      .id("c1")
                      .name("lookup")
                      .partialArguments("{\"q\"")
                      .build());
              h.onPartialToolCall(
                  PartialToolCall.builder()
                      .index(0)
                      .id("c1")
                      .name("lookup")
                      .partialArguments(":1}")
                      .build());
              h.onCompleteToolCall(new CompleteToolCall(0, c1));
              h.onCompleteToolCall(new CompleteToolCall(1, c2)); // never streamed in pieces
              h.onCompleteResponse(
                  ChatResponse.builder()
                      .aiMessage(
                          AiMessage.builder()
                              .text("Hello")
                              .thinking("think")
                              .toolExecutionRequests(List.of(c1, c2))
                              .build())
                      .finishReason(FinishReason.TOOL_EXECUTION)
                      .build());
            });
    LangChain4jModel model = LangChain4jModel.builder().streamingChatModel(streaming).build();
    Recorder recorder = new Recorder();

    dev.taskforce.model.ChatResponse r = model.stream(ask(), recorder);

    assertThat(recorder.events)
        .containsExactly(
            "reasoning:think",
            "text:Hel",
            "text:lo",
            "tool:0:c1:lookup:{\"q\"",
            "tool:0:null:null::1}",
            "tool:1:c2:other:{}");
    assertThat(recorder.threads).containsOnly(Thread.currentThread());
    assertThat(r.message().text()).isEqualTo("Hello");
    assertThat(r.message().toolCalls()).hasSize(2);
    assertThat(r.finishReason()).isEqualTo(dev.taskforce.model.FinishReason.TOOL_CALLS);
  }

  @Test
  void chatUsesTheStreamingModelWhenThereIsNoOther() {
    StreamingChatModel streaming =
        new ThreadedStreamingModel(
            h ->
                h.onCompleteResponse(
                    ChatResponse.builder().aiMessage(AiMessage.from("hi")).build()));

    assertThat(
            LangChain4jModel.builder()
                .streamingChatModel(streaming)
                .build()
                .chat(ask())
                .message()
                .text())
        .isEqualTo("hi");
  }

  @Test
  void aStreamErrorIsATaskforceFailure() {
    StreamingChatModel streaming =
        new ThreadedStreamingModel(h -> h.onError(new RateLimitException("slow down")));
    LangChain4jModel model = LangChain4jModel.builder().streamingChatModel(streaming).build();

    assertThatThrownBy(() -> model.stream(ask(), StreamListener.NONE))
        .isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("slow down");
  }

  @Test
  void cancellingStopsWaitingAndCancelsTheProvidersStream() {
    AtomicBoolean upstreamCancelled = new AtomicBoolean();
    StreamingHandle handle =
        new StreamingHandle() {
          @Override
          public void cancel() {
            upstreamCancelled.set(true);
          }

          @Override
          public boolean isCancelled() {
            return upstreamCancelled.get();
          }
        };
    // One piece, then the provider goes quiet for good.
    StreamingChatModel streaming =
        new ThreadedStreamingModel(
            h ->
                h.onPartialResponse(
                    new PartialResponse("first"), new PartialResponseContext(handle)));
    CancellationToken token = new CancellationToken();
    StreamListener cancelOnFirstText =
        new StreamListener() {
          @Override
          public void onText(String delta) {
            token.cancel();
          }
        };
    LangChain4jModel model = LangChain4jModel.builder().streamingChatModel(streaming).build();

    assertThatThrownBy(
            () -> model.stream(ask().toBuilder().cancellation(token).build(), cancelOnFirstText))
        .isInstanceOf(CancelledException.class);
    assertThat(upstreamCancelled).isTrue();
  }

  @Test
  void withoutAStreamingModelTheWholeAnswerIsReplayed() {
    FakeLangChain4jModel lc4j =
        new FakeLangChain4jModel()
            .then(
                ChatResponse.builder()
                    .aiMessage(AiMessage.builder().text("all at once").thinking("hmm").build())
                    .build());
    Recorder recorder = new Recorder();

    LangChain4j.model(lc4j).stream(ask(), recorder);

    assertThat(recorder.events).containsExactly("reasoning:hmm", "text:all at once");
  }
}
