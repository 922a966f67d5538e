package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A message from the user: text, images, or both.
 *
 * @param parts the parts, in order; at least one
 */
public record UserMessage(List<ContentPart> parts) implements Message {

  /** Copies the parts and checks there is at least one. */
  public UserMessage {
    parts = List.copyOf(requireNonNull(parts, "parts == null"));
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("parts is empty: a user message needs text or an image");
    }
  }

  /**
   * Creates a text-only user message.
   *
   * @param text the text
   * @return the message
   */
  public static UserMessage of(String text) {
    return new UserMessage(List.of(new TextPart(text)));
  }

  /**
   * The text parts joined with newlines; empty when the message has only images.
   *
   * @return the text of this message
   */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (ContentPart part : parts) {
      if (part instanceof TextPart t) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(t.text());
      }
    }
    return sb.toString();
  }
}
