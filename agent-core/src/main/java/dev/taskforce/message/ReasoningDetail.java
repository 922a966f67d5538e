package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.internal.ParsedReasoning;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One item of a provider's {@code reasoning_details}, kept verbatim.
 *
 * <p>Providers require reasoning to be sent back exactly as they produced it (encrypted blobs,
 * signatures, ids and all), so an item is stored as its JSON text, with every field it had,
 * including fields Taskforce does not know. Sending it back writes that text unchanged. {@link
 * #view()} gives a typed, read-only look at the known item types.
 *
 * <p>Instances are immutable and thread-safe. Two items are equal when their JSON texts are equal.
 */
public final class ReasoningDetail {

  private final String json;
  private final String type;
  private final @Nullable Integer index;

  static {
    ParsedReasoning.install((json, type, index) -> new ReasoningDetail(compact(json), type, index));
  }

  private ReasoningDetail(String json, String type, @Nullable Integer index) {
    this.json = json;
    this.type = type;
    this.index = index;
  }

  /**
   * Reads an item from its JSON text.
   *
   * <p>The text is checked with a streaming parser and kept as it is, only without the whitespace
   * between tokens: no tree is built, and strings, escapes and numbers stay exactly as written.
   *
   * @param json a JSON object with a string {@code type} field
   * @return the item, holding the text in compact form (field order and values unchanged)
   * @throws IllegalArgumentException if the text is not a JSON object with a {@code type}
   */
  public static ReasoningDetail fromJson(String json) {
    requireNonNull(json, "json == null");
    ParsedReasoning.Head head = null;
    IOException failure = null;
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        head = ParsedReasoning.readHead(p);
        if (p.nextToken() != null) {
          head = null; // More after the object: not one JSON object.
        }
      }
    } catch (IOException e) {
      failure = e;
    }
    if (failure != null || head == null || head.type() == null) {
      throw new IllegalArgumentException(
          "a reasoning detail must be a JSON object with a string \"type\", was: "
              + abbreviate(json),
          failure);
    }
    return new ReasoningDetail(compact(json), head.type(), head.index());
  }

  /**
   * Reads an item from a parsed tree. For clients that already hold the parsed response.
   *
   * @param node a JSON object with a string {@code type} field; it is not retained
   * @return the item
   */
  public static ReasoningDetail fromTree(JsonNode node) {
    requireNonNull(node, "node == null");
    if (!node.isObject() || !node.path("type").isTextual()) {
      throw new IllegalArgumentException(
          "a reasoning detail must be a JSON object with a string \"type\", was: "
              + abbreviate(node.toString()));
    }
    JsonNode idx = node.get("index");
    Integer index = idx != null && idx.canConvertToInt() ? idx.intValue() : null;
    return new ReasoningDetail(node.toString(), node.get("type").textValue(), index);
  }

  /**
   * The item exactly as the provider sent it, as compact JSON.
   *
   * @return the JSON text
   */
  public String json() {
    return json;
  }

  /**
   * The item's {@code type}, for example {@code reasoning.summary} or {@code reasoning.encrypted}.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * The item's {@code index}, which orders and groups streamed pieces.
   *
   * @return the index, or {@code null} when the item has none
   */
  public @Nullable Integer index() {
    return index;
  }

  /**
   * A typed, read-only view of this item.
   *
   * @return the view for a known type, or {@link ReasoningView.Other} for any other type
   */
  public ReasoningView view() {
    return ReasoningView.of(type, Json.parse(json));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ReasoningDetail other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** Shows the type and size only: the content may be long or opaque. */
  @Override
  public String toString() {
    return "ReasoningDetail{type=" + type + ", index=" + index + ", chars=" + json.length() + "}";
  }

  /** The text without whitespace outside strings; the same string when it has none. */
  private static String compact(String json) {
    StringBuilder out = null;
    boolean inString = false;
    int kept = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++; // The escaped character, even a quote, stays inside the string.
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        if (out == null) {
          out = new StringBuilder(json.length());
        }
        out.append(json, kept, i);
        kept = i + 1;
      }
    }
    if (out == null) {
      return json;
    }
    return out.append(json, kept, json.length()).toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
