package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Completion} as the Responses API's {@code output} (wire doc section 9.3): a reasoning
 * item, a message item with the text or refusal, then one {@code function_call} item per tool call;
 * and the status with its {@code incomplete_details} reason from the finish reason.
 *
 * <p>The reasoning item is made from the turn's reasoning: its summary parts are the summaries (or
 * texts) of the reasoning details, else the plain reasoning text; its {@code id} and {@code
 * encrypted_content} are those of an encrypted detail ({@code openAiReasoning(...)} makes one per
 * serve), else new ones. So every reasoning item the endpoint issues carries encrypted content that
 * must come back unchanged.
 *
 * @param id the response id, {@code resp_…}
 * @param items the output items, each a fresh tree the caller may change
 * @param incompleteReason {@code max_output_tokens} or {@code content_filter} when the status is
 *     {@code incomplete}, else {@code null}
 */
record ResponseOutput(
    Completion completion, String id, List<ObjectNode> items, @Nullable String incompleteReason) {

  static ResponseOutput of(Completion c, Ids ids) {
    List<ObjectNode> items = new ArrayList<>();
    ObjectNode reasoning = reasoningItem(c, ids);
    if (reasoning != null) {
      items.add(reasoning);
    }
    String reason =
        "length".equals(c.finishReason())
            ? "max_output_tokens"
            : "content_filter".equals(c.finishReason()) ? "content_filter" : null;
    if (c.text() != null || c.refusal() != null) {
      ObjectNode message = Wire.F.objectNode().put("type", "message");
      message
          .put("id", ids.itemId("msg_"))
          .put("status", reason == null ? "completed" : "incomplete");
      message.put("role", "assistant");
      ArrayNode content = message.putArray("content");
      if (c.text() != null) {
        ObjectNode part = content.addObject().put("type", "output_text");
        part.putArray("annotations");
        part.putArray("logprobs");
        part.put("text", c.text());
      }
      if (c.refusal() != null) {
        content.addObject().put("type", "refusal").put("refusal", c.refusal());
      }
      items.add(message);
    }
    for (ToolCall call : c.toolCalls()) {
      ObjectNode fc = Wire.F.objectNode().put("type", "function_call");
      fc.put("id", ids.itemId("fc_")).put("call_id", call.id()).put("name", call.name());
      fc.put("arguments", call.argumentsJson()).put("status", "completed");
      items.add(fc);
    }
    return new ResponseOutput(c, ids.itemId("resp_"), List.copyOf(items), reason);
  }

  /** {@code completed}, or {@code incomplete} when the answer was cut short. */
  String status() {
    return incompleteReason == null ? "completed" : "incomplete";
  }

  /** The items as a fresh array. */
  ArrayNode itemsJson() {
    ArrayNode out = Wire.F.arrayNode();
    items.forEach(item -> out.add(item.deepCopy()));
    return out;
  }

  private static @Nullable ObjectNode reasoningItem(Completion c, Ids ids) {
    List<String> summaries = new ArrayList<>();
    String id = null;
    String encrypted = null;
    for (ReasoningDetail d : c.reasoningDetails()) {
      JsonNode item = Json.parse(d.json());
      String type = item.path("type").asText();
      if (type.equals("reasoning.encrypted") && encrypted == null) {
        encrypted = item.path("data").asText(null);
        id = item.path("id").asText(null);
      } else if (type.equals("reasoning.summary") || type.equals("reasoning.text")) {
        String text = item.path(type.equals("reasoning.summary") ? "summary" : "text").asText("");
        if (!text.isEmpty()) {
          summaries.add(text);
        }
      }
    }
    if (summaries.isEmpty() && c.reasoningText() != null && !c.reasoningText().isEmpty()) {
      summaries.add(c.reasoningText());
    }
    if (encrypted == null && summaries.isEmpty() && c.reasoningDetails().isEmpty()) {
      return null;
    }
    ObjectNode item = Wire.F.objectNode().put("type", "reasoning");
    item.put("id", id != null ? id : ids.reasoningItemId());
    ArrayNode summary = item.putArray("summary");
    summaries.forEach(t -> summary.addObject().put("type", "summary_text").put("text", t));
    item.put("encrypted_content", encrypted != null ? encrypted : ids.encryptedData());
    return item;
  }
}
