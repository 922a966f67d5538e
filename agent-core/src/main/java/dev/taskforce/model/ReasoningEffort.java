package dev.taskforce.model;

import java.util.Locale;

/**
 * How hard a reasoning model should think. Which levels a model accepts is in its {@link
 * ModelInfo}.
 */
public enum ReasoningEffort {
  /** No reasoning. */
  NONE,
  /** The least reasoning. */
  MINIMAL,
  /** Little reasoning. */
  LOW,
  /** The usual default. */
  MEDIUM,
  /** More reasoning. */
  HIGH,
  /** Much more reasoning. */
  XHIGH,
  /** As much as the model can. */
  MAX;

  /**
   * The value sent on the wire, for example {@code "xhigh"}.
   *
   * @return the lower-case name
   */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a wire value.
   *
   * @param value for example {@code "high"}
   * @return the effort
   * @throws IllegalArgumentException for an unknown value
   */
  public static ReasoningEffort fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
