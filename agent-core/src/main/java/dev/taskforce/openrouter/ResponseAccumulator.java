package dev.taskforce.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.StreamListener;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds one {@link ChatResponse} from a whole response or from stream chunks, fed by {@link
 * CompletionParser}. When streaming, every non-empty piece also goes to the listener as it arrives;
 * a whole response is taken as it is (its reasoning items are not merged).
 */
final class ResponseAccumulator {

  private final boolean streaming;
  private final StreamListener listener;

  private @Nullable String id;
  private @Nullable String model;
  private @Nullable String provider;
  private @Nullable String finishReason;
  private @Nullable String nativeFinishReason;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private @Nullable StringBuilder refusal;
  private final TreeMap<Integer, PendingCall> calls = new TreeMap<>();
  private final ReasoningMerger merged = new ReasoningMerger();
  private final List<ReasoningDetail> verbatim = new ArrayList<>();
  private boolean sawChoice;
  private boolean sawUsage;
  private long inputTokens;
  private long outputTokens;
  private long cachedTokens;
  private long reasoningTokens;
  private @Nullable BigDecimal cost;
  private @Nullable JsonNode error;
  private @Nullable JsonNode choiceError;

  ResponseAccumulator(boolean streaming, StreamListener listener) {
    this.streaming = streaming;
    this.listener = listener;
  }

  private static final class PendingCall {
    final String id;
    @Nullable String name;
    final StringBuilder arguments = new StringBuilder();

    PendingCall(String id, @Nullable String name) {
      this.id = id;
      this.name = name;
    }
  }

  void id(@Nullable String v) {
    if (v != null && id == null) {
      id = v;
    }
  }

  void model(@Nullable String v) {
    if (v != null) {
      model = v;
    }
  }

  void provider(@Nullable String v) {
    if (v != null) {
      provider = v;
    }
  }

  void choiceSeen() {
    sawChoice = true;
  }

  void content(String delta) {
    if (delta.isEmpty()) {
      return;
    }
    text.append(delta);
    if (streaming) {
      listener.onText(delta);
    }
  }

  void reasoning(String delta) {
    if (delta.isEmpty()) {
      return;
    }
    reasoning.append(delta);
    if (streaming) {
      listener.onReasoning(delta);
    }
  }

  void refusal(String delta) {
    if (delta.isEmpty()) {
      return;
    }
    if (refusal == null) {
      refusal = new StringBuilder();
    }
    refusal.append(delta);
  }

  /** Whether reasoning items are kept as they came, not merged (a whole response, not a stream). */
  boolean keepsItemsAsSent() {
    return !streaming;
  }

  /** One reasoning item of a whole response, cut from its body. */
  void reasoningDetail(ReasoningDetail item) {
    verbatim.add(item);
  }

  void reasoningDetail(ObjectNode item) {
    if (streaming) {
      merged.add(item);
    } else if (item.path("type").isTextual()) {
      verbatim.add(ReasoningDetail.fromTree(item));
    }
  }

  void toolCall(int index, @Nullable String callId, @Nullable String name, @Nullable String args) {
    PendingCall c = calls.get(index);
    String piece = args == null ? "" : args;
    if (c == null) {
      String id = callId == null || callId.isEmpty() ? generatedId() : callId;
      c = new PendingCall(id, name);
      calls.put(index, c);
      c.arguments.append(piece);
      if (streaming) {
        listener.onToolCall(index, id, name, piece);
      }
      return;
    }
    if ((c.name == null || c.name.isEmpty()) && name != null) {
      c.name = name;
    }
    c.arguments.append(piece);
    if (streaming && !piece.isEmpty()) {
      listener.onToolCall(index, null, null, piece);
    }
  }

  private static String generatedId() {
    return "call_tf_" + UUID.randomUUID().toString().replace("-", "");
  }

  void finish(@Nullable String reason, @Nullable String nativeReason) {
    if (reason != null) {
      finishReason = reason;
    }
    if (nativeReason != null) {
      nativeFinishReason = nativeReason;
    }
  }

  void usage(long input, long output, long cached, long reasoningCount, @Nullable BigDecimal c) {
    sawUsage = true;
    inputTokens = input;
    outputTokens = output;
    cachedTokens = cached;
    reasoningTokens = reasoningCount;
    cost = c;
  }

  void error(JsonNode e) {
    error = e;
  }

  void choiceError(JsonNode e) {
    choiceError = e;
  }

  @Nullable JsonNode error() {
    return error;
  }

  /** The choice's own error, or a bare {@code finish_reason: "error"} (an empty object). */
  @Nullable JsonNode failedChoice() {
    if (choiceError != null) {
      return choiceError;
    }
    return "error".equals(finishReason)
        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        : null;
  }

  boolean sawChoice() {
    return sawChoice;
  }

  /** Whether everything a stream sends has arrived: a finish reason and the usage. */
  boolean isComplete() {
    return finishReason != null && sawUsage;
  }

  /**
   * Builds the response.
   *
   * @param requestedModel the model id the request named
   * @param generationIdHeader the {@code X-Generation-Id} header, or {@code null}
   * @param info the catalog lookup, for the cost when the provider sent none
   */
  ChatResponse build(
      String requestedModel,
      @Nullable String generationIdHeader,
      Function<String, @Nullable ModelInfo> info) {
    List<ToolCall> toolCalls = new ArrayList<>(calls.size());
    for (PendingCall c : calls.values()) {
      toolCalls.add(new ToolCall(c.id, c.name == null ? "" : c.name, c.arguments.toString()));
    }
    List<ReasoningDetail> details = streaming ? merged.result() : verbatim;
    String reasoningText = reasoning.length() == 0 ? null : reasoning.toString();
    Reasoning r =
        reasoningText == null && details.isEmpty()
            ? Reasoning.NONE
            : new Reasoning(reasoningText, details);
    AssistantMessage message =
        new AssistantMessage(
            text.length() == 0 ? null : text.toString(),
            toolCalls,
            refusal == null || refusal.length() == 0 ? null : refusal.toString(),
            r);
    BigDecimal usd = cost;
    if (usd == null) {
      ModelInfo m = model == null ? null : info.apply(model);
      if (m == null) {
        m = info.apply(requestedModel);
      }
      usd = m == null ? BigDecimal.ZERO : m.pricing().cost(inputTokens, cachedTokens, outputTokens);
    }
    Usage usage = new Usage(inputTokens, outputTokens, cachedTokens, reasoningTokens, usd);
    return new ChatResponse(
        message,
        finishReason(finishReason),
        nativeFinishReason,
        usage,
        model,
        provider,
        id != null ? id : generationIdHeader);
  }

  static FinishReason finishReason(@Nullable String reason) {
    if (reason == null) {
      return FinishReason.UNKNOWN;
    }
    switch (reason) {
      case "stop":
        return FinishReason.STOP;
      case "tool_calls":
      case "function_call":
        return FinishReason.TOOL_CALLS;
      case "length":
        return FinishReason.LENGTH;
      case "content_filter":
        return FinishReason.CONTENT_FILTER;
      case "error":
        return FinishReason.ERROR;
      default:
        return FinishReason.UNKNOWN;
    }
  }
}
