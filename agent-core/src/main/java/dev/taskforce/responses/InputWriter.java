package dev.taskforce.responses;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ContentPart;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Message;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a conversation as the Responses API's {@code instructions} and {@code input} items.
 *
 * <ul>
 *   <li>The system messages at the start become {@code instructions} (joined by blank lines); a
 *       system message later in the conversation becomes a {@code developer} message item in its
 *       place.
 *   <li>A user message becomes a {@code message} item with {@code input_text} and {@code
 *       input_image} parts; a tool result a {@code function_call_output} for its {@code call_id}.
 *   <li>An assistant message that came from the Responses API carries its output items verbatim
 *       (see {@link OutputItems}); while they agree with the message they are written back as they
 *       are, in their original order, so each function call follows the reasoning item it came
 *       after and message items keep their {@code phase}. Otherwise (the message was changed, or
 *       came from another API) it is rebuilt from its fields: its Responses reasoning items first,
 *       then its text as an assistant message, then its tool calls as {@code function_call}s. Chat
 *       Completions reasoning details ({@code reasoning.*}) are never written: they belong to
 *       another API.
 * </ul>
 */
final class InputWriter {

  private InputWriter() {}

  /** How many system messages open the conversation. */
  static int leadingSystemMessages(List<Message> messages) {
    int n = 0;
    while (n < messages.size() && messages.get(n) instanceof SystemMessage) {
      n++;
    }
    return n;
  }

  /** The leading system messages joined by blank lines, or null when there are none. */
  static @Nullable String instructions(List<Message> messages) {
    int n = leadingSystemMessages(messages);
    if (n == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append("\n\n");
      }
      sb.append(((SystemMessage) messages.get(i)).text());
    }
    return sb.toString();
  }

  /** Writes the items of {@code messages[from..]}, skipping the leading system messages. */
  static void input(JsonGenerator g, List<Message> messages, int from) throws IOException {
    g.writeArrayFieldStart("input");
    for (int i = Math.max(from, leadingSystemMessages(messages)); i < messages.size(); i++) {
      Message m = messages.get(i);
      if (m instanceof SystemMessage s) {
        inputMessage(g, "developer", List.of(new TextPart(s.text())));
      } else if (m instanceof UserMessage u) {
        inputMessage(g, "user", u.parts());
      } else if (m instanceof AssistantMessage a) {
        assistant(g, a);
      } else if (m instanceof ToolResultMessage t) {
        g.writeStartObject();
        g.writeStringField("type", "function_call_output");
        g.writeStringField("call_id", t.toolCallId());
        g.writeStringField("output", t.content());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }

  private static void inputMessage(JsonGenerator g, String role, List<ContentPart> parts)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "message");
    g.writeStringField("role", role);
    g.writeArrayFieldStart("content");
    for (ContentPart p : parts) {
      g.writeStartObject();
      if (p instanceof TextPart t) {
        g.writeStringField("type", "input_text");
        g.writeStringField("text", t.text());
      } else if (p instanceof ImagePart i) {
        g.writeStringField("type", "input_image");
        g.writeStringField("image_url", i.url());
        g.writeStringField("detail", i.detail() != null ? i.detail() : "auto");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void assistant(JsonGenerator g, AssistantMessage a) throws IOException {
    List<ReasoningDetail> items = new ArrayList<>();
    for (ReasoningDetail d : a.reasoning().details()) {
      if (OutputItems.isOutputItem(d)) {
        items.add(d);
      }
    }
    if (!items.isEmpty() && OutputItems.agrees(a, items)) {
      for (ReasoningDetail d : items) {
        g.writeRawValue(d.json()); // Verbatim, in the order the model produced them.
      }
      return;
    }
    for (ReasoningDetail d : items) {
      if (d.type().equals("reasoning")) {
        g.writeRawValue(d.json());
      }
    }
    String content = a.text() != null ? a.text() : a.refusal();
    if (content != null) {
      g.writeStartObject();
      g.writeStringField("type", "message");
      g.writeStringField("role", "assistant");
      g.writeStringField("content", content);
      g.writeEndObject();
    }
    for (ToolCall c : a.toolCalls()) {
      g.writeStartObject();
      g.writeStringField("type", "function_call");
      g.writeStringField("call_id", c.id());
      g.writeStringField("name", c.name());
      g.writeStringField("arguments", c.argumentsJson());
      g.writeEndObject();
    }
  }
}
