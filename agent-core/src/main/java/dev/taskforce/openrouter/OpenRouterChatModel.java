package dev.taskforce.openrouter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.MalformedResponseException;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.StreamListener;
import dev.taskforce.model.StreamTruncatedException;
import dev.taskforce.model.internal.CallLog;
import dev.taskforce.model.internal.ErrorParser;
import dev.taskforce.model.internal.ModelHttp;
import dev.taskforce.transport.Headers;
import dev.taskforce.transport.SseEvent;
import dev.taskforce.transport.SseReader;
import dev.taskforce.transport.TransportResponse;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One OpenRouter model behind {@link ChatModel}: {@code POST /chat/completions}. Thread-safe. */
final class OpenRouterChatModel implements ChatModel {

  private static final Logger log = LoggerFactory.getLogger(OpenRouterChatModel.class);
  private static final String PATH = "/chat/completions";

  private final String id;
  private final ModelHttp http;
  private final Supplier<ModelCatalog> catalog;
  private final RequestWriter writer = new RequestWriter();

  OpenRouterChatModel(String id, ModelHttp http, Supplier<ModelCatalog> catalog) {
    this.id = id;
    this.http = http;
    this.catalog = catalog;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ModelInfo info() {
    return catalog.get().info(id);
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    byte[] body = writer.write(id, request, false);
    long start = System.nanoTime();
    try (TransportResponse r = http.post(PATH, body, false, request.cancellation())) {
      if (!r.isSuccessful()) {
        throw http.error(r);
      }
      ChatResponse response = whole(r.status(), r.headers(), ModelHttp.readWholeBody(r));
      CallLog.done(log, PATH, id, response, start, false);
      return response;
    } catch (IOException e) {
      throw http.failure(e, "POST " + PATH);
    }
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    byte[] body = writer.write(id, request, true);
    long start = System.nanoTime();
    try (TransportResponse r = http.post(PATH, body, true, request.cancellation())) {
      if (!r.isSuccessful()) {
        throw http.error(r);
      }
      ChatResponse response;
      if (!r.headers().value("Content-Type").orElse("").contains("text/event-stream")) {
        // A JSON answer to a streaming request (an error, or a proxy that buffers): same rules.
        response = whole(r.status(), r.headers(), ModelHttp.readWholeBody(r));
        StreamListener.replay(response, listener);
      } else {
        response = events(r, listener);
      }
      CallLog.done(log, PATH, id, response, start, true);
      return response;
    } catch (IOException e) {
      throw http.failure(e, "POST " + PATH + " (stream)");
    }
  }

  private ChatResponse whole(int status, Headers headers, byte[] bytes) {
    ResponseAccumulator acc = new ResponseAccumulator(false, StreamListener.NONE);
    try (JsonParser p = CompletionParser.FACTORY.createParser(bytes)) {
      CompletionParser.parse(p, bytes, acc);
    } catch (JsonProcessingException e) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      throw new MalformedResponseException(
          status,
          text.isBlank()
              ? "empty response body"
              : "response body is not valid JSON: " + e.getOriginalMessage(),
          http.redact(text),
          e);
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory failed", e);
    }
    JsonNode error = acc.error();
    if (error != null) {
      throw failed(error, bytes, headers, ErrorOrigin.RESPONSE_BODY);
    }
    JsonNode choiceError = acc.failedChoice();
    if (choiceError != null) {
      throw failed(choiceError, bytes, headers, ErrorOrigin.CHOICE);
    }
    if (!acc.sawChoice()) {
      throw new MalformedResponseException(
          status,
          "response has no choices",
          http.redact(new String(bytes, StandardCharsets.UTF_8)),
          null);
    }
    return build(acc, headers);
  }

  private ChatResponse events(TransportResponse r, StreamListener listener) throws IOException {
    ResponseAccumulator acc = new ResponseAccumulator(true, listener);
    SseReader sse = new SseReader(r.body());
    try {
      for (SseEvent e = sse.next(); e != null; e = sse.next()) {
        String data = e.data();
        try (JsonParser p = CompletionParser.FACTORY.createParser(data)) {
          CompletionParser.parse(p, null, acc);
        } catch (JsonProcessingException ex) {
          throw new MalformedResponseException(
              r.status(),
              "stream event is not valid JSON: " + ex.getOriginalMessage(),
              http.redact(data),
              ex);
        }
        JsonNode error = acc.error();
        if (error == null) {
          error = acc.failedChoice();
        }
        if (error != null) {
          throw failed(
              error, data.getBytes(StandardCharsets.UTF_8), r.headers(), ErrorOrigin.STREAM);
        }
        if (acc.isComplete()) {
          sse.markComplete(); // Finish reason and usage are in: a missing [DONE] loses nothing.
        }
      }
    } catch (EOFException e) {
      throw new StreamTruncatedException(
          "the stream ended without [DONE] and before its finish reason and usage", e);
    }
    return build(acc, r.headers());
  }

  private ModelException failed(JsonNode error, byte[] body, Headers headers, ErrorOrigin origin) {
    String text = new String(body, StandardCharsets.UTF_8);
    return ErrorParser.fromNode(
        error, text, headers, origin, ErrorParser.UNSPECIFIED_PROVIDER_FAILURE, http::redact);
  }

  private ChatResponse build(ResponseAccumulator acc, Headers headers) {
    ModelCatalog c = catalog.get();
    return acc.build(
        id, headers.value("X-Generation-Id").orElse(null), model -> c.find(model).orElse(null));
  }

  @Override
  public String toString() {
    return "OpenRouterChatModel{" + id + " at " + http.baseUrl() + "}";
  }
}
