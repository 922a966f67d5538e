package dev.taskforce.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.output.TokenUsage;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j token usage that also carries what Taskforce knows about a call: cached and reasoning
 * tokens and the cost in US dollars.
 *
 * <p>Every {@link dev.langchain4j.model.chat.response.ChatResponse} from {@link TaskforceChatModel}
 * and {@link TaskforceStreamingChatModel} has one as its {@code tokenUsage()}. Sums keep the
 * subclass, so an AI service's {@code Result.tokenUsage()} over a whole tool loop is still one:
 *
 * <pre>{@code
 * Result<String> r = assistant.chat("Where is order A-1042?");
 * if (r.tokenUsage() instanceof TaskforceTokenUsage t) {
 *   BigDecimal dollars = t.costUsd();       // every model call of the loop
 * }
 * }</pre>
 *
 * <p>Adding plain {@link TokenUsage} from another model adds its token counts, at no known cost.
 * Immutable and thread-safe.
 */
public final class TaskforceTokenUsage extends TokenUsage {

  private final Usage usage;

  /**
   * Wraps a Taskforce usage.
   *
   * @param usage the tokens and cost
   */
  public TaskforceTokenUsage(Usage usage) {
    super(
        toInt(requireNonNull(usage, "usage == null").inputTokens()),
        toInt(usage.outputTokens()),
        toInt(usage.totalTokens()));
    this.usage = usage;
  }

  /**
   * The Taskforce usage: input, output, cached input and reasoning tokens, and cost.
   *
   * @return the usage
   */
  public Usage usage() {
    return usage;
  }

  /**
   * What the call (or the sum of calls) cost: the provider's figure where it sent one, else
   * computed from the model catalog; zero when neither is known.
   *
   * @return the cost in US dollars
   */
  public BigDecimal costUsd() {
    return usage.costUsd();
  }

  /**
   * Adds another usage, keeping cost and token details.
   *
   * @param that the usage to add, or {@code null}
   * @return the sum
   */
  @Override
  public TaskforceTokenUsage add(@Nullable TokenUsage that) {
    if (that == null) {
      return this;
    }
    if (that instanceof TaskforceTokenUsage t) {
      return new TaskforceTokenUsage(usage.plus(t.usage));
    }
    long in = that.inputTokenCount() == null ? 0 : that.inputTokenCount();
    long out = that.outputTokenCount() == null ? 0 : that.outputTokenCount();
    return new TaskforceTokenUsage(usage.plus(new Usage(in, out, 0, 0, BigDecimal.ZERO)));
  }

  private static int toInt(long n) {
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TaskforceTokenUsage t && usage.equals(t.usage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(usage);
  }

  @Override
  public String toString() {
    return "TaskforceTokenUsage{input="
        + usage.inputTokens()
        + ", output="
        + usage.outputTokens()
        + ", cachedInput="
        + usage.cachedInputTokens()
        + ", reasoning="
        + usage.reasoningTokens()
        + ", costUsd="
        + usage.costUsd().toPlainString()
        + "}";
  }
}
