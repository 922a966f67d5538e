package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes server-sent events, each flushed at once so a client sees it as it is written. */
final class SseWriter {

  static final String KEEP_ALIVE = ": OPENROUTER PROCESSING";

  private final OutputStream out;

  /** Sends a 200 {@code text/event-stream} with chunked transfer encoding. */
  SseWriter(HttpExchange exchange, String generationId) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Generation-Id", generationId);
    exchange.sendResponseHeaders(200, 0);
    this.out = exchange.getResponseBody();
  }

  void keepAlive() throws IOException {
    send(KEEP_ALIVE + "\n\n");
  }

  void data(JsonNode event) throws IOException {
    send("data: " + Wire.write(event) + "\n\n");
  }

  void done() throws IOException {
    send("data: [DONE]\n\n");
  }

  private void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
