package dev.taskforce.testserver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link ScriptedServer} sends for one request: a status, headers and a body written
 * exactly as scripted.
 *
 * <p>The body is either whole ({@link #body(String)}, sent with a {@code Content-Length}) or a
 * sequence of chunks, each flushed on its own, with optional {@link Pause}s between them and an
 * optional {@link #abort()} that drops the connection without ending the body. A mutable builder,
 * for tests.
 */
public final class ScriptedResponse {

  sealed interface Step permits Write, Wait, Abort {}

  record Write(byte[] bytes) implements Step {}

  record Wait(Pause pause) implements Step {}

  record Abort() implements Step {}

  final int status;
  final List<String[]> headers = new ArrayList<>();
  final List<Step> steps = new ArrayList<>();
  byte @Nullable [] wholeBody;
  @Nullable Pause beforeHeaders;

  private ScriptedResponse(int status) {
    this.status = status;
  }

  /**
   * A response with a status and no body yet.
   *
   * @param status the HTTP status
   * @return the response
   */
  public static ScriptedResponse status(int status) {
    return new ScriptedResponse(status);
  }

  /**
   * A JSON response with a whole body.
   *
   * @param status the HTTP status
   * @param body the exact body text
   * @return the response
   */
  public static ScriptedResponse json(int status, String body) {
    return status(status).header("Content-Type", "application/json").body(body);
  }

  /**
   * A 200 {@code text/event-stream} response to which events are added.
   *
   * @return the response
   */
  public static ScriptedResponse sse() {
    return status(200)
        .header("Content-Type", "text/event-stream")
        .header("Cache-Control", "no-cache");
  }

  /**
   * Adds a header.
   *
   * @param name the name
   * @param value the value
   * @return this response
   */
  public ScriptedResponse header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  /**
   * Sets the whole body, sent with a {@code Content-Length}.
   *
   * @param body the exact text
   * @return this response
   */
  public ScriptedResponse body(String body) {
    if (!steps.isEmpty()) {
      throw new IllegalStateException("a whole body and chunks cannot be mixed");
    }
    wholeBody = body.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * Adds a chunk of exact text, flushed on its own.
   *
   * @param text the bytes to send, as UTF-8
   * @return this response
   */
  public ScriptedResponse chunk(String text) {
    if (wholeBody != null) {
      throw new IllegalStateException("a whole body and chunks cannot be mixed");
    }
    steps.add(new Write(text.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /**
   * Adds one SSE event: {@code data: <json>} and a blank line, as one chunk.
   *
   * @param json the data
   * @return this response
   */
  public ScriptedResponse data(String json) {
    return chunk("data: " + json + "\n\n");
  }

  /**
   * Adds an SSE comment line (a keep-alive) and a blank line, as one chunk.
   *
   * @param text the comment, for example {@code OPENROUTER PROCESSING}
   * @return this response
   */
  public ScriptedResponse comment(String text) {
    return chunk(": " + text + "\n\n");
  }

  /**
   * Adds {@code data: [DONE]}.
   *
   * @return this response
   */
  public ScriptedResponse done() {
    return data("[DONE]");
  }

  /**
   * Stops the body here until the pause is released.
   *
   * @param pause the pause
   * @return this response
   */
  public ScriptedResponse pause(Pause pause) {
    steps.add(new Wait(pause));
    return this;
  }

  /**
   * Stops before sending the status line and headers, until the pause is released.
   *
   * @param pause the pause
   * @return this response
   */
  public ScriptedResponse pauseBeforeHeaders(Pause pause) {
    beforeHeaders = pause;
    return this;
  }

  /**
   * Drops the connection here, without ending the chunked body.
   *
   * @return this response
   */
  public ScriptedResponse abort() {
    steps.add(new Abort());
    return this;
  }
}
