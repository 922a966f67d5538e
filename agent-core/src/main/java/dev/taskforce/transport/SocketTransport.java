package dev.taskforce.transport;

import dev.taskforce.cancel.CancellationToken;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} that speaks HTTP/1.1 itself over sockets, with its own pool of kept-alive
 * connections; see {@link TransportFactory#SOCKET}.
 */
final class SocketTransport implements Transport {

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final Supplier<SSLSocketFactory> tls;
  private final SocketPool pool;
  private final Transport proxied;

  /** The head prefix of the last request: a client sends the same few requests again and again. */
  private volatile @Nullable Last last;

  private record Last(String method, URI uri, Headers headers, SocketRoute route, byte[] prefix) {}

  SocketTransport(TransportConfig config) {
    this(config, SocketTransport::defaultTls, System::nanoTime);
  }

  SocketTransport(TransportConfig config, Supplier<SSLSocketFactory> tls, LongSupplier nanoClock) {
    this.connectTimeoutMillis = (int) config.connectTimeout().toMillis();
    this.readTimeoutMillis = (int) config.readTimeout().toMillis();
    this.tls = tls;
    this.pool = new SocketPool(nanoClock);
    this.proxied = new UrlConnectionTransport(config);
  }

  @Override
  public TransportResponse send(TransportRequest request, CancellationToken cancellation)
      throws IOException {
    cancellation.throwIfCancelled();
    Last l = head(request);
    SocketConnection c = pool.take(l.route());
    if (c == null) {
      if (viaProxy(request.uri())) {
        return proxied.send(request, cancellation);
      }
      c = new SocketConnection(l.route());
    }
    SocketExchange exchange = new SocketExchange(pool);
    exchange.watch(cancellation);
    try {
      exchange.attach(c);
      if (!c.isConnected()) {
        c.connect(connectTimeoutMillis, readTimeoutMillis, tls);
      }
      c.write(RequestHead.complete(l.prefix(), request.body()), request.body());
      ResponseHead head = ResponseHead.read(c, request.method());
      return new TransportResponse(head.status(), head.headers(), SocketBody.of(head, c, exchange));
    } catch (IOException | RuntimeException e) {
      exchange.discard();
      if (exchange.isCancelled()) {
        throw SocketExchange.cancelledException();
      }
      throw e;
    }
  }

  /** The head prefix for a request: the last one's when method, URI and headers are the same. */
  private Last head(TransportRequest request) {
    Last l = last;
    if (l != null
        && l.headers() == request.headers()
        && l.uri().equals(request.uri())
        && l.method().equals(request.method())) {
      return l;
    }
    SocketRoute route =
        l != null && sameOrigin(l.uri(), request.uri()) ? l.route() : SocketRoute.of(request.uri());
    byte[] prefix = RequestHead.prefix(request.method(), request.uri(), route, request.headers());
    l = new Last(request.method(), request.uri(), request.headers(), route, prefix);
    last = l;
    return l;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  /**
   * Whether the default {@link ProxySelector} routes a URI through a proxy. Asked only before
   * opening a new connection; such calls go through {@code HttpURLConnection}, which supports every
   * kind of proxy and proxy authentication.
   */
  private static boolean viaProxy(URI uri) {
    ProxySelector selector = ProxySelector.getDefault();
    if (selector == null) {
      return false;
    }
    List<Proxy> proxies = selector.select(uri);
    return proxies != null && !proxies.isEmpty() && proxies.get(0).type() != Proxy.Type.DIRECT;
  }

  private static SSLSocketFactory defaultTls() {
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  /** How many idle connections are kept alive, for tests. */
  int idleConnections() {
    return pool.idleCount();
  }

  @Override
  public String toString() {
    return "SocketTransport{connectTimeout="
        + connectTimeoutMillis
        + "ms, readTimeout="
        + readTimeoutMillis
        + "ms}";
  }
}
