package dev.taskforce.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A typed, read-only view of one {@link ReasoningDetail}. The views never change the item: sending
 * reasoning back always uses {@link ReasoningDetail#json()}.
 */
public sealed interface ReasoningView {

  /**
   * A human-readable summary of the model's reasoning ({@code reasoning.summary}).
   *
   * @param summary the summary text
   */
  record Summary(String summary) implements ReasoningView {}

  /**
   * An opaque, encrypted reasoning blob ({@code reasoning.encrypted}, or a Responses API {@code
   * reasoning} item's {@code encrypted_content}).
   *
   * @param id the provider's id for the item, or {@code null}
   * @param data the opaque data; never parse or change it
   */
  record Encrypted(@Nullable String id, String data) implements ReasoningView {}

  /**
   * Raw reasoning text ({@code reasoning.text}), possibly signed.
   *
   * @param text the text, or {@code null} when the item carries only a signature
   * @param signature the provider's signature, or {@code null}
   */
  record Text(@Nullable String text, @Nullable String signature) implements ReasoningView {}

  /**
   * Any other item type, including ones Taskforce does not know yet.
   *
   * @param type the item's type
   */
  record Other(String type) implements ReasoningView {}

  /** Builds the view of a parsed item. */
  static ReasoningView of(String type, JsonNode node) {
    switch (type) {
      case "reasoning.summary":
        return new Summary(node.path("summary").asText(""));
      case "reasoning.encrypted":
        return new Encrypted(textOrNull(node.get("id")), node.path("data").asText(""));
      case "reasoning.text":
        return new Text(textOrNull(node.get("text")), textOrNull(node.get("signature")));
      case "reasoning": // A Responses API reasoning item: summary parts and encrypted content.
        if (node.path("encrypted_content").isTextual()) {
          return new Encrypted(textOrNull(node.get("id")), node.get("encrypted_content").asText());
        }
        StringBuilder summary = new StringBuilder();
        for (JsonNode part : node.path("summary")) {
          if (summary.length() > 0) {
            summary.append("\n\n");
          }
          summary.append(part.path("text").asText(""));
        }
        return new Summary(summary.toString());
      default:
        return new Other(type);
    }
  }

  private static @Nullable String textOrNull(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
