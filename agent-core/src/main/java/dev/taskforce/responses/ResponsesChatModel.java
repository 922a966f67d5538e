package dev.taskforce.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.internal.Json;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.MalformedResponseException;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.StreamListener;
import dev.taskforce.model.StreamTruncatedException;
import dev.taskforce.model.internal.CallLog;
import dev.taskforce.model.internal.ModelHttp;
import dev.taskforce.transport.Headers;
import dev.taskforce.transport.SseEvent;
import dev.taskforce.transport.SseReader;
import dev.taskforce.transport.TransportResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One model behind {@link ChatModel}, spoken to with {@code POST /responses}. Thread-safe. */
final class ResponsesChatModel implements ChatModel {

  private static final Logger log = LoggerFactory.getLogger(ResponsesChatModel.class);
  private static final String PATH = "/responses";

  private final String id;
  private final ModelHttp http;
  private final Settings settings;
  private final ModelCatalog catalog;
  private final ResponseChain chain;
  private final BackgroundPoller poller;

  ResponsesChatModel(
      String id, ModelHttp http, Settings settings, ModelCatalog catalog, ResponseChain chain) {
    this.id = id;
    this.http = http;
    this.settings = settings;
    this.catalog = catalog;
    this.chain = chain;
    this.poller =
        new BackgroundPoller(
            http,
            settings.pollInterval(),
            settings.retryPolicy(),
            r -> parse(r.status(), r.headers(), ModelHttp.readWholeBody(r)));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ModelInfo info() {
    return ModelIds.info(catalog, id);
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return call(request, null);
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    if (settings.background()) {
      // Polled, not streamed: the listener gets the finished answer in one go.
      ChatResponse r = chat(request);
      StreamListener.replay(r, listener);
      return r;
    }
    return call(request, listener);
  }

  /** Sends the request, continuing a stored response when chaining; streams when asked. */
  private ChatResponse call(ChatRequest request, @Nullable StreamListener listener) {
    ResponseChain.Link link = settings.chain() ? chain.find(id, request.messages()) : null;
    ChatResponse response;
    try {
      response = send(request, listener, link);
    } catch (BadRequestException e) {
      if (link == null || !e.getMessage().contains("previous_response")) {
        throw e;
      }
      // The stored response expired or was deleted: send the whole conversation instead.
      log.debug("previous response {} is gone, sending the whole conversation", link.responseId());
      chain.forget(link.responseId());
      response = send(request, listener, null);
    }
    if (settings.chain() && response.id() != null) {
      chain.remember(id, request.messages(), response.message(), response.id());
    }
    return response;
  }

  private ChatResponse send(
      ChatRequest request, @Nullable StreamListener listener, ResponseChain.@Nullable Link link) {
    boolean stream = listener != null;
    byte[] body =
        BodyWriter.write(
            id,
            request,
            settings,
            stream,
            link == null ? null : link.responseId(),
            link == null ? 0 : link.from());
    long start = System.nanoTime();
    String what = "POST " + PATH + (stream ? " (stream)" : "");
    ChatResponse response;
    try (TransportResponse r = http.post(PATH, body, stream, request.cancellation())) {
      if (!r.isSuccessful()) {
        throw http.error(r);
      }
      boolean sse = r.headers().value("Content-Type").orElse("").contains("text/event-stream");
      if (stream && sse) {
        response = events(r, listener);
      } else {
        JsonNode root = parse(r.status(), r.headers(), ModelHttp.readWholeBody(r));
        if (BackgroundPoller.isPending(root)) {
          root = poller.await(root, request.cancellation());
        }
        response = finished(root, r.headers(), ErrorOrigin.RESPONSE_BODY);
        if (stream) {
          StreamListener.replay(response, listener); // A JSON answer to a streaming request.
        }
      }
    } catch (IOException e) {
      throw http.failure(e, what);
    }
    CallLog.done(log, PATH, id, response, start, stream);
    return response;
  }

  /** Parses a whole body; an {@code error} object with no status is an error in a 200. */
  private JsonNode parse(int status, Headers headers, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new MalformedResponseException(
          status,
          "response body is not valid JSON: " + e.getOriginalMessage(),
          http.redact(text),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedResponseException(
          status,
          text.isBlank() ? "empty response body" : "response body is not a JSON object",
          http.redact(text),
          null);
    }
    JsonNode error = root.get("error");
    if (!root.has("status") && error != null && error.isObject()) {
      throw Failures.bodyError(error, text, headers, http);
    }
    return root;
  }

  /** The answer of a Response object that is no longer pending. */
  private ChatResponse finished(JsonNode root, Headers headers, ErrorOrigin origin) {
    String status = root.path("status").asText("");
    if (status.equals("failed")) {
      throw Failures.failedResponse(root, root.toString(), headers, origin, http);
    }
    if (status.equals("cancelled")) {
      throw new CancelledException("response " + root.path("id").asText("") + " was cancelled");
    }
    if (!status.equals("completed") && !status.equals("incomplete")) {
      throw new MalformedResponseException(
          200, "unexpected response status \"" + status + "\"", http.redact(root.toString()), null);
    }
    List<JsonNode> items = new ArrayList<>();
    root.path("output").forEach(items::add);
    return OutputReader.read(root, items, id, catalog, defaultProvider());
  }

  private ChatResponse events(TransportResponse r, StreamListener listener) throws IOException {
    EventAccumulator acc = new EventAccumulator(listener);
    SseReader sse = new SseReader(r.body());
    try {
      for (SseEvent e = sse.next(); e != null; e = sse.next()) {
        JsonNode event;
        try {
          event = Json.MAPPER.readTree(e.data());
        } catch (JsonProcessingException ex) {
          throw new MalformedResponseException(
              r.status(),
              "stream event is not valid JSON: " + ex.getOriginalMessage(),
              http.redact(e.data()),
              ex);
        }
        if (event == null || !event.isObject()) {
          continue;
        }
        acc.accept(e.event(), event);
        if (acc.error() != null) {
          throw Failures.errorEvent(acc.error(), e.data(), r.headers(), http);
        }
        if (acc.failed() != null) {
          throw Failures.failedResponse(
              acc.failed(), e.data(), r.headers(), ErrorOrigin.STREAM, http);
        }
        if (acc.terminal() != null) {
          sse.markComplete(); // OpenAI ends here; OpenRouter adds [DONE]. Either is a normal end.
        }
      }
    } catch (EOFException e) {
      throw new StreamTruncatedException("the stream ended before its terminal event", e);
    }
    JsonNode terminal = acc.terminal();
    if (terminal == null) {
      throw new StreamTruncatedException("the stream sent [DONE] before its terminal event", null);
    }
    String status = terminal.path("status").asText("");
    if (!status.equals("completed") && !status.equals("incomplete")) {
      return finished(terminal, r.headers(), ErrorOrigin.STREAM); // Throws the right exception.
    }
    return OutputReader.read(terminal, acc.items(), id, catalog, defaultProvider());
  }

  private @Nullable String defaultProvider() {
    return settings.target() instanceof Target.OpenAi ? "OpenAI" : null;
  }

  @Override
  public String toString() {
    return "ResponsesChatModel{" + id + " at " + http.baseUrl() + "}";
  }
}
