package dev.taskforce.transport;

import dev.taskforce.cancel.CancellationToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} over {@link HttpURLConnection}; see {@link TransportFactory#URL_CONNECTION}.
 */
final class UrlConnectionTransport implements Transport {

  private static final InputStream EMPTY = InputStream.nullInputStream();

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;

  /** The URL of the last URI sent to: a client posts to the same few URIs, parsed once. */
  private volatile @Nullable Target last;

  private record Target(URI uri, URL url) {}

  UrlConnectionTransport(TransportConfig config) {
    this.connectTimeoutMillis = (int) config.connectTimeout().toMillis();
    this.readTimeoutMillis = (int) config.readTimeout().toMillis();
  }

  @Override
  public TransportResponse send(TransportRequest request, CancellationToken cancellation)
      throws IOException {
    cancellation.throwIfCancelled();
    HttpURLConnection c = (HttpURLConnection) url(request.uri()).openConnection();
    c.setConnectTimeout(connectTimeoutMillis);
    c.setReadTimeout(readTimeoutMillis);
    c.setUseCaches(false);
    c.setInstanceFollowRedirects(false);
    c.setRequestMethod(request.method());
    for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
      for (String value : h.getValue()) {
        c.addRequestProperty(h.getKey(), value);
      }
    }
    UrlConnectionGuard guard = new UrlConnectionGuard(c);
    CancellationToken.Registration registration = cancellation.onCancel(guard::cancel);
    try {
      int status;
      guard.enter();
      try {
        byte[] body = request.body();
        if (body != null) {
          c.setDoOutput(true);
          c.setFixedLengthStreamingMode(body.length);
          try (OutputStream out = c.getOutputStream()) {
            out.write(body);
          }
        }
        status = responseCode(c);
      } finally {
        guard.exit();
      }
      if (guard.isCancelled()) {
        throw UrlConnectionGuard.cancelledException();
      }
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      Headers headers = Headers.of(c.getHeaderFields());
      return new TransportResponse(
          status, headers, new UrlConnectionBody(in == null ? EMPTY : in, guard, registration));
    } catch (IOException | RuntimeException e) {
      registration.remove();
      if (guard.isCancelled()) {
        throw UrlConnectionGuard.cancelledException();
      }
      c.disconnect();
      throw e;
    }
  }

  private URL url(URI uri) throws IOException {
    Target t = last;
    if (t != null && t.uri().equals(uri)) {
      return t.url();
    }
    URL url = uri.toURL();
    last = new Target(uri, url);
    return url;
  }

  private static int responseCode(HttpURLConnection c) throws IOException {
    try {
      return c.getResponseCode();
    } catch (HttpRetryException e) {
      // A 401 with WWW-Authenticate in streaming mode: the JDK refuses to go on, but the status
      // is what the caller needs.
      return e.responseCode();
    }
  }

  @Override
  public String toString() {
    return "UrlConnectionTransport{connectTimeout="
        + connectTimeoutMillis
        + "ms, readTimeout="
        + readTimeoutMillis
        + "ms}";
  }
}
