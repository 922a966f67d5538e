package dev.taskforce.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local {@code POST /v1/responses} server playing the support triage conversation in the
 * Responses API's shape: the first request gets a reasoning item and two function calls, the next
 * one (which must carry the reasoning item back with its encrypted content unchanged, and both call
 * outputs) gets a second reasoning item and the typed answer as a message. Anything else is
 * answered with OpenAI's 400 error shape, naming what was wrong.
 */
final class TriageOverResponses implements AutoCloseable {

  static final String KEY = "sk-test-responses";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENCRYPTED = "gAAAAB-encrypted-first-turn";

  private final HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  private TriageOverResponses(HttpServer server) {
    this.server = server;
  }

  static TriageOverResponses start() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TriageOverResponses s = new TriageOverResponses(http);
      http.createContext("/v1/responses", s::handle);
      http.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    requests.add(body);
    String problem = problem(exchange, body);
    if (problem != null) {
      send(
          exchange,
          400,
          "{\"error\":{\"message\":"
              + JSON.writeValueAsString(problem)
              + ",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
      return;
    }
    boolean first = !hasItem(body.path("input"), "function_call_output");
    String output =
        first
            ? "[{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[],\"encrypted_content\":\""
                + ENCRYPTED
                + "\"},"
                + call("fc_1", "call_order", "findOrder", "{\"id\":\"A-1042\"}")
                + ","
                + call("fc_2", "call_track", "trackShipment", "{\"orderId\":\"A-1042\"}")
                + "]"
            : "[{\"type\":\"reasoning\",\"id\":\"rs_2\",\"summary\":[],\"encrypted_content\":\"e2\"},"
                + "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":"
                + "\"completed\",\"content\":[{\"type\":\"output_text\",\"annotations\":[],"
                + "\"text\":"
                + JSON.writeValueAsString(
                    "{\"category\":\"DELIVERY\",\"priority\":2,\"orderIds\":[\"A-1042\"],"
                        + "\"summary\":\"Held at the PostNord depot: incomplete address.\","
                        + "\"nextAction\":\"Confirm the address with the customer.\","
                        + "\"customerReply\":\"Hi Dana, could you confirm your full address?\"}")
                + "}]}]";
    send(
        exchange,
        200,
        "{\"id\":\"resp_"
            + requests.size()
            + "\",\"object\":\"response\",\"status\":\"completed\",\"model\":"
            + "\"gpt-5.4-mini-2026-03-05\",\"output\":"
            + output
            + ",\"usage\":{\"input_tokens\":900,\"input_tokens_details\":{\"cached_tokens\":0},"
            + "\"output_tokens\":120,\"output_tokens_details\":{\"reasoning_tokens\":40},"
            + "\"total_tokens\":1020}}");
  }

  private static String problem(HttpExchange exchange, JsonNode body) {
    if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return "Incorrect API key provided.";
    }
    if (!body.path("model").asText().equals("gpt-5.4-mini")) {
      return "The model '" + body.path("model").asText() + "' does not exist.";
    }
    JsonNode input = body.path("input");
    if (hasItem(input, "function_call_output")) {
      for (JsonNode item : input) {
        if (item.path("type").asText().equals("reasoning")
            && item.path("id").asText().equals("rs_1")
            && item.path("encrypted_content").asText().equals(ENCRYPTED)) {
          return null;
        }
      }
      return "Item 'fc_1' of type 'function_call' was provided without its required 'reasoning'"
          + " item: 'rs_1'.";
    }
    return null;
  }

  private static boolean hasItem(JsonNode input, String type) {
    for (JsonNode item : input) {
      if (item.path("type").asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static String call(String id, String callId, String name, String arguments)
      throws IOException {
    return "{\"type\":\"function_call\",\"id\":\""
        + id
        + "\",\"call_id\":\""
        + callId
        + "\",\"name\":\""
        + name
        + "\",\"arguments\":"
        + JSON.writeValueAsString(arguments)
        + ",\"status\":\"completed\"}";
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
