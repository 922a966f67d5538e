package dev.taskforce.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.message.ReasoningDetail;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges streamed {@code reasoning_details} pieces into whole items.
 *
 * <p>A piece continues the previous item when both have the same {@code type} and {@code index} and
 * the type is {@code reasoning.text} or {@code reasoning.summary}: its {@code text} or {@code
 * summary} is appended, and fields the item lacks (or has empty), such as a {@code signature} that
 * arrives in the last piece, are taken from the piece. Anything else (an encrypted blob, a server
 * tool call, or a piece of another type sharing the index) starts a new item. At the end, text
 * items left with neither text nor signature are dropped. Keying on type and index matters:
 * OpenAI's summary and encrypted items can both have index 0.
 */
final class ReasoningMerger {

  private final List<ObjectNode> items = new ArrayList<>();

  /** Adds a piece; the merger takes ownership of the node. */
  void add(ObjectNode piece) {
    JsonNode typeNode = piece.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      return; // Not a reasoning item; ReasoningDetail requires a type.
    }
    String type = typeNode.textValue();
    if (!items.isEmpty()) {
      ObjectNode last = items.get(items.size() - 1);
      boolean mergeable = type.equals("reasoning.text") || type.equals("reasoning.summary");
      if (mergeable
          && type.equals(last.path("type").textValue())
          && Objects.equals(last.get("index"), piece.get("index"))) {
        merge(last, piece, type.equals("reasoning.text") ? "text" : "summary");
        return;
      }
    }
    items.add(piece);
  }

  private static void merge(ObjectNode last, ObjectNode piece, String textField) {
    JsonNode more = piece.get(textField);
    if (more != null && more.isTextual()) {
      JsonNode had = last.get(textField);
      String before = had != null && had.isTextual() ? had.textValue() : "";
      last.put(textField, before + more.textValue());
    }
    Iterator<Map.Entry<String, JsonNode>> fields = piece.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().equals(textField)) {
        continue;
      }
      if (isEmpty(last.get(f.getKey())) && !isEmpty(f.getValue())) {
        last.set(f.getKey(), f.getValue()); // First non-empty signature, id, format, ... wins.
      }
    }
  }

  private static boolean isEmpty(JsonNode n) {
    return n == null || n.isNull() || (n.isTextual() && n.textValue().isEmpty());
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  List<ReasoningDetail> result() {
    List<ReasoningDetail> out = new ArrayList<>(items.size());
    for (ObjectNode item : items) {
      if ("reasoning.text".equals(item.path("type").textValue())
          && isEmpty(item.get("text"))
          && isEmpty(item.get("signature"))) {
        continue;
      }
      out.add(ReasoningDetail.fromTree(item));
    }
    return out;
  }
}
