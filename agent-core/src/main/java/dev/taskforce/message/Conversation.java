package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable conversation: messages in order, savable as JSON and restorable with nothing lost.
 *
 * <p>Saving keeps every field of every message, including each assistant message's reasoning items
 * verbatim, so a restored conversation can be continued with the provider as if it had never been
 * saved:
 *
 * <pre>{@code
 * String saved = result.conversation().toJson();
 * Conversation restored = Conversation.fromJson(saved);   // equal to the original
 * }</pre>
 *
 * @param messages the messages, oldest first
 */
public record Conversation(List<Message> messages) {

  /** The empty conversation. */
  public static final Conversation EMPTY = new Conversation(List.of());

  /** Copies the messages. */
  public Conversation {
    messages = List.copyOf(requireNonNull(messages, "messages == null"));
  }

  /**
   * Returns this conversation with more messages at its end.
   *
   * @param more the messages to append
   * @return a new conversation; this one is unchanged
   */
  public Conversation plus(List<? extends Message> more) {
    List<Message> all = new ArrayList<>(messages.size() + more.size());
    all.addAll(messages);
    all.addAll(more);
    return new Conversation(all);
  }

  /**
   * Returns this conversation with one more message at its end.
   *
   * @param message the message to append
   * @return a new conversation; this one is unchanged
   */
  public Conversation plus(Message message) {
    return plus(List.of(message));
  }

  /**
   * Writes this conversation as JSON, in Taskforce's own versioned format (documented in {@code
   * docs/concepts.md}).
   *
   * @return the JSON text
   */
  public String toJson() {
    return ConversationJson.write(this);
  }

  /**
   * Reads a conversation written by {@link #toJson()}.
   *
   * @param json the JSON text
   * @return the conversation, equal to the one that was written
   * @throws IllegalArgumentException if the text is not a conversation, naming the offending
   *     message
   */
  public static Conversation fromJson(String json) {
    requireNonNull(json, "json == null");
    return ConversationJson.read(json);
  }
}
