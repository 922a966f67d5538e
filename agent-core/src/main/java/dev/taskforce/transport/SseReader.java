package dev.taskforce.transport;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a stream, one at a time, in the framing OpenAI-style APIs use.
 *
 * <ul>
 *   <li>{@code data:} lines are joined with {@code \n}; one space after the colon is dropped;
 *   <li>{@code event:} and {@code id:} are kept; {@code retry:} and unknown fields are ignored;
 *   <li>lines starting with {@code :} are comments (keep-alives such as {@code : OPENROUTER
 *       PROCESSING}) and are skipped;
 *   <li>an event whose data is {@code [DONE]} ends the stream: it is not returned;
 *   <li>an event is dispatched at a blank line, or at the end of the stream if it is complete
 *       there.
 * </ul>
 *
 * <p>A stream is complete when it sent {@code [DONE]}, or when the consumer has called {@link
 * #markComplete()} after seeing its protocol's terminal event (for example {@code
 * response.completed}). Reaching the end of a stream that is not complete throws {@link
 * EOFException}, so a stream cut short is never mistaken for a finished one.
 *
 * <p>Not thread-safe; one consumer reads it.
 */
public final class SseReader implements Closeable {

  /** The data of the event that ends an OpenAI-style stream. */
  public static final String DONE = "[DONE]";

  private final BufferedReader reader;
  private final StringBuilder data = new StringBuilder();
  private @Nullable String event;
  private @Nullable String id;
  private boolean hasData;
  private boolean done;
  private boolean complete;
  private boolean sawDone;

  /**
   * Creates a reader over a UTF-8 event stream.
   *
   * @param in the stream; closed by {@link #close()}
   */
  public SseReader(InputStream in) {
    requireNonNull(in, "in == null");
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192);
  }

  /**
   * Reads the next event.
   *
   * @return the event, or {@code null} once the stream is complete and finished
   * @throws EOFException if the stream ended before {@code [DONE]} or {@link #markComplete()}
   * @throws IOException if reading fails
   */
  public @Nullable SseEvent next() throws IOException {
    if (done) {
      return null;
    }
    while (true) {
      String line = reader.readLine();
      if (line == null) {
        SseEvent last = dispatch();
        if (last != null) {
          return last;
        }
        if (done || complete) {
          done = true;
          return null;
        }
        throw new EOFException("event stream ended without [DONE] or a terminal event");
      }
      if (line.isEmpty()) {
        SseEvent e = dispatch();
        if (e != null) {
          return e;
        }
        if (done) {
          return null;
        }
        continue;
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      field(line);
    }
  }

  private void field(String line) {
    int colon = line.indexOf(':');
    String name = colon < 0 ? line : line.substring(0, colon);
    int start = colon < 0 ? line.length() : colon + 1;
    if (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    switch (name) {
      case "data":
        if (hasData) {
          data.append('\n');
        }
        data.append(line, start, line.length());
        hasData = true;
        break;
      case "event":
        event = line.substring(start);
        break;
      case "id":
        id = line.substring(start);
        break;
      default:
        break; // retry: and unknown fields
    }
  }

  private @Nullable SseEvent dispatch() {
    if (!hasData) {
      event = null;
      return null;
    }
    String d = data.toString();
    SseEvent e = new SseEvent(event, d, id);
    data.setLength(0);
    hasData = false;
    event = null;
    if (d.equals(DONE)) {
      done = true;
      sawDone = true;
      return null;
    }
    return e;
  }

  /**
   * Records that the consumer has seen its protocol's terminal event, so the end of the stream is a
   * normal end.
   */
  public void markComplete() {
    complete = true;
  }

  /**
   * Whether the stream sent {@code [DONE]}.
   *
   * @return {@code true} once {@code [DONE]} was read
   */
  public boolean sawDone() {
    return sawDone;
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    reader.close();
  }
}
