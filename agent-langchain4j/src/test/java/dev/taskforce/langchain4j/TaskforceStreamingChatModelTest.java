package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.StreamListener;
import dev.taskforce.testing.ScriptedModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskforceStreamingChatModelTest {

  /** A Taskforce model that streams a fixed sequence of pieces, as the OpenRouter client does. */
  static final class PieceModel implements ChatModel {
    @Override
    public String id() {
      return "pieces";
    }

    @Override
    public dev.taskforce.model.ChatResponse chat(dev.taskforce.model.ChatRequest request) {
      throw new AssertionError("only streamed");
    }

    @Override
    public dev.taskforce.model.ChatResponse stream(
        dev.taskforce.model.ChatRequest request, StreamListener listener) {
      listener.onReasoning("Let me ");
      listener.onReasoning("think.");
      listener.onText("Look");
      listener.onText("");
      listener.onText("ing");
      listener.onToolCall(0, "call_1", "lookup", "");
      listener.onToolCall(0, null, null, "{\"n\":");
      listener.onToolCall(0, null, null, "1}");
      listener.onToolCall(1, "call_2", "other", "{}");
      return ScriptedModel.response(
          new AssistantMessage(
              "Looking",
              List.of(
                  new ToolCall("call_1", "lookup", "{\"n\":1}"),
                  new ToolCall("call_2", "other", "{}")),
              null,
              new Reasoning("Let me think.", List.of())),
          dev.taskforce.model.FinishReason.TOOL_CALLS);
    }
  }

  /** Records each callback as a line. */
  static class Recorder implements StreamingChatResponseHandler {
    final List<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      events.add("text:" + partial.text());
    }

    @Override
    public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
      events.add("thinking:" + partial.text());
    }

    @Override
    public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
      events.add(
          "partial:"
              + call.index()
              + ":"
              + call.id()
              + ":"
              + call.name()
              + ":"
              + call.partialArguments());
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall call) {
      events.add("tool:" + call.index() + ":" + call.toolExecutionRequest().arguments());
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      events.add("complete");
      done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
      events.add("error:" + error.getClass().getSimpleName());
      done.completeExceptionally(error);
    }
  }

  private static ChatRequest hi() {
    return ChatRequest.builder()
        .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
        .build();
  }

  @Test
  void handsEveryPieceToTheHandlerInOrderThenTheCompleteToolCallsAndResponse() throws Exception {
    Recorder recorder = new Recorder();

    LangChain4j.streamingChatModel(new PieceModel()).chat(hi(), recorder);

    ChatResponse r = recorder.done.get(10, TimeUnit.SECONDS);
    assertThat(recorder.events)
        .containsExactly(
            "thinking:Let me ",
            "thinking:think.",
            "text:Look",
            "text:ing",
            "partial:0:call_1:lookup:{\"n\":",
            "partial:0:call_1:lookup:1}",
            "partial:1:call_2:other:{}",
            "tool:0:{\"n\":1}",
            "tool:1:{}",
            "complete");
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(r.aiMessage().thinking()).isEqualTo("Let me think.");
  }

  @Test
  void chatReturnsBeforeTheAnswerOnTheDefaultExecutor() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ScriptedModel model =
        new ScriptedModel()
            .then(
                r -> {
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return ScriptedModel.text("later");
                });
    Recorder recorder = new Recorder();

    LangChain4j.streamingChatModel(model).chat(hi(), recorder);

    assertThat(recorder.done).isNotDone(); // chat returned while the model is still working
    release.countDown();
    assertThat(recorder.done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("later");
  }

  @Test
  void aFailureIsOneOnErrorWithTheLangChain4jException() throws Exception {
    ScriptedModel model =
        new ScriptedModel()
            .then(
                r -> {
                  throw ModelException.of(
                      new ModelError(
                          503,
                          null,
                          null,
                          "overloaded",
                          null,
                          null,
                          null,
                          ErrorOrigin.STREAM,
                          null),
                      null);
                });
    Recorder recorder = new Recorder();

    TaskforceStreamingChatModel.builder(model).executor(Runnable::run).build().chat(hi(), recorder);

    assertThat(recorder.events).containsExactly("error:InternalServerException");
  }

  @Test
  void cancellingThroughTheHandleStopsTheCallAndNothingFollows() {
    // A model that stops when its request is cancelled, as Taskforce's clients do.
    ChatModel cancellable =
        new ChatModel() {
          @Override
          public String id() {
            return "cancellable";
          }

          @Override
          public dev.taskforce.model.ChatResponse chat(dev.taskforce.model.ChatRequest request) {
            throw new AssertionError("only streamed");
          }

          @Override
          public dev.taskforce.model.ChatResponse stream(
              dev.taskforce.model.ChatRequest request, StreamListener listener) {
            listener.onText("one");
            request.cancellation().throwIfCancelled();
            listener.onText("two");
            return ScriptedModel.text("onetwo");
          }
        };
    List<String> events = new CopyOnWriteArrayList<>();
    StreamingChatResponseHandler cancelAtOnce =
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            events.add(partial.text());
            context.streamingHandle().cancel();
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            events.add("complete");
          }

          @Override
          public void onError(Throwable error) {
            events.add("error");
          }
        };

    TaskforceStreamingChatModel.builder(cancellable)
        .executor(Runnable::run)
        .build()
        .chat(hi(), cancelAtOnce);

    assertThat(events).containsExactly("one");
  }
}
