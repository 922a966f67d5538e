package dev.taskforce.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
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
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.model.StreamListener;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * Streams a LangChain4j call into a Taskforce {@link StreamListener} on the calling thread, as the
 * Taskforce contract requires: the LangChain4j handler (called on whatever thread the provider
 * uses) only queues events, and the caller delivers them in order until the call ends.
 */
final class StreamCollector implements StreamingChatResponseHandler {

  private sealed interface Event {}

  private record Text(String text) implements Event {}

  private record Thinking(String text) implements Event {}

  private record Partial(int index, @Nullable String id, String name, String arguments)
      implements Event {}

  private record Complete(int index, ToolExecutionRequest request) implements Event {}

  private record Done(ChatResponse response) implements Event {}

  private record Failed(Throwable error) implements Event {}

  private record Cancelled() implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile @Nullable StreamingHandle handle;

  private StreamCollector() {}

  /**
   * Runs the call and delivers its pieces.
   *
   * @return the complete response
   * @throws CancelledException when the token is cancelled first
   * @throws RuntimeException what the model reported, mapped to Taskforce's exceptions, or what the
   *     listener threw
   */
  static ChatResponse collect(
      StreamingChatModel model,
      dev.langchain4j.model.chat.request.ChatRequest request,
      CancellationToken cancellation,
      StreamListener listener) {
    cancellation.throwIfCancelled();
    StreamCollector collector = new StreamCollector();
    CancellationToken.Registration registration =
        cancellation.onCancel(() -> collector.events.add(new Cancelled()));
    try {
      try {
        model.chat(request, collector);
      } catch (RuntimeException e) {
        collector.onError(e);
      }
      return collector.deliver(listener);
    } catch (RuntimeException e) {
      collector.cancelUpstream();
      throw e;
    } finally {
      registration.remove();
    }
  }

  private ChatResponse deliver(StreamListener listener) {
    Set<Integer> started = new HashSet<>();
    while (true) {
      Event e = next();
      if (e instanceof Text t) {
        listener.onText(t.text());
      } else if (e instanceof Thinking t) {
        listener.onReasoning(t.text());
      } else if (e instanceof Partial p) {
        boolean first = started.add(p.index());
        listener.onToolCall(
            p.index(), first ? p.id() : null, first ? p.name() : null, p.arguments());
      } else if (e instanceof Complete c) {
        if (started.add(c.index())) { // never streamed in pieces: deliver it whole
          ToolExecutionRequest r = c.request();
          listener.onToolCall(
              c.index(), r.id(), r.name(), r.arguments() == null ? "" : r.arguments());
        }
      } else if (e instanceof Done d) {
        return d.response();
      } else if (e instanceof Failed f) {
        throw failure(f.error());
      } else {
        throw new CancelledException("the LangChain4j streaming call was cancelled");
      }
    }
  }

  private Event next() {
    try {
      return events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting for the LangChain4j stream");
    }
  }

  private static RuntimeException failure(Throwable error) {
    if (error instanceof RuntimeException r) {
      return ExceptionMapping.toTaskforce(r);
    }
    if (error instanceof Error err) {
      throw err;
    }
    return ExceptionMapping.toTaskforce(
        new dev.langchain4j.exception.LangChain4jException(error.getMessage(), error));
  }

  private void cancelUpstream() {
    StreamingHandle h = handle;
    if (h != null && !h.isCancelled()) {
      h.cancel();
    }
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    events.add(new Text(partialResponse));
  }

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    handle = context.streamingHandle();
    events.add(new Text(partial.text()));
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking) {
    events.add(new Thinking(partialThinking.text()));
  }

  @Override
  public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
    handle = context.streamingHandle();
    events.add(new Thinking(partial.text()));
  }

  @Override
  public void onPartialToolCall(PartialToolCall call) {
    events.add(new Partial(call.index(), call.id(), call.name(), call.partialArguments()));
  }

  @Override
  public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
    handle = context.streamingHandle();
    onPartialToolCall(call);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall call) {
    events.add(new Complete(call.index(), call.toolExecutionRequest()));
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    events.add(new Done(response));
  }

  @Override
  public void onError(Throwable error) {
    events.add(new Failed(error));
  }
}
