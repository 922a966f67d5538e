package dev.taskforce.responses;

import java.util.Locale;

/** How long and detailed the answer text should be: the Responses API's {@code text.verbosity}. */
public enum Verbosity {
  /** Short answers. */
  LOW,
  /** The model's default. */
  MEDIUM,
  /** Long, detailed answers. */
  HIGH;

  /**
   * The value sent on the wire.
   *
   * @return the lower-case name, for example {@code "low"}
   */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
