package dev.taskforce.agent;

import static java.util.Objects.requireNonNull;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.Message;
import dev.taskforce.model.Usage;
import dev.taskforce.tool.ToolCallResult;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything one agent run did: its answer, its transcript, its tool calls, what it cost and how it
 * ended.
 *
 * <p>Immutable and thread-safe. A run that did not complete still has its transcript, tool calls
 * and usage; only {@link #output()} throws.
 *
 * @param <T> the answer type ({@code String} for text answers)
 */
public final class AgentResult<T> {

  private final String runId;
  private final RunOutcome outcome;
  private final @Nullable T output;
  private final Conversation conversation;
  private final List<ToolCallResult> toolCalls;
  private final Usage usage;
  private final Map<String, Usage> usageByModel;
  private final int turns;
  private final Duration elapsed;

  AgentResult(
      String runId,
      RunOutcome outcome,
      @Nullable T output,
      Conversation conversation,
      List<ToolCallResult> toolCalls,
      Usage usage,
      Map<String, Usage> usageByModel,
      int turns,
      Duration elapsed) {
    this.runId = requireNonNull(runId, "runId == null");
    this.outcome = requireNonNull(outcome, "outcome == null");
    this.output = output;
    this.conversation = requireNonNull(conversation, "conversation == null");
    this.toolCalls = List.copyOf(toolCalls);
    this.usage = requireNonNull(usage, "usage == null");
    this.usageByModel = Collections.unmodifiableMap(new LinkedHashMap<>(usageByModel));
    this.turns = turns;
    this.elapsed = requireNonNull(elapsed, "elapsed == null");
  }

  /**
   * @return the run's id (also in the logs' MDC as {@code taskforce.runId})
   */
  public String runId() {
    return runId;
  }

  /**
   * @return how the run ended
   */
  public RunOutcome outcome() {
    return outcome;
  }

  /**
   * The answer.
   *
   * @return the answer: the text, or the typed object, valid by construction
   * @throws dev.taskforce.output.OutputValidationException if the answer never became valid
   * @throws RunFailedException if the run ended any other way than {@link RunOutcome.Completed}
   */
  public T output() {
    if (outcome instanceof RunOutcome.InvalidOutput invalid) {
      throw invalid.error();
    }
    if (!outcome.isCompleted() || output == null) {
      throw new RunFailedException(runId, outcome);
    }
    return output;
  }

  /**
   * The answer, if the run completed.
   *
   * @return the answer, or empty
   */
  public Optional<T> outputIfCompleted() {
    return outcome.isCompleted() ? Optional.ofNullable(output) : Optional.empty();
  }

  /**
   * The whole transcript: instructions, input, every assistant message (reasoning included) and
   * every tool result. Pass it to the next run to continue the conversation.
   *
   * @return the conversation
   */
  public Conversation conversation() {
    return conversation;
  }

  /**
   * The text of the last assistant message.
   *
   * @return the text, or empty when the last message had none
   */
  public Optional<String> lastText() {
    List<Message> messages = conversation.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof AssistantMessage a) {
        return Optional.ofNullable(a.text());
      }
    }
    return Optional.empty();
  }

  /**
   * @return every tool call of the run with its result, in the order they were made
   */
  public List<ToolCallResult> toolCalls() {
    return toolCalls;
  }

  /**
   * @return tokens and cost of all model calls of the run
   */
  public Usage usage() {
    return usage;
  }

  /**
   * @return tokens and cost per model that served, in first-use order
   */
  public Map<String, Usage> usageByModel() {
    return usageByModel;
  }

  /**
   * @return the number of model calls made
   */
  public int turns() {
    return turns;
  }

  /**
   * @return the run's wall time
   */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    return "AgentResult{runId="
        + runId
        + ", outcome="
        + outcome.describe()
        + ", turns="
        + turns
        + ", toolCalls="
        + toolCalls.size()
        + ", costUsd="
        + usage.costUsd().toPlainString()
        + "}";
  }
}
