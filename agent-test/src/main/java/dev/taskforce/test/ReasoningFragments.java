package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits reasoning items into the fragments a stream carries. Merging the fragments by (type,
 * index) as in wire doc section 4.4 gives back items JSON-equal to the originals.
 */
final class ReasoningFragments {

  /** One fragment, and the reasoning text it carries ({@code null} for whole opaque items). */
  record Fragment(JsonNode item, @Nullable String text) {}

  private ReasoningFragments() {}

  static List<Fragment> of(List<ReasoningDetail> details) {
    List<Fragment> out = new ArrayList<>();
    for (ReasoningDetail d : details) {
      split((ObjectNode) Json.parse(d.json()), out);
    }
    return out;
  }

  /**
   * Summaries and texts stream in pieces: the first piece carries every field of the item (but a
   * text's signature), later pieces only type, piece, format and index; a signed text ends with a
   * signature-only piece, as Anthropic's do. Other items arrive whole.
   */
  private static void split(ObjectNode item, List<Fragment> out) {
    String type = item.path("type").asText();
    String field =
        type.equals("reasoning.summary")
            ? "summary"
            : type.equals("reasoning.text") ? "text" : null;
    JsonNode value = field == null ? null : item.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      out.add(new Fragment(item, value != null && value.isTextual() ? value.textValue() : null));
      return;
    }
    List<String> pieces = Fragments.split(value.textValue(), Fragments.TEXT);
    JsonNode signature = field.equals("text") ? item.get("signature") : null;
    if (signature != null && !signature.isTextual()) {
      signature = null; // A null signature stays on the first piece, like any other field.
    }
    ObjectNode first = item.deepCopy();
    first.put(field, pieces.get(0));
    if (signature != null) {
      first.remove("signature");
    }
    out.add(new Fragment(first, pieces.get(0)));
    for (String piece : pieces.subList(1, pieces.size())) {
      out.add(new Fragment(tail(item, type, field, Wire.F.textNode(piece)), piece));
    }
    if (signature != null) {
      out.add(new Fragment(tail(item, type, "signature", signature), null));
    }
  }

  /** A later piece: type, the piece, then format and index, in the order the service writes. */
  private static ObjectNode tail(ObjectNode item, String type, String field, JsonNode piece) {
    ObjectNode o = Wire.F.objectNode().put("type", type);
    o.set(field, piece);
    if (item.has("format")) {
      o.set("format", item.get("format"));
    }
    if (item.has("index")) {
      o.set("index", item.get("index"));
    }
    return o;
  }
}
