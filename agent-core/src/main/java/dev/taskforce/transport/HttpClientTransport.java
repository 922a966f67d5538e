package dev.taskforce.transport;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A {@link Transport} over {@link HttpClient}; see {@link TransportFactory#HTTP_CLIENT}. */
final class HttpClientTransport implements Transport {

  private final HttpClient client;
  private final Duration readTimeout;

  HttpClientTransport(TransportConfig config) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = config.readTimeout();
  }

  @Override
  public TransportResponse send(TransportRequest request, CancellationToken cancellation)
      throws IOException {
    cancellation.throwIfCancelled();
    HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(readTimeout);
    if ("http".equalsIgnoreCase(request.uri().getScheme())) {
      b.version(HttpClient.Version.HTTP_1_1); // No h2c upgrade on plain connections.
    }
    for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
      for (String value : h.getValue()) {
        b.header(h.getKey(), value);
      }
    }
    byte[] body = request.body();
    b.method(
        request.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    CompletableFuture<HttpResponse<InputStream>> future =
        client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    CancellationToken.Registration registration = cancellation.onCancel(() -> future.cancel(true));
    HttpResponse<InputStream> response;
    try {
      response = future.get();
    } catch (CancellationException e) {
      throw new CancelledException("HTTP call cancelled");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause(), cancellation);
    } finally {
      registration.remove();
    }
    HttpClientBody in = new HttpClientBody(response.body(), readTimeout.toNanos(), cancellation);
    in.start(); // Closes the body if the token was cancelled meanwhile.
    return new TransportResponse(response.statusCode(), Headers.of(response.headers().map()), in);
  }

  private static IOException unwrap(Throwable cause, CancellationToken cancellation) {
    if (cancellation.isCancelled() || cause instanceof CancellationException) {
      throw new CancelledException("HTTP call cancelled");
    }
    if (cause instanceof HttpTimeoutException) {
      SocketTimeoutException t = new SocketTimeoutException(cause.getMessage());
      t.initCause(cause);
      return t;
    }
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    return new IOException(cause);
  }

  @Override
  public String toString() {
    return "HttpClientTransport{readTimeout=" + readTimeout + "}";
  }
}
