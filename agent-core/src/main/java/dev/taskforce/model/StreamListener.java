package dev.taskforce.model;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ToolCall;

/**
 * Receives the pieces of a streamed answer as they arrive.
 *
 * <p>Called on the thread that called {@link ChatModel#stream}, in arrival order, never
 * concurrently. Methods must return quickly. An exception thrown by a listener ends the call with
 * that exception.
 */
public interface StreamListener {

  /** A listener that ignores everything. */
  StreamListener NONE = new StreamListener() {};

  /**
   * A piece of answer text.
   *
   * @param delta the new text
   */
  default void onText(String delta) {}

  /**
   * A piece of plain reasoning text (a summary or raw thinking, depending on the provider).
   *
   * @param delta the new text
   */
  default void onReasoning(String delta) {}

  /**
   * A piece of a tool call. The first piece for an index carries the call's id and name; later ones
   * carry more of its arguments.
   *
   * @param index the call's position in the answer
   * @param id the call's id, or {@code null} on later pieces
   * @param name the tool's name, or {@code null} on later pieces
   * @param argumentsDelta more of the arguments text (possibly empty)
   */
  default void onToolCall(
      int index,
      @org.jspecify.annotations.Nullable String id,
      @org.jspecify.annotations.Nullable String name,
      String argumentsDelta) {}

  /**
   * Delivers a whole response as if it had been streamed: reasoning, text, then each tool call.
   *
   * @param response the response
   * @param listener the listener
   */
  static void replay(ChatResponse response, StreamListener listener) {
    AssistantMessage m = response.message();
    if (m.reasoning().text() != null && !m.reasoning().text().isEmpty()) {
      listener.onReasoning(m.reasoning().text());
    }
    if (m.text() != null && !m.text().isEmpty()) {
      listener.onText(m.text());
    }
    int i = 0;
    for (ToolCall call : m.toolCalls()) {
      listener.onToolCall(i++, call.id(), call.name(), call.argumentsJson());
    }
  }
}
