package dev.taskforce.output;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a structured answer.
 *
 * @param path where, as a JSON path such as {@code $.items[2].price}; {@code $} for the whole
 *     answer
 * @param message what is wrong, for example {@code must be greater than 0}
 * @param value the offending value as text (abbreviated), or {@code null} when there is none
 */
public record OutputProblem(String path, String message, @Nullable String value) {
  /** Checks path and message are present. */
  public OutputProblem {
    requireNonNull(path, "path == null");
    requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return path + ": " + message + (value == null ? "" : " (was " + value + ")");
  }
}
