package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a plain client does with {@code java.net.http}: send requests, read bodies and streams,
 * merge streamed pieces as wire doc section 5.4 says. Deliberately independent of agent-core's
 * client, so the server is tested against the wire format, not against our own client.
 */
final class RawClient {

  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final FakeOpenRouter server;

  RawClient(FakeOpenRouter server) {
    this.server = server;
  }

  HttpResponse<String> chat(JsonNode body) {
    return post("/chat/completions", Json.write(body), "Bearer " + server.apiKey());
  }

  HttpResponse<String> post(String path, String body, @Nullable String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
            .header("Authorization", "Bearer " + server.apiKey())
            .GET()
            .build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A chat request body: model, messages, optionally streaming. */
  static ObjectNode request(String model, ArrayNode messages, boolean stream) {
    ObjectNode r = F.objectNode().put("model", model);
    r.set("messages", messages.deepCopy());
    if (stream) {
      r.put("stream", true);
    }
    return r;
  }

  static ArrayNode userSays(String text) {
    ArrayNode messages = F.arrayNode();
    messages.addObject().put("role", "user").put("content", text);
    return messages;
  }

  /**
   * The assistant message a careful client sends back: content, tool calls and reasoning items
   * exactly as received.
   */
  static ObjectNode echo(JsonNode message) {
    ObjectNode m = F.objectNode().put("role", "assistant");
    m.set(
        "content", message.path("content").isMissingNode() ? F.nullNode() : message.get("content"));
    if (message.has("tool_calls")) {
      ArrayNode calls = m.putArray("tool_calls");
      for (JsonNode c : message.get("tool_calls")) {
        ObjectNode call = calls.addObject().put("id", c.get("id").asText()).put("type", "function");
        call.set("function", c.get("function").deepCopy());
      }
    }
    if (message.has("reasoning_details")) {
      m.set("reasoning_details", message.get("reasoning_details").deepCopy());
    }
    return m;
  }

  /** The events of a stream, in order: comments (starting with ':') and data payloads. */
  static List<String> events(String body) {
    List<String> out = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (block.isEmpty()) {
        continue;
      }
      out.add(block.startsWith("data: ") ? block.substring(6) : block);
    }
    return out;
  }

  /** The message a stream spells out, merged as a client must merge it (wire doc 4.4, 5.4). */
  static ObjectNode accumulate(String body) {
    StringBuilder content = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    ArrayNode details = F.arrayNode();
    ArrayNode calls = F.arrayNode();
    ObjectNode out = F.objectNode();
    for (String e : events(body)) {
      if (e.startsWith(":")) {
        continue;
      }
      if (e.equals("[DONE]")) {
        out.put("done", true);
        continue;
      }
      JsonNode chunk = Json.parse(e);
      if (chunk.has("error")) {
        out.set("error", chunk.get("error"));
      }
      if (chunk.has("usage")) {
        out.set("usage", chunk.get("usage"));
      }
      for (JsonNode choice : chunk.path("choices")) {
        JsonNode delta = choice.path("delta");
        content.append(delta.path("content").asText(""));
        reasoning.append(delta.path("reasoning").asText(""));
        delta.path("reasoning_details").forEach(d -> mergeDetail(details, d));
        delta.path("tool_calls").forEach(t -> mergeCall(calls, t));
        if (!choice.path("finish_reason").isNull() && choice.has("finish_reason")) {
          out.set("finish_reason", choice.get("finish_reason"));
        }
      }
    }
    out.put("content", content.toString()).put("reasoning", reasoning.toString());
    out.set("reasoning_details", details);
    out.set("tool_calls", calls);
    return out;
  }

  private static void mergeDetail(ArrayNode acc, JsonNode item) {
    String type = item.path("type").asText();
    JsonNode last = acc.isEmpty() ? null : acc.get(acc.size() - 1);
    boolean sameKey =
        last != null
            && last.path("type").asText().equals(type)
            && last.path("index").equals(item.path("index"));
    if (sameKey && (type.equals("reasoning.text") || type.equals("reasoning.summary"))) {
      ObjectNode l = (ObjectNode) last;
      String field = type.equals("reasoning.text") ? "text" : "summary";
      if (item.has(field)) {
        l.put(field, l.path(field).asText("") + item.get(field).asText(""));
      }
      for (String keep : List.of("signature", "id", "format")) {
        if ((!l.has(keep) || l.get(keep).isNull()) && item.hasNonNull(keep)) {
          l.set(keep, item.get(keep));
        }
      }
    } else {
      acc.add(item.deepCopy());
    }
  }

  private static void mergeCall(ArrayNode calls, JsonNode piece) {
    int index = piece.path("index").asInt();
    while (calls.size() <= index) {
      calls.addObject().put("arguments", "");
    }
    ObjectNode call = (ObjectNode) calls.get(index);
    if (piece.hasNonNull("id")) {
      call.put("id", piece.get("id").asText());
    }
    JsonNode f = piece.path("function");
    if (f.hasNonNull("name")) {
      call.put("name", f.get("name").asText());
    }
    call.put("arguments", call.get("arguments").asText() + f.path("arguments").asText(""));
  }

  /** A streamed message as a request's assistant message, built from {@link #accumulate}. */
  static ObjectNode echoStreamed(ObjectNode merged) {
    ObjectNode m =
        F.objectNode().put("role", "assistant").put("content", merged.get("content").asText());
    if (!merged.get("tool_calls").isEmpty()) {
      ArrayNode calls = m.putArray("tool_calls");
      for (JsonNode c : merged.get("tool_calls")) {
        ObjectNode call = calls.addObject().put("id", c.get("id").asText()).put("type", "function");
        call.putObject("function")
            .put("name", c.get("name").asText())
            .put("arguments", c.get("arguments").asText());
      }
    }
    if (!merged.get("reasoning_details").isEmpty()) {
      m.set("reasoning_details", merged.get("reasoning_details"));
    }
    return m;
  }

  static ObjectNode toolResult(String callId, String content) {
    return F.objectNode().put("role", "tool").put("tool_call_id", callId).put("content", content);
  }
}
