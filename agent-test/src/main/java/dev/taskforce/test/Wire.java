package dev.taskforce.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.taskforce.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writing JSON the way the service does, and sending it. */
final class Wire {

  static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The user id real error bodies carry at the top level. */
  static final String USER_ID = "user_2fakeTaskforceUser";

  // Costs are decimals; the service writes them plainly (0.00000125, never 1.25E-6).
  private static final ObjectWriter WRITER =
      Json.MAPPER.writer().with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Wire() {}

  static String write(Object tree) {
    try {
      return WRITER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"error":{"message":…,"code":…},"user_id":…}}: the plain error shape. */
  static ObjectNode error(int code, String message) {
    ObjectNode root = F.objectNode();
    root.putObject("error").put("message", message).put("code", code);
    root.put("user_id", USER_ID);
    return root;
  }

  /** The plain error shape without {@code user_id}, for requests no user is known for. */
  static ObjectNode anonymousError(int code, String message) {
    ObjectNode root = error(code, message);
    root.remove("user_id");
    return root;
  }

  /** A provider error wrapped by OpenRouter: generic message, details in metadata. */
  static ObjectNode providerError(int code, String errorType, String raw) {
    ObjectNode root = F.objectNode();
    ObjectNode error = root.putObject("error").put("code", code);
    error.put("message", "Provider returned error");
    error.putObject("metadata").put("error_type", errorType).put("raw", raw);
    root.put("user_id", USER_ID);
    return root;
  }

  static void sendJson(HttpExchange exchange, int status, String prefix, Object tree)
      throws IOException {
    byte[] bytes = (prefix + write(tree)).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void sendJson(HttpExchange exchange, int status, Object tree) throws IOException {
    sendJson(exchange, status, "", tree);
  }
}
