package dev.taskforce.test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Plays a {@link Fault}: the status, headers and body (or stream) the service sends for it. */
final class FaultResponses {

  private final HttpExchange exchange;
  private final boolean streaming;
  private final Completion partial;
  private final String bodyPrefix;
  private final int keepAlives;

  /**
   * Prepares to answer one request.
   *
   * @param partial the completion whose envelope (id, model, provider) and partial text a fault
   *     that starts an answer uses
   * @param bodyPrefix what a plain 200 body starts with (keep-alive whitespace, or nothing)
   */
  FaultResponses(
      HttpExchange exchange,
      boolean streaming,
      Completion partial,
      String bodyPrefix,
      int keepAlives) {
    this.exchange = exchange;
    this.streaming = streaming;
    this.partial = partial;
    this.bodyPrefix = bodyPrefix;
    this.keepAlives = keepAlives;
  }

  static void checkErrorCode(int code) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("code must be an error status, 400 to 599, was " + code);
    }
  }

  /** The {@code error.metadata.error_type} OpenRouter uses for a status. */
  static String errorTypeFor(int code) {
    switch (code) {
      case 400:
        return "invalid_request";
      case 401:
        return "authentication";
      case 402:
        return "payment_required";
      case 403:
        return "permission_denied";
      case 404:
        return "not_found";
      case 408:
      case 504:
        return "timeout";
      case 429:
        return "rate_limit_exceeded";
      case 502:
        return "provider_unavailable";
      case 503:
        return "provider_overloaded";
      default:
        return code >= 500 ? "server" : "invalid_request";
    }
  }

  /** Sends the fault. */
  void send(Fault fault) throws IOException {
    if (fault instanceof Fault.RateLimited f) {
      ObjectNode body = Wire.error(429, "Provider returned error");
      ObjectNode metadata = ((ObjectNode) body.get("error")).putObject("metadata");
      metadata.put("raw", f.raw()).put("provider_name", f.providerName()).put("is_byok", false);
      if (f.retryAfter() != null) {
        long seconds = seconds(f.retryAfter());
        exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        metadata.put("retry_after_seconds", seconds);
        metadata.putObject("headers").put("Retry-After", Long.toString(seconds));
      }
      Wire.sendJson(exchange, 429, body);
    } else if (fault instanceof Fault.ServerError f) {
      if (f.retryAfter() != null) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds(f.retryAfter())));
      }
      Wire.sendJson(exchange, f.status(), Wire.error(f.status(), f.message()));
    } else if (fault instanceof Fault.InsufficientCredits f) {
      Wire.sendJson(exchange, 402, Wire.error(402, insufficientCreditsMessage(f)));
    } else if (fault instanceof Fault.ErrorInBody f) {
      ObjectNode body = errorObject(f.code(), f.message(), f.errorType());
      body.put("user_id", Wire.USER_ID);
      if (streaming) {
        SseWriter sse = new SseWriter(exchange, partial.id());
        for (int i = 0; i < keepAlives; i++) {
          sse.keepAlive();
        }
        sse.data(body);
      } else {
        exchange.getResponseHeaders().set("X-Generation-Id", partial.id());
        Wire.sendJson(exchange, 200, bodyPrefix, body);
      }
    } else if (fault instanceof Fault.FailedMidResponse f) {
      failMidResponse(f);
    } else if (fault instanceof Fault.Truncated) {
      truncate();
    } else if (fault instanceof Fault.HttpError f) {
      for (Map.Entry<String, String> h : f.headers().entrySet()) {
        exchange.getResponseHeaders().set(h.getKey(), h.getValue());
      }
      byte[] bytes = f.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(f.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static String insufficientCreditsMessage(Fault.InsufficientCredits f) {
    return "This request requires more credits, or fewer max_tokens. You requested up to "
        + f.requestedTokens()
        + " tokens, but can only afford "
        + f.affordableTokens()
        + ". To increase, visit https://openrouter.ai/settings/keys and create a key with a"
        + " higher limit";
  }

  private void failMidResponse(Fault.FailedMidResponse f) throws IOException {
    ObjectNode error = (ObjectNode) errorObject(f.code(), f.message(), f.errorType()).get("error");
    if (streaming) {
      SseWriter sse = new SseWriter(exchange, partial.id());
      CompletionStream stream = new CompletionStream(partial, sse);
      stream.writeStart(keepAlives);
      stream.writeText(partial.text());
      // Wire doc 5.3: one last chunk carrying the error, then the stream just ends.
      ObjectNode last = CompletionBody.envelope(partial, "chat.completion.chunk");
      last.set("error", error);
      ObjectNode choice = last.putArray("choices").addObject().put("index", 0);
      choice.putObject("delta").put("content", "");
      choice.put("finish_reason", "error");
      sse.data(last);
    } else {
      ObjectNode body = CompletionBody.json(partial);
      ObjectNode choice = (ObjectNode) body.get("choices").get(0);
      choice.put("finish_reason", "error").putNull("native_finish_reason");
      choice.set("error", error);
      exchange.getResponseHeaders().set("X-Generation-Id", partial.id());
      Wire.sendJson(exchange, 200, bodyPrefix, body);
    }
  }

  private void truncate() throws IOException {
    if (streaming) {
      CompletionStream stream =
          new CompletionStream(partial, new SseWriter(exchange, partial.id()));
      stream.writeStart(keepAlives);
      stream.writeText(partial.text());
      return; // Closing the exchange ends the chunked body cleanly, with no [DONE].
    }
    sendHalf(exchange, bodyPrefix + Wire.write(CompletionBody.json(partial)), partial.id());
  }

  /** A 200 whose body stops halfway: the connection drops with bytes still owed. */
  static void sendHalf(HttpExchange exchange, String body, String generationId) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Generation-Id", generationId);
    exchange.sendResponseHeaders(200, bytes.length);
    OutputStream out = exchange.getResponseBody();
    out.write(bytes, 0, bytes.length / 2);
    out.flush();
    // Not closing the stream here: when the exchange is closed with bytes still owed, the JDK
    // server drops the connection, which is the cut we want the client to see. (Closing the
    // stream itself would mark the exchange done and leave the client waiting.)
  }

  static ObjectNode errorObject(int code, String message, @Nullable String errorType) {
    ObjectNode root = Wire.F.objectNode();
    ObjectNode error = root.putObject("error").put("code", code).put("message", message);
    if (errorType != null) {
      error.putObject("metadata").put("error_type", errorType);
    }
    return root;
  }

  private static long seconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }
}
