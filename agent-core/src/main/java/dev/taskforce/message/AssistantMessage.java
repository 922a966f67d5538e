package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message from the model: text, tool calls, a refusal, and the reasoning behind them.
 *
 * <p>When a conversation continues, this message is sent back as it is, reasoning included, so the
 * model can resume its own line of thought.
 *
 * @param text the answer text, or {@code null} when the model only called tools or refused
 * @param toolCalls the tools the model asks to call, in its order; empty when none
 * @param refusal the model's refusal message, or {@code null}
 * @param reasoning the reasoning behind this message; {@link Reasoning#NONE} when there is none
 */
public record AssistantMessage(
    @Nullable String text, List<ToolCall> toolCalls, @Nullable String refusal, Reasoning reasoning)
    implements Message {

  /** Copies the tool calls and checks the reasoning is present. */
  public AssistantMessage {
    toolCalls = List.copyOf(requireNonNull(toolCalls, "toolCalls == null"));
    requireNonNull(reasoning, "reasoning == null");
  }

  /**
   * Creates a text-only assistant message, with no reasoning.
   *
   * @param text the text
   * @return the message
   */
  public static AssistantMessage of(String text) {
    return new AssistantMessage(
        requireNonNull(text, "text == null"), List.of(), null, Reasoning.NONE);
  }

  /**
   * Whether the model asked for at least one tool call.
   *
   * @return {@code true} when {@link #toolCalls()} is not empty
   */
  public boolean hasToolCalls() {
    return !toolCalls.isEmpty();
  }
}
