package dev.taskforce.langchain4j;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local {@code POST /v1/responses} server on 127.0.0.1 answering each request with the next
 * scripted list of output items, after checking the input the way OpenAI does for stateless
 * requests: each reasoning item it issued must come back with its {@code encrypted_content}
 * unchanged and directly followed by the item that followed it, each function call must come after
 * its reasoning item, and each call output must answer a call in the input. A violation is a 400
 * with OpenAI's message. Streaming requests get server-sent events ({@code output_item.done} per
 * item, text deltas, {@code response.completed}).
 *
 * <p>(agent-core's own fake Responses server is package-private to its tests; this one is the
 * smallest version of it the LangChain4j tests need.)
 */
final class ResponsesServer implements AutoCloseable {

  static final String KEY = "sk-proj-responses-test-key";

  private final HttpServer server;
  private final List<String> script;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> rejections = new CopyOnWriteArrayList<>();
  private final Map<String, String> encrypted = new ConcurrentHashMap<>();
  private final Map<String, String> followingItem = new ConcurrentHashMap<>();
  private final Map<String, String> reasoningOfCall = new ConcurrentHashMap<>();
  private final AtomicInteger answered = new AtomicInteger();

  private ResponsesServer(HttpServer server, List<String> script) {
    this.server = server;
    this.script = List.copyOf(script);
  }

  /** Starts a server answering the n-th accepted request with {@code outputs[n]}, a JSON array. */
  static ResponsesServer start(String... outputs) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ResponsesServer s = new ResponsesServer(http, List.of(outputs));
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

  List<String> rejections() {
    return List.copyOf(rejections);
  }

  static String reasoning(String id, String summary, String encryptedContent) {
    return "{\"type\":\"reasoning\",\"id\":\""
        + id
        + "\",\"summary\":[{\"type\":\"summary_text\",\"text\":"
        + Json.write(summary)
        + "}],\"encrypted_content\":\""
        + encryptedContent
        + "\",\"status\":\"completed\"}";
  }

  static String call(String id, String callId, String name, String argumentsJson) {
    return "{\"type\":\"function_call\",\"id\":\""
        + id
        + "\",\"call_id\":\""
        + callId
        + "\",\"name\":\""
        + name
        + "\",\"arguments\":"
        + Json.write(argumentsJson)
        + ",\"status\":\"completed\"}";
  }

  static String message(String id, String phase, String text) {
    return "{\"type\":\"message\",\"id\":\""
        + id
        + "\",\"role\":\"assistant\",\"status\":\"completed\",\"phase\":\""
        + phase
        + "\",\"content\":[{\"type\":\"output_text\",\"text\":"
        + Json.write(text)
        + ",\"annotations\":[]}]}";
  }

  static String output(String... items) {
    return "[" + String.join(",", items) + "]";
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body =
        Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(body);
    String problem =
        ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
            ? check(body.path("input"))
            : "Incorrect API key provided.";
    int n = answered.get();
    if (problem == null && n >= script.size()) {
      problem = "no scripted answer left for request " + (n + 1);
    }
    if (problem != null) {
      rejections.add(problem);
      ObjectNode error = JsonNodeFactory.instance.objectNode();
      error
          .putObject("error")
          .put("message", problem)
          .put("type", "invalid_request_error")
          .put("param", "input")
          .putNull("code");
      send(exchange, 400, "application/json", error.toString());
      return;
    }
    ArrayNode output = (ArrayNode) Json.parse(script.get(answered.getAndIncrement()));
    remember(output);
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("id", "resp_" + answered.get())
        .put("object", "response")
        .put("status", "completed")
        .put("model", body.path("model").asText() + "-2026-03-05");
    r.set("output", output);
    r.putObject("usage")
        .put("input_tokens", 1000)
        .put("output_tokens", 100)
        .put("total_tokens", 1100);
    if (body.path("stream").asBoolean()) {
      send(exchange, 200, "text/event-stream", events(r));
    } else {
      send(exchange, 200, "application/json", r.toString());
    }
  }

  private static String events(ObjectNode response) {
    StringBuilder sb = new StringBuilder();
    JsonNode output = response.get("output");
    for (int i = 0; i < output.size(); i++) {
      JsonNode item = output.get(i);
      if (item.path("type").asText().equals("message")) {
        for (JsonNode part : item.path("content")) {
          event(sb, delta(i, part.path("text").asText()));
        }
      }
      ObjectNode done = JsonNodeFactory.instance.objectNode();
      done.put("type", "response.output_item.done").put("output_index", i).set("item", item);
      event(sb, done);
    }
    ObjectNode completed = JsonNodeFactory.instance.objectNode();
    completed.put("type", "response.completed").set("response", response);
    event(sb, completed);
    return sb.toString();
  }

  private static ObjectNode delta(int index, String text) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("type", "response.output_text.delta")
        .put("output_index", index)
        .put("content_index", 0)
        .put("delta", text);
  }

  private static void event(StringBuilder sb, ObjectNode data) {
    sb.append("event: ").append(data.get("type").asText()).append('\n');
    sb.append("data: ").append(data).append("\n\n");
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
      } else if (type.equals("function_call_output")
          && !seenCalls.contains(item.path("call_id").asText())) {
        return "No tool call found for function call output with call_id "
            + item.path("call_id").asText()
            + ".";
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

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
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
