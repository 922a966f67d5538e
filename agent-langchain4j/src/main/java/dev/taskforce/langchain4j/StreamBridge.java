package dev.taskforce.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.StreamListener;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one streamed Taskforce call and hands its pieces to a LangChain4j handler, as LangChain4j
 * streaming models do: partial text, thinking and tool calls as they arrive, then each complete
 * tool call and the complete response, or one error. Cancelling through the {@link StreamingHandle}
 * cancels the Taskforce call; no callback follows a cancel.
 */
final class StreamBridge implements StreamListener, StreamingHandle {

  private static final Logger log = LoggerFactory.getLogger(StreamBridge.class);

  private final StreamingChatResponseHandler handler;
  private final CancellationToken cancellation = new CancellationToken();
  private final Map<Integer, String[]> callHeads = new HashMap<>();
  private volatile boolean cancelled;

  private StreamBridge(StreamingChatResponseHandler handler) {
    this.handler = handler;
  }

  /** Maps the request and starts the call on the settings' executor. Never throws. */
  static void start(
      dev.langchain4j.model.chat.request.ChatRequest request,
      AdapterSettings settings,
      StreamingChatResponseHandler handler) {
    StreamBridge bridge = new StreamBridge(handler);
    ChatRequest tf;
    try {
      tf = RequestMapping.toTaskforce(request, settings, bridge.cancellation);
      settings.executor().execute(() -> bridge.run(settings, tf));
    } catch (RuntimeException e) { // a request Taskforce cannot send, or a full executor
      bridge.fail(e);
    }
  }

  private void run(AdapterSettings settings, ChatRequest request) {
    ChatResponse response;
    try {
      response = settings.model().stream(request, this);
    } catch (RuntimeException e) {
      if (!cancelled) {
        fail(ExceptionMapping.toLangChain4j(e));
      }
      return;
    }
    if (cancelled) {
      return;
    }
    try {
      int index = 0;
      for (ToolCall c : response.message().toolCalls()) {
        handler.onCompleteToolCall(
            new CompleteToolCall(
                index++,
                ToolExecutionRequest.builder()
                    .id(c.id())
                    .name(c.name())
                    .arguments(c.argumentsJson())
                    .build()));
      }
      handler.onCompleteResponse(ResponseMapping.toLangChain4j(response, settings.model().id()));
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void fail(Throwable error) {
    try {
      handler.onError(error);
    } catch (RuntimeException e) {
      log.warn("streaming handler's onError failed", e);
    }
  }

  @Override
  public void onText(String delta) {
    if (!delta.isEmpty() && !cancelled) {
      handler.onPartialResponse(new PartialResponse(delta), new PartialResponseContext(this));
    }
  }

  @Override
  public void onReasoning(String delta) {
    if (!delta.isEmpty() && !cancelled) {
      handler.onPartialThinking(new PartialThinking(delta), new PartialThinkingContext(this));
    }
  }

  @Override
  public void onToolCall(
      int index, @Nullable String id, @Nullable String name, String argumentsDelta) {
    // Taskforce sends id and name on a call's first piece only; LangChain4j wants them on each.
    String[] head = callHeads.computeIfAbsent(index, i -> new String[2]);
    if (id != null) {
      head[0] = id;
    }
    if (name != null) {
      head[1] = name;
    }
    if (argumentsDelta.isEmpty() || head[1] == null || head[1].isBlank() || cancelled) {
      return;
    }
    handler.onPartialToolCall(
        PartialToolCall.builder()
            .index(index)
            .id(head[0])
            .name(head[1])
            .partialArguments(argumentsDelta)
            .build(),
        new PartialToolCallContext(this));
  }

  @Override
  public void cancel() {
    cancelled = true;
    cancellation.cancel();
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
