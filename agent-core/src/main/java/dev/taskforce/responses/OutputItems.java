package dev.taskforce.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The mapping between a Responses API {@code output} array and an {@link AssistantMessage}, in both
 * directions' terms.
 *
 * <p>Every output item is kept verbatim, in order, as one {@link ReasoningDetail} (its JSON text,
 * unknown fields included): reasoning items, message items (with their {@code phase}) and function
 * calls (with their {@code fc_} ids). Their types ({@code reasoning}, {@code message}, {@code
 * function_call}, ...) never start with {@code reasoning.}, which is how they are told apart from
 * Chat Completions reasoning details. From the same items come the message's text (every {@code
 * output_text} part, concatenated), refusal, tool calls and plain reasoning text (the summary
 * parts, joined by blank lines). The request side writes the items back in their original order
 * when they still agree with the message ({@link #agrees}).
 */
final class OutputItems {

  /** Between two summary parts of the plain reasoning text. */
  static final String PART_SEPARATOR = "\n\n";

  private OutputItems() {}

  /** Whether a reasoning detail is a Responses API output item rather than a Chat detail. */
  static boolean isOutputItem(ReasoningDetail d) {
    return !d.type().startsWith("reasoning.");
  }

  /** The message for a list of output items. */
  static AssistantMessage message(List<? extends JsonNode> items) {
    List<ReasoningDetail> details = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      if (item.path("type").isTextual()) {
        details.add(ReasoningDetail.fromTree(item));
      }
    }
    String reasoning = reasoningText(items);
    return new AssistantMessage(
        text(items, "output_text", "text"),
        toolCalls(items),
        text(items, "refusal", "refusal"),
        reasoning == null && details.isEmpty()
            ? Reasoning.NONE
            : new Reasoning(reasoning, details));
  }

  /**
   * Whether the kept output items still say what the message says: the same text, refusal and tool
   * calls. When they do, they are written back verbatim and in order.
   */
  static boolean agrees(AssistantMessage m, List<ReasoningDetail> items) {
    List<JsonNode> parsed = new ArrayList<>();
    for (ReasoningDetail d : items) {
      if (d.type().equals("message") || d.type().equals("function_call")) {
        parsed.add(Json.parse(d.json()));
      }
    }
    return Objects.equals(text(parsed, "output_text", "text"), m.text())
        && Objects.equals(text(parsed, "refusal", "refusal"), m.refusal())
        && toolCalls(parsed).equals(m.toolCalls());
  }

  /** The content parts of one kind in every message item, concatenated; null when empty. */
  private static @Nullable String text(List<? extends JsonNode> items, String part, String field) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode item : items) {
      if (!"message".equals(item.path("type").asText())) {
        continue;
      }
      for (JsonNode c : item.path("content")) {
        if (part.equals(c.path("type").asText())) {
          sb.append(c.path(field).asText(""));
        }
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static List<ToolCall> toolCalls(List<? extends JsonNode> items) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode item : items) {
      if ("function_call".equals(item.path("type").asText())) {
        calls.add(
            new ToolCall(
                callId(item), item.path("name").asText(""), item.path("arguments").asText("")));
      }
    }
    return calls;
  }

  /** A function call's {@code call_id}, else its item id, else a generated one. */
  static String callId(JsonNode item) {
    String id = item.path("call_id").asText("");
    if (id.isEmpty()) {
      id = item.path("id").asText("");
    }
    return id.isEmpty() ? "call_tf_" + UUID.randomUUID().toString().replace("-", "") : id;
  }

  /** Every non-empty summary part of every reasoning item, joined by blank lines. */
  static @Nullable String reasoningText(List<? extends JsonNode> items) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode item : items) {
      if (!"reasoning".equals(item.path("type").asText())) {
        continue;
      }
      for (JsonNode part : item.path("summary")) {
        String t = part.path("text").asText("");
        if (t.isEmpty()) {
          continue;
        }
        if (sb.length() > 0) {
          sb.append(PART_SEPARATOR);
        }
        sb.append(t);
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
