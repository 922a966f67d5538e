package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

/**
 * Instructions for the model, sent with the {@code system} role.
 *
 * @param text the instructions
 */
public record SystemMessage(String text) implements Message {
  /** Checks the text is present. */
  public SystemMessage {
    requireNonNull(text, "text == null");
  }
}
