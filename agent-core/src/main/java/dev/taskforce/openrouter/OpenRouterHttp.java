package dev.taskforce.openrouter;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.model.ConnectionException;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.RequestTimeoutException;
import dev.taskforce.transport.Headers;
import dev.taskforce.transport.Transport;
import dev.taskforce.transport.TransportRequest;
import dev.taskforce.transport.TransportResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sends OpenRouter requests: URLs, headers, the key, and turning failures into exceptions. */
final class OpenRouterHttp {

  /** The most bytes of an error body read. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private final Transport transport;
  private final String baseUrl;
  private final ApiKey key;
  private final String[] fixedHeaders;

  OpenRouterHttp(Transport transport, String baseUrl, ApiKey key, Map<String, String> headers) {
    this.transport = transport;
    this.baseUrl = baseUrl;
    this.key = key;
    List<String> h = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          h.add(name);
          h.add(value);
        });
    this.fixedHeaders = h.toArray(new String[0]);
  }

  String baseUrl() {
    return baseUrl;
  }

  ApiKey key() {
    return key;
  }

  /** Posts a JSON body; needs the key (an {@link IllegalStateException} when it is missing). */
  TransportResponse post(String path, byte[] body, boolean stream, CancellationToken token)
      throws IOException {
    Headers headers =
        headers(
            true,
            "Content-Type",
            "application/json",
            "Accept",
            stream ? "text/event-stream" : "application/json");
    return transport.send(new TransportRequest("POST", uri(path), headers, body), token);
  }

  /** Gets a resource; sends the key when there is one, and requires it when asked. */
  TransportResponse get(String pathAndQuery, boolean needsKey, CancellationToken token)
      throws IOException {
    Headers headers = headers(needsKey || key.isPresent(), "Accept", "application/json");
    return transport.send(TransportRequest.get(uri(pathAndQuery), headers), token);
  }

  private Headers headers(boolean auth, String... more) {
    String[] all = new String[fixedHeaders.length + more.length + (auth ? 2 : 0)];
    System.arraycopy(fixedHeaders, 0, all, 0, fixedHeaders.length);
    System.arraycopy(more, 0, all, fixedHeaders.length, more.length);
    if (auth) {
      all[all.length - 2] = "Authorization";
      all[all.length - 1] = key.bearer();
    }
    return Headers.of(all);
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  /** Reads an error response into its exception. */
  ModelException error(TransportResponse response) {
    byte[] body;
    try {
      body = response.readBody(MAX_ERROR_BODY);
    } catch (IOException e) {
      body = new byte[0]; // The status alone still says what happened.
    }
    return ErrorParser.fromHttp(response.status(), response.headers(), body, key::redact);
  }

  /** The exception for an I/O failure while talking to OpenRouter. */
  ModelException failure(IOException e, String what) {
    if (e instanceof SocketTimeoutException) {
      return new RequestTimeoutException(
          ModelError.withoutResponse(
              what + " timed out: " + key.redact(String.valueOf(e.getMessage()))),
          e);
    }
    return new ConnectionException(what + " failed: " + key.redact(e.toString()), e);
  }

  String redact(String text) {
    return key.redact(text);
  }
}
