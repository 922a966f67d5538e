package dev.taskforce.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.taskforce.internal.Json;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a Taskforce {@link Reasoning} (and refusal) in {@link AiMessage#attributes()}.
 *
 * <p>The {@code reasoning_details} items are stored as a {@code List<String>}, one verbatim JSON
 * text per item: strings survive LangChain4j's chat-memory serialisation unchanged, where maps of
 * numbers would not.
 */
final class ReasoningAttributes {

  private ReasoningAttributes() {}

  /** The attributes for a message with this reasoning and refusal; empty when there is neither. */
  static Map<String, Object> write(Reasoning reasoning, @Nullable String refusal) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (!reasoning.details().isEmpty()) {
      List<String> items = new ArrayList<>(reasoning.details().size());
      for (ReasoningDetail d : reasoning.details()) {
        items.add(d.json());
      }
      attributes.put(LangChain4j.REASONING_DETAILS, List.copyOf(items));
    }
    if (reasoning.text() != null) {
      attributes.put(LangChain4j.REASONING_TEXT, reasoning.text());
    }
    if (refusal != null) {
      attributes.put(LangChain4j.REFUSAL, refusal);
    }
    return attributes;
  }

  /**
   * The reasoning an {@link AiMessage} carries: the items and text in its attributes, the text
   * falling back to {@code thinking()}; {@link Reasoning#NONE} if none.
   */
  static Reasoning read(AiMessage message) {
    Map<String, Object> attributes = message.attributes();
    Object details = attributes.get(LangChain4j.REASONING_DETAILS);
    Object text = attributes.get(LangChain4j.REASONING_TEXT);
    if (text == null) {
      text = message.thinking();
    }
    if (details == null && text == null) {
      return Reasoning.NONE;
    }
    if (text != null && !(text instanceof String)) {
      throw new IllegalArgumentException(
          "AiMessage attribute \""
              + LangChain4j.REASONING_TEXT
              + "\" must be a String, was "
              + text.getClass().getName());
    }
    return new Reasoning((String) text, details == null ? List.of() : details(details));
  }

  /** The refusal an {@link AiMessage} carries in its attributes, or {@code null}. */
  static @Nullable String refusal(AiMessage message) {
    Object refusal = message.attributes().get(LangChain4j.REFUSAL);
    return refusal == null ? null : refusal.toString();
  }

  /** Whether an attribute key is one of the keys this class writes. */
  static boolean isOwn(String key) {
    return key.equals(LangChain4j.REASONING_DETAILS)
        || key.equals(LangChain4j.REASONING_TEXT)
        || key.equals(LangChain4j.REFUSAL);
  }

  private static List<ReasoningDetail> details(Object value) {
    // Accept what a chat memory may hand back: our list of JSON texts, parsed maps, trees, or one
    // JSON array text.
    if (value instanceof String s) {
      value = Json.parse(s);
    }
    Iterable<?> items;
    if (value instanceof JsonNode n && n.isArray()) {
      items = n;
    } else if (value instanceof Iterable<?> list) {
      items = list;
    } else {
      throw new IllegalArgumentException(
          "AiMessage attribute \""
              + LangChain4j.REASONING_DETAILS
              + "\" must be a list of JSON objects, was "
              + value.getClass().getName());
    }
    List<ReasoningDetail> out = new ArrayList<>();
    int i = 0;
    for (Object item : items) {
      try {
        out.add(detail(item));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "AiMessage attribute \""
                + LangChain4j.REASONING_DETAILS
                + "\" item "
                + i
                + ": "
                + e.getMessage(),
            e);
      }
      i++;
    }
    return out;
  }

  private static ReasoningDetail detail(@Nullable Object item) {
    if (item instanceof String s) {
      return ReasoningDetail.fromJson(s);
    }
    if (item instanceof JsonNode n) {
      return ReasoningDetail.fromTree(n);
    }
    if (item == null) {
      throw new IllegalArgumentException("null item");
    }
    return ReasoningDetail.fromTree(Json.MAPPER.valueToTree(item));
  }
}
