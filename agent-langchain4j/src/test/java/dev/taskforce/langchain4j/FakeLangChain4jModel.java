package dev.taskforce.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A LangChain4j chat model for tests: answers from a script and records every request. */
class FakeLangChain4jModel implements ChatModel {

  private final Deque<Function<ChatRequest, ChatResponse>> script = new ArrayDeque<>();
  private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Function<ChatRequest, ChatResponse> fallback;

  synchronized FakeLangChain4jModel then(ChatResponse response) {
    script.add(r -> response);
    return this;
  }

  synchronized FakeLangChain4jModel then(Function<ChatRequest, ChatResponse> answer) {
    script.add(answer);
    return this;
  }

  FakeLangChain4jModel always(Function<ChatRequest, ChatResponse> answer) {
    this.fallback = answer;
    return this;
  }

  List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    Function<ChatRequest, ChatResponse> next;
    synchronized (this) {
      next = script.isEmpty() ? fallback : script.poll();
    }
    if (next == null) {
      throw new AssertionError("the script has no answer for request " + requests.size());
    }
    return next.apply(request);
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return DefaultChatRequestParameters.builder().modelName("fake-model").build();
  }
}
