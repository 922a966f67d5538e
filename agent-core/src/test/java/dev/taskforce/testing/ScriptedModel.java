package dev.taskforce.testing;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** A test model that answers from a script and records every request. */
public final class ScriptedModel implements ChatModel {

  private final String id;
  private final ModelInfo info;
  private final Deque<Function<ChatRequest, ChatResponse>> script = new ArrayDeque<>();
  private final List<ChatRequest> requests = new ArrayList<>();
  private Function<ChatRequest, ChatResponse> fallback;

  public ScriptedModel() {
    this(ModelInfo.unknown("scripted"));
  }

  public ScriptedModel(ModelInfo info) {
    this.id = info.id();
    this.info = info;
  }

  public ScriptedModel then(ChatResponse response) {
    return then(r -> response);
  }

  public synchronized ScriptedModel then(Function<ChatRequest, ChatResponse> answer) {
    script.add(answer);
    return this;
  }

  /** Answers every request not covered by the script. */
  public synchronized ScriptedModel always(Function<ChatRequest, ChatResponse> answer) {
    this.fallback = answer;
    return this;
  }

  public synchronized List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    Function<ChatRequest, ChatResponse> next;
    synchronized (this) {
      requests.add(request);
      next = script.isEmpty() ? fallback : script.poll();
    }
    if (next == null) {
      throw new AssertionError("the script has no answer for request " + requests.size());
    }
    return next.apply(request);
  }

  public static ChatResponse text(String text) {
    return response(AssistantMessage.of(text), FinishReason.STOP);
  }

  public static ChatResponse calls(ToolCall... calls) {
    return response(
        new AssistantMessage(null, List.of(calls), null, Reasoning.NONE), FinishReason.TOOL_CALLS);
  }

  public static ChatResponse response(AssistantMessage message, FinishReason reason) {
    return new ChatResponse(message, reason, null, usage("0.001"), "scripted", null, "gen-1");
  }

  public static Usage usage(String cost) {
    return new Usage(100, 20, 0, 5, new BigDecimal(cost));
  }
}
