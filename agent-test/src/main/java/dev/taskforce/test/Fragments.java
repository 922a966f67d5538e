package dev.taskforce.test;

import java.util.ArrayList;
import java.util.List;

/** Splits text into the small pieces a streamed answer arrives in. */
final class Fragments {

  /** Text pieces: a few words each, like the service's token groups. */
  static final int TEXT = 12;

  /** Tool argument pieces: a few characters each, as in captured streams. */
  static final int ARGUMENTS = 4;

  private Fragments() {}

  /**
   * Splits text into pieces of at most about {@code size} characters, breaking after a space where
   * one is near. Joining the pieces gives the text back; empty text gives no pieces.
   */
  static List<String> split(String text, int size) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + size);
      if (end < text.length()) {
        int space = text.lastIndexOf(' ', end - 1);
        if (space >= start + size / 2) {
          end = space + 1;
        }
        // Never split a surrogate pair: each piece must be valid text on its own.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
          end++;
        }
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }
}
