package dev.taskforce.test;

import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A scripted turn made concrete for one request: ids, timestamps, reasoning items, finish reasons
 * and usage all decided, ready to be written as a body or as a stream.
 */
record Completion(
    String id,
    long created,
    String model,
    String provider,
    @Nullable String text,
    List<ToolCall> toolCalls,
    @Nullable String refusal,
    @Nullable String reasoningText,
    List<ReasoningDetail> reasoningDetails,
    @Nullable String finishReason,
    @Nullable String nativeFinishReason,
    Usage usage,
    BigDecimal promptCost,
    BigDecimal completionCost) {

  private static final String OPENAI_FORMAT = "openai-responses-v1";

  /**
   * Resolves a turn.
   *
   * @param promptChars the size of the request's messages, for estimating prompt tokens
   * @param streaming whether the answer is streamed (OpenAI's items then share index 0)
   * @param pricing the requested model's list price, for estimated usage
   */
  static Completion resolve(
      ScriptedTurn turn,
      String requestedModel,
      int promptChars,
      boolean streaming,
      Ids ids,
      Pricing pricing) {
    long created = ids.nowSeconds();
    List<ReasoningDetail> details = new ArrayList<>(turn.reasoningDetails());
    if (turn.openAiReasoning()) {
      String summary = turn.reasoningText() == null ? "" : turn.reasoningText();
      details.add(
          ReasoningDetail.fromTree(
              Wire.F.objectNode()
                  .put("type", "reasoning.summary")
                  .put("summary", summary)
                  .put("format", OPENAI_FORMAT)
                  .put("index", 0)));
      details.add(
          ReasoningDetail.fromTree(
              Wire.F.objectNode()
                  .put("type", "reasoning.encrypted")
                  .put("data", ids.encryptedData())
                  .put("id", ids.reasoningItemId())
                  .put("format", OPENAI_FORMAT)
                  .put("index", streaming ? 0 : 1)));
    }
    FinishReason finish = turn.finishReason();
    if (finish == null) {
      finish = turn.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
    }
    String nativeFinish =
        turn.nativeFinishReason() != null ? turn.nativeFinishReason() : nativeFor(finish);
    Usage usage =
        turn.usage() != null ? turn.usage() : estimate(turn, details, promptChars, pricing);
    BigDecimal promptCost =
        pricing.cost(usage.inputTokens(), usage.cachedInputTokens(), 0).stripTrailingZeros();
    BigDecimal completionCost =
        pricing
            .cost(usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens())
            .subtract(promptCost)
            .stripTrailingZeros();
    return new Completion(
        ids.generationId(created),
        created,
        turn.model() != null ? turn.model() : requestedModel,
        turn.provider(),
        turn.text(),
        turn.toolCalls(),
        turn.refusal(),
        turn.reasoningText(),
        List.copyOf(details),
        finish == FinishReason.UNKNOWN ? null : finish.name().toLowerCase(Locale.ROOT),
        nativeFinish,
        usage,
        promptCost,
        completionCost);
  }

  private static @Nullable String nativeFor(FinishReason finish) {
    switch (finish) {
      case STOP:
      case TOOL_CALLS:
        return "completed";
      case LENGTH:
        return "max_output_tokens";
      case CONTENT_FILTER:
        return "content_filter";
      default:
        return null;
    }
  }

  /** About four characters a token, the usual rule of thumb; priced at the list price. */
  private static Usage estimate(
      ScriptedTurn turn, List<ReasoningDetail> details, int promptChars, Pricing pricing) {
    long answerChars = length(turn.text()) + length(turn.refusal());
    for (ToolCall c : turn.toolCalls()) {
      answerChars += c.name().length() + c.argumentsJson().length();
    }
    long reasoning = 0;
    if (turn.reasoningText() != null || !details.isEmpty()) {
      reasoning = tokens(length(turn.reasoningText())) + 64;
    }
    long input = Math.max(1, tokens(promptChars));
    long output = tokens(answerChars) + reasoning;
    return new Usage(input, output, 0, reasoning, pricing.cost(input, 0, output));
  }

  private static long tokens(long chars) {
    return (chars + 3) / 4;
  }

  private static int length(@Nullable String s) {
    return s == null ? 0 : s.length();
  }
}
