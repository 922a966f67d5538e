package dev.taskforce.agent;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/** Applies a {@link ContextPolicy}. */
final class ContextFit {

  private ContextFit() {}

  /**
   * The messages to send.
   *
   * @param policy the policy
   * @param model the model id, for the error message
   * @param messages the whole conversation
   * @param tools the tools sent with it
   * @param maxPromptTokens the most prompt tokens the model takes, or 0 when unknown
   * @return the messages that fit
   * @throws ContextWindowExceededException when they cannot be made to fit
   */
  static List<Message> fit(
      ContextPolicy policy,
      String model,
      List<Message> messages,
      List<ToolSpec> tools,
      long maxPromptTokens) {
    if (maxPromptTokens <= 0) {
      return messages;
    }
    long estimate = TokenEstimate.of(messages, tools);
    if (estimate <= maxPromptTokens) {
      return messages;
    }
    if (policy instanceof ContextPolicy.FailWhenFull) {
      throw new ContextWindowExceededException(model, estimate, maxPromptTokens);
    }
    int head = 0;
    while (head < messages.size() && messages.get(head) instanceof SystemMessage) {
      head++;
    }
    int lastUser = messages.size() - 1;
    while (lastUser >= head && !(messages.get(lastUser) instanceof UserMessage)) {
      lastUser--;
    }
    List<Message> kept = new ArrayList<>(messages);
    int from = head;
    while (from < lastUser) {
      int end = from + 1;
      if (kept.get(from) instanceof AssistantMessage) {
        while (end < kept.size() && kept.get(end) instanceof ToolResultMessage) {
          end++;
        }
      }
      int removed = end - from;
      kept.subList(from, end).clear();
      lastUser -= removed;
      // A leading tool result without its call would be rejected; it went with its call above.
      long e = TokenEstimate.of(kept, tools);
      if (e <= maxPromptTokens) {
        return kept;
      }
    }
    throw new ContextWindowExceededException(model, TokenEstimate.of(kept, tools), maxPromptTokens);
  }
}
