package dev.taskforce.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.taskforce.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Records every request, checks the key, and sends each path to its handler. */
final class Router implements HttpHandler {

  static final String PREFIX = "/api/v1";

  private final String apiKey;
  private final FakeModels models;
  private final ChatHandler chat;
  private final ResponsesHandler responses;
  private final Generations generations;
  private final List<RecordedRequest> requests = new ArrayList<>();

  Router(
      String apiKey,
      FakeModels models,
      ChatHandler chat,
      ResponsesHandler responses,
      Generations generations) {
    this.apiKey = apiKey;
    this.models = models;
    this.chat = chat;
    this.responses = responses;
    this.generations = generations;
  }

  synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RecordedRequest recorded = record(exchange);
      int number;
      synchronized (this) {
        requests.add(recorded);
        number = requests.size();
      }
      route(exchange, recorded, number);
    } catch (IOException clientWentAway) {
      // The client closed the connection mid-answer (cancellation, a timeout): nothing to do.
    }
  }

  private void route(HttpExchange exchange, RecordedRequest r, int number) throws IOException {
    String path = r.path();
    boolean get = r.method().equals("GET");
    boolean post = r.method().equals("POST");
    if (path.equals(PREFIX + "/models")) {
      if (get) {
        Wire.sendJson(exchange, 200, models.listJson());
      } else {
        methodNotAllowed(exchange);
      }
    } else if (path.equals(PREFIX + "/chat/completions")) {
      if (!post) {
        methodNotAllowed(exchange);
      } else if (authorized(exchange, r)) {
        chat.handle(exchange, r, number);
      }
    } else if (path.equals(PREFIX + "/responses")) {
      if (!post) {
        methodNotAllowed(exchange);
      } else if (authorized(exchange, r)) {
        responses.handle(exchange, r, number);
      }
    } else if (path.equals(PREFIX + "/generation")) {
      if (!get) {
        methodNotAllowed(exchange);
      } else if (authorized(exchange, r)) {
        generation(exchange, r);
      }
    } else {
      Wire.sendJson(exchange, 404, Wire.anonymousError(404, "Not Found"));
    }
  }

  private boolean authorized(HttpExchange exchange, RecordedRequest r) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.equals("Bearer " + apiKey)) {
      return true;
    }
    Wire.sendJson(exchange, 401, Wire.anonymousError(401, "No auth credentials found"));
    return false;
  }

  private void generation(HttpExchange exchange, RecordedRequest r) throws IOException {
    String id = queryParameter(r.query(), "id");
    if (id == null || id.isEmpty()) {
      Wire.sendJson(exchange, 400, Wire.error(400, "Missing generation id"));
      return;
    }
    String json = generations.json(id);
    if (json == null) {
      Wire.sendJson(exchange, 404, Wire.error(404, "Generation " + id + " not found"));
    } else {
      Wire.sendJson(exchange, 200, Json.parse(json));
    }
  }

  private static void methodNotAllowed(HttpExchange exchange) throws IOException {
    Wire.sendJson(exchange, 405, Wire.anonymousError(405, "Method Not Allowed"));
  }

  private static RecordedRequest record(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(
                    name, name.equalsIgnoreCase("Authorization") ? redact(values) : values));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    return new RecordedRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        new String(body, StandardCharsets.UTF_8));
  }

  /** Keeps the scheme, so a test can see a bearer key was sent, never the key. */
  private static List<String> redact(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      int space = v.indexOf(' ');
      out.add(space > 0 ? v.substring(0, space) + " [redacted]" : "[redacted]");
    }
    return out;
  }

  private static @Nullable String queryParameter(@Nullable String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
