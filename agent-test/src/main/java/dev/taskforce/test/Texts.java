package dev.taskforce.test;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import java.util.StringJoiner;

/** Short, quoted renderings of texts and messages for failure messages. */
final class Texts {

  /** The most characters of a text shown in a failure message. */
  static final int SHOWN = 80;

  private Texts() {}

  /** The text in quotes, cut to {@link #SHOWN} characters with an ellipsis and the full length. */
  static String quote(String text) {
    String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    if (escaped.length() <= SHOWN) {
      return "\"" + escaped + "\"";
    }
    return "\"" + escaped.substring(0, SHOWN) + "…\" (" + text.length() + " chars)";
  }

  /** A message's role and its main text, for example {@code user "What is 2 + 3?"}. */
  static String describe(Message message) {
    if (message instanceof SystemMessage s) {
      return "system " + quote(s.text());
    }
    if (message instanceof UserMessage u) {
      return "user " + quote(u.text());
    }
    if (message instanceof ToolResultMessage t) {
      return "tool result for " + t.toolCallId() + " " + quote(t.content());
    }
    AssistantMessage a = (AssistantMessage) message;
    StringJoiner parts = new StringJoiner(", ", "assistant ", "");
    if (a.text() != null) {
      parts.add(quote(a.text()));
    }
    for (ToolCall c : a.toolCalls()) {
      parts.add("calls " + c.name() + " (" + c.id() + ")");
    }
    if (a.refusal() != null) {
      parts.add("refuses " + quote(a.refusal()));
    }
    return parts.toString();
  }

  /** The text of a message a user would search: the content, text or tool result. */
  static String textOf(Message message) {
    if (message instanceof SystemMessage s) {
      return s.text();
    }
    if (message instanceof UserMessage u) {
      return u.text();
    }
    if (message instanceof ToolResultMessage t) {
      return t.content();
    }
    AssistantMessage a = (AssistantMessage) message;
    return a.text() != null ? a.text() : a.refusal() != null ? a.refusal() : "";
  }
}
