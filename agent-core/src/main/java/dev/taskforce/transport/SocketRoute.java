package dev.taskforce.transport;

import java.net.URI;
import java.util.Locale;

/**
 * Where a {@link SocketTransport} connects: scheme, host and port. Connections are kept alive and
 * reused per route.
 *
 * @param tls whether the connection is {@code https://}
 * @param host the host as the URI gives it (an IPv6 literal keeps its brackets)
 * @param port the port, the scheme's default when the URI has none
 * @param hostHeader the {@code Host} header's value: the host, and the port when it is not the
 *     default
 */
record SocketRoute(boolean tls, String host, int port, String hostHeader) {

  static SocketRoute of(URI uri) {
    boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
    String host = uri.getHost();
    int defaultPort = tls ? 443 : 80;
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    String hostHeader = port == defaultPort ? host : host + ":" + port;
    return new SocketRoute(tls, host, port, hostHeader);
  }

  /** The host without the brackets of an IPv6 literal, for resolving and for TLS. */
  String bareHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public String toString() {
    return (tls ? "https://" : "http://") + hostHeader;
  }
}
