package dev.taskforce.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.taskforce.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local {@code POST /responses} server on 127.0.0.1 that checks each stateless request the way
 * OpenAI does before answering with the output items a test function returns.
 *
 * <p>It remembers every reasoning item it issued (its {@code encrypted_content} and the item that
 * followed it) and every function call (the reasoning item before it), and rejects with OpenAI's
 * 400 messages: a reasoning item whose encrypted content changed, a reasoning item not followed by
 * its following item, a function call without its reasoning item earlier in the input, and a
 * function call output whose call is not in the input.
 */
final class FakeResponses implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final Function<JsonNode, String> answer;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> encrypted = new ConcurrentHashMap<>();
  private final Map<String, String> followingItem = new ConcurrentHashMap<>();
  private final Map<String, String> reasoningOfCall = new ConcurrentHashMap<>();
  private final AtomicInteger responses = new AtomicInteger();

  private FakeResponses(HttpServer server, ExecutorService executor, Function<JsonNode, String> a) {
    this.server = server;
    this.executor = executor;
    this.answer = a;
  }

  /**
   * Starts a server.
   *
   * @param answer from a request body to the JSON array of output items to answer with
   */
  static FakeResponses start(Function<JsonNode, String> answer) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool();
      FakeResponses f = new FakeResponses(http, executor, answer);
      http.setExecutor(executor);
      http.createContext("/v1/responses", f::handle);
      http.start();
      return f;
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
    JsonNode body =
        Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(body);
    String problem = check(body.path("input"));
    if (problem != null) {
      ObjectNode error = JsonNodeFactory.instance.objectNode();
      error
          .putObject("error")
          .put("message", problem)
          .put("type", "invalid_request_error")
          .put("param", "input")
          .putNull("code");
      send(exchange, 400, error.toString());
      return;
    }
    ArrayNode output;
    try {
      output = (ArrayNode) Json.parse(answer.apply(body));
    } catch (RuntimeException e) {
      send(exchange, 500, "{\"error\":{\"message\":\"test answer failed: " + e + "\"}}");
      return;
    }
    remember(output);
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("id", "resp_" + responses.incrementAndGet())
        .put("object", "response")
        .put("status", "completed")
        .put("model", body.path("model").asText() + "-2026-03-05");
    r.set("output", output);
    r.putObject("usage")
        .put("input_tokens", 1000)
        .put("output_tokens", 100)
        .put("total_tokens", 1100);
    send(exchange, 200, r.toString());
  }

  /** OpenAI's stateless input checks; null when the input is acceptable. */
  private String check(JsonNode input) {
    List<String> seenCalls = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < input.size(); i++) {
      positions.put(input.get(i).path("id").asText(""), i);
    }
    for (int i = 0; i < input.size(); i++) {
      JsonNode item = input.get(i);
      String type = item.path("type").asText("");
      String id = item.path("id").asText("");
      if (type.equals("reasoning")) {
        String issued = encrypted.get(id);
        if (issued == null || !issued.equals(item.path("encrypted_content").asText(""))) {
          return "The encrypted content for item " + id + " could not be verified.";
        }
        String next = followingItem.get(id);
        if (next != null
            && (i + 1 >= input.size() || !next.equals(input.get(i + 1).path("id").asText("")))) {
          return "Item '"
              + id
              + "' of type 'reasoning' was provided without its required following item.";
        }
      } else if (type.equals("function_call")) {
        String rs = reasoningOfCall.get(id);
        Integer at = rs == null ? null : positions.get(rs);
        if (rs != null && (at == null || at > i)) {
          return "Item '"
              + id
              + "' of type 'function_call' was provided without its required 'reasoning' item: '"
              + rs
              + "'.";
        }
        seenCalls.add(item.path("call_id").asText());
      } else if (type.equals("function_call_output")) {
        if (!seenCalls.contains(item.path("call_id").asText())) {
          return "No tool call found for function call output with call_id "
              + item.path("call_id").asText()
              + ".";
        }
      }
    }
    return null;
  }

  private void remember(ArrayNode output) {
    String lastReasoning = null;
    for (int i = 0; i < output.size(); i++) {
      JsonNode item = output.get(i);
      String id = item.path("id").asText("");
      if (item.path("type").asText().equals("reasoning")) {
        encrypted.put(id, item.path("encrypted_content").asText(""));
        if (i + 1 < output.size()) {
          followingItem.put(id, output.get(i + 1).path("id").asText(""));
        }
        lastReasoning = id;
      } else if (item.path("type").asText().equals("function_call") && lastReasoning != null) {
        reasoningOfCall.put(id, lastReasoning);
      }
    }
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
    executor.shutdownNow();
  }
}
