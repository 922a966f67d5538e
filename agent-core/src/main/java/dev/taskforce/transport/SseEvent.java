package dev.taskforce.transport;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} type, or {@code null} when the event had none
 * @param data the {@code data:} lines, joined with newlines
 * @param id the {@code id:} value, or {@code null}
 */
public record SseEvent(@Nullable String event, String data, @Nullable String id) {
  /** Checks the data is present. */
  public SseEvent {
    requireNonNull(data, "data == null");
  }
}
