package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelException;
import dev.taskforce.testing.ScriptedModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenersAndErrorsTest {

  /** Records what it is told, and passes an attribute from onRequest to the later callbacks. */
  static final class RecordingListener implements ChatModelListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile ChatModelRequestContext request;
    volatile ChatModelResponseContext response;
    volatile ChatModelErrorContext error;

    @Override
    public void onRequest(ChatModelRequestContext context) {
      request = context;
      context.attributes().put("started", "yes");
      calls.add("request");
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
      response = context;
      calls.add("response:" + context.attributes().get("started"));
    }

    @Override
    public void onError(ChatModelErrorContext context) {
      error = context;
      calls.add("error:" + context.attributes().get("started"));
    }
  }

  private static ModelException failure(int status) {
    return ModelException.of(
        new ModelError(
            status,
            null,
            null,
            "failed " + status,
            null,
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            null),
        null);
  }

  @Test
  void listenersSeeTheRequestWithDefaultsAppliedAndTheResponse() {
    ScriptedModel model = new ScriptedModel().then(ScriptedModel.text("hello"));
    RecordingListener listener = new RecordingListener();
    TaskforceChatModel adapter =
        TaskforceChatModel.builder(model).listeners(List.of(listener)).build();

    ChatResponse r = adapter.chat(dev.langchain4j.data.message.UserMessage.from("hi"));

    assertThat(listener.calls).containsExactly("request", "response:yes");
    assertThat(listener.request.chatRequest().modelName()).isEqualTo("scripted");
    assertThat(listener.request.modelProvider()).isEqualTo(ModelProvider.OTHER);
    assertThat(listener.response.chatResponse()).isSameAs(r);
    assertThat(listener.response.chatRequest().messages()).hasSize(1);
  }

  @Test
  void listenersSeeTheLangChain4jErrorOfAFailedCall() {
    ScriptedModel model =
        new ScriptedModel()
            .then(
                r -> {
                  throw failure(429);
                });
    RecordingListener listener = new RecordingListener();
    TaskforceChatModel adapter =
        TaskforceChatModel.builder(model).listeners(List.of(listener)).build();

    assertThatThrownBy(() -> adapter.chat("hi"))
        .isInstanceOf(RateLimitException.class)
        .hasCauseInstanceOf(dev.taskforce.model.RateLimitedException.class)
        .hasMessageContaining("failed 429");
    assertThat(listener.calls).containsExactly("request", "error:yes");
    assertThat(listener.error.error()).isInstanceOf(RateLimitException.class);
  }

  @Test
  void streamingListenersAreCalledAroundTheStream() {
    ScriptedModel model = new ScriptedModel().then(ScriptedModel.text("streamed"));
    RecordingListener listener = new RecordingListener();
    TaskforceStreamingChatModel adapter =
        TaskforceStreamingChatModel.builder(model)
            .listeners(List.of(listener))
            .executor(Runnable::run)
            .build();
    List<String> handled = new CopyOnWriteArrayList<>();

    adapter.chat(
        ChatRequest.builder().messages(dev.langchain4j.data.message.UserMessage.from("hi")).build(),
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partialResponse) {
            handled.add("partial:" + partialResponse);
          }

          @Override
          public void onCompleteResponse(ChatResponse completeResponse) {
            handled.add("complete:" + completeResponse.aiMessage().text());
          }

          @Override
          public void onError(Throwable error) {
            handled.add("error");
          }
        });

    assertThat(handled).containsExactly("partial:streamed", "complete:streamed");
    assertThat(listener.calls).containsExactly("request", "response:yes");
  }

  @Test
  void aStreamingRequestTaskforceCannotSendReachesOnErrorAndTheListeners() {
    ScriptedModel model = new ScriptedModel();
    RecordingListener listener = new RecordingListener();
    TaskforceStreamingChatModel adapter =
        TaskforceStreamingChatModel.builder(model)
            .listeners(List.of(listener))
            .executor(Runnable::run)
            .build();
    List<Throwable> errors = new CopyOnWriteArrayList<>();

    adapter.chat(
        ChatRequest.builder()
            .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
            .modelName("other")
            .build(),
        new StreamingChatResponseHandler() {
          @Override
          public void onCompleteResponse(ChatResponse completeResponse) {}

          @Override
          public void onError(Throwable error) {
            errors.add(error);
          }
        });

    assertThat(errors).singleElement().isInstanceOf(IllegalArgumentException.class);
    assertThat(listener.calls).containsExactly("request", "error:yes");
    assertThat(model.requests()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "400, dev.langchain4j.exception.InvalidRequestException",
    "401, dev.langchain4j.exception.AuthenticationException",
    "402, dev.langchain4j.exception.NonRetriableException",
    "403, dev.langchain4j.exception.InvalidRequestException",
    "404, dev.langchain4j.exception.ModelNotFoundException",
    "408, dev.langchain4j.exception.TimeoutException",
    "409, dev.langchain4j.exception.RetriableException",
    "429, dev.langchain4j.exception.RateLimitException",
    "502, dev.langchain4j.exception.InternalServerException"
  })
  void taskforceFailuresBecomeTheLangChain4jExceptionsForTheirStatus(int status, Class<?> type) {
    ModelException cause = failure(status);

    RuntimeException mapped = ExceptionMapping.toLangChain4j(cause);

    assertThat(mapped).isExactlyInstanceOf(type).hasCause(cause);
  }

  @Test
  void aModerationRefusalIsAContentFilteredException() {
    ModelException moderation =
        ModelException.of(
            new ModelError(
                403,
                null,
                null,
                "flagged",
                "{\"reasons\":[\"violence\"],\"flagged_input\":\"...\"}",
                null,
                null,
                ErrorOrigin.HTTP_STATUS,
                null),
            null);

    assertThat(ExceptionMapping.toLangChain4j(moderation))
        .isInstanceOf(ContentFilteredException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "dev.langchain4j.exception.RateLimitException, 429, true",
    "dev.langchain4j.exception.AuthenticationException, 401, false",
    "dev.langchain4j.exception.ModelNotFoundException, 404, false",
    "dev.langchain4j.exception.TimeoutException, 408, true",
    "dev.langchain4j.exception.InternalServerException, 500, true",
    "dev.langchain4j.exception.InvalidRequestException, 400, false",
    "dev.langchain4j.exception.RetriableException, 0, true",
    "dev.langchain4j.exception.NonRetriableException, 0, false"
  })
  void langChain4jFailuresBecomeTaskforceModelExceptions(
      Class<? extends RuntimeException> type, int status, boolean retryable) throws Exception {
    RuntimeException original = type.getConstructor(String.class).newInstance("it broke");

    RuntimeException mapped = ExceptionMapping.toTaskforce(original);

    assertThat(mapped).isInstanceOf(ModelException.class).hasCause(original);
    ModelException m = (ModelException) mapped;
    assertThat(m.status()).isEqualTo(status);
    assertThat(m.isRetryable()).isEqualTo(retryable);
    assertThat(m.error().message()).isEqualTo("it broke");
  }

  @Test
  void anHttpExceptionKeepsItsStatusAndOtherExceptionsPassThrough() {
    ModelException m =
        (ModelException)
            ExceptionMapping.toTaskforce(
                new dev.langchain4j.exception.HttpException(503, "overloaded"));
    IllegalStateException programmingError = new IllegalStateException("bug");

    assertThat(m).isInstanceOf(dev.taskforce.model.ProviderUnavailableException.class);
    assertThat(m.status()).isEqualTo(503);
    assertThat(ExceptionMapping.toTaskforce(programmingError)).isSameAs(programmingError);
    // A Taskforce failure that went through a TaskforceChatModel comes back as itself.
    ModelException inner = failure(429);
    assertThat(ExceptionMapping.toTaskforce(new RateLimitException("x", inner))).isSameAs(inner);
  }
}
