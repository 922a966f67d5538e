package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

/**
 * A text part of a user message.
 *
 * @param text the text
 */
public record TextPart(String text) implements ContentPart {
  /** Checks the text is present. */
  public TextPart {
    requireNonNull(text, "text == null");
  }
}
