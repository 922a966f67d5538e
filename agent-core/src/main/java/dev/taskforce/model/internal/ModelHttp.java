package dev.taskforce.model.internal;

import static java.util.Objects.requireNonNull;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.model.ConnectionException;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.RequestTimeoutException;
import dev.taskforce.transport.Headers;
import dev.taskforce.transport.Transport;
import dev.taskforce.transport.TransportRequest;
import dev.taskforce.transport.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Sends a model provider's requests: URLs, fixed headers, the key, and turning failures into typed
 * exceptions. Every text that goes into an exception passes through {@link #redact}, which removes
 * the key and the other configured secrets (a gateway's own credential, for example).
 *
 * <p>Thread-safe.
 */
public final class ModelHttp {

  /** The most bytes of an error body read. */
  public static final int MAX_ERROR_BODY = 64 * 1024;

  /** The largest declared length a whole body is read into at once; beyond, the array grows. */
  private static final int MAX_PRESIZED_BODY = 16 << 20;

  /** The most request URIs kept parsed. */
  private static final int MAX_CACHED_URIS = 64;

  private final Transport transport;
  private final String baseUrl;
  private final ApiKey key;
  private final String[] fixedHeaders;
  private final List<String> secrets;

  /**
   * The headers of a JSON post and of a streaming post; null when the key is required but absent.
   */
  private final @Nullable Headers postJson;

  private final @Nullable Headers postStream;

  /** Request URIs by path: a model's few paths are parsed once, not per request. */
  private final Map<String, URI> uris = new ConcurrentHashMap<>();

  /**
   * Creates the sender.
   *
   * @param transport the HTTP transport
   * @param baseUrl the API root without a trailing slash (see {@link #normalizeBaseUrl})
   * @param key the key, sent as {@code Authorization: Bearer}
   * @param headers headers sent with every request
   * @param secrets more values to keep out of texts, for example a gateway credential sent in
   *     {@code headers}
   */
  public ModelHttp(
      Transport transport,
      String baseUrl,
      ApiKey key,
      Map<String, String> headers,
      List<String> secrets) {
    this.transport = requireNonNull(transport, "transport == null");
    this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
    this.key = requireNonNull(key, "key == null");
    List<String> h = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          h.add(name);
          h.add(value);
        });
    this.fixedHeaders = h.toArray(new String[0]);
    List<String> s = new ArrayList<>();
    for (String secret : secrets) {
      s.add(secret);
      if (secret.regionMatches(true, 0, "Bearer ", 0, 7)) {
        s.add(secret.substring(7).strip()); // An echo may carry the token without its scheme.
      }
    }
    this.secrets = List.copyOf(s);
    boolean keyUsable = key.isPresent() || !key.isRequired();
    this.postJson = keyUsable ? postHeaders(false) : null;
    this.postStream = keyUsable ? postHeaders(true) : null;
  }

  private Headers postHeaders(boolean stream) {
    return headers(
        true,
        "Content-Type",
        "application/json",
        "Accept",
        stream ? "text/event-stream" : "application/json");
  }

  /**
   * Checks and normalises a base URL: stripped, without trailing slashes, http or https.
   *
   * @param url the URL as configured
   * @param parameter the builder method or setting that gave it, for the error message
   * @return the normalised URL
   * @throws IllegalArgumentException if it is not an http(s) URL
   */
  public static String normalizeBaseUrl(String url, String parameter) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    if (!(u.startsWith("https://") || u.startsWith("http://"))) {
      throw new IllegalArgumentException(
          parameter + " must start with https:// or http://, was: " + u);
    }
    return u;
  }

  /**
   * @return the API root
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * @return the key (its {@code toString()} hides it)
   */
  public ApiKey key() {
    return key;
  }

  /**
   * Posts a JSON body. Sends the key when present; a required key that is missing fails here.
   *
   * @param path the path after the base URL, starting with {@code /}
   * @param body the JSON body
   * @param stream whether to ask for {@code text/event-stream}
   * @param token cancels the call
   * @return the response; close it
   * @throws IOException if the call fails
   * @throws IllegalStateException if a required key is missing
   */
  public TransportResponse post(String path, byte[] body, boolean stream, CancellationToken token)
      throws IOException {
    Headers headers = stream ? postStream : postJson;
    if (headers == null) {
      headers = postHeaders(stream); // Fails: the key is required and missing.
    }
    return transport.send(new TransportRequest("POST", uri(path), headers, body), token);
  }

  /**
   * Gets a resource. Sends the key when present; a required key that is missing fails only when
   * {@code needsKey} is set.
   *
   * @param pathAndQuery the path after the base URL, with any query
   * @param needsKey whether the resource needs the key
   * @param token cancels the call
   * @return the response; close it
   * @throws IOException if the call fails
   */
  public TransportResponse get(String pathAndQuery, boolean needsKey, CancellationToken token)
      throws IOException {
    Headers headers = headers(needsKey, "Accept", "application/json");
    return transport.send(TransportRequest.get(uri(pathAndQuery), headers), token);
  }

  private Headers headers(boolean needsKey, String... more) {
    boolean auth = key.isPresent() || (needsKey && key.isRequired());
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
    URI uri = uris.get(path);
    if (uri == null) {
      uri = URI.create(baseUrl + path);
      if (uris.size() < MAX_CACHED_URIS) { // Paths with queries vary; keep the cache bounded.
        uris.put(path, uri);
      }
    }
    return uri;
  }

  /**
   * Reads a whole body: into one array of its {@code Content-Length} when the response declares one
   * (no growing buffers, no copy), else as {@link InputStream#readAllBytes()} does. A body shorter
   * than declared gives the bytes that came; one longer (a transport that decodes) is read to its
   * end.
   *
   * @param response the response; not closed
   * @return the body
   * @throws IOException if reading fails
   */
  public static byte[] readWholeBody(TransportResponse response) throws IOException {
    InputStream in = response.body();
    long declared = contentLength(response.headers());
    if (declared < 0 || declared > MAX_PRESIZED_BODY) {
      return in.readAllBytes();
    }
    byte[] body = new byte[(int) declared];
    int n = in.readNBytes(body, 0, body.length);
    if (n < body.length) {
      return Arrays.copyOf(body, n);
    }
    int next = in.read();
    if (next < 0) {
      return body;
    }
    ByteArrayOutputStream more = new ByteArrayOutputStream(body.length * 2);
    more.write(body);
    more.write(next);
    in.transferTo(more);
    return more.toByteArray();
  }

  private static long contentLength(Headers headers) {
    String value = headers.value("Content-Length").orElse(null);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Reads an error response (a status other than 2xx) into its exception.
   *
   * @param response the response; closed by this method
   * @return the exception, not thrown
   */
  public ModelException error(TransportResponse response) {
    byte[] body;
    try {
      body = response.readBody(MAX_ERROR_BODY);
    } catch (IOException e) {
      body = new byte[0]; // The status alone still says what happened.
    }
    return ErrorParser.fromHttp(response.status(), response.headers(), body, this::redact);
  }

  /**
   * The exception for an I/O failure: a {@link RequestTimeoutException} for a timeout, else a
   * {@link ConnectionException}.
   *
   * @param e the failure
   * @param what the call, for example {@code POST /responses}
   * @return the exception, not thrown
   */
  public ModelException failure(IOException e, String what) {
    if (e instanceof SocketTimeoutException) {
      return new RequestTimeoutException(
          ModelError.withoutResponse(
              what + " timed out: " + redact(String.valueOf(e.getMessage()))),
          e);
    }
    return new ConnectionException(what + " failed: " + redact(e.toString()), e);
  }

  /**
   * Removes the key and every configured secret from a text.
   *
   * @param text any text
   * @return the text without secrets
   */
  public String redact(String text) {
    String t = key.redact(text);
    for (String secret : secrets) {
      t = ApiKey.redact(t, secret);
    }
    return t;
  }
}
