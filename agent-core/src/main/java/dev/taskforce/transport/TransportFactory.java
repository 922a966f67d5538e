package dev.taskforce.transport;

/**
 * Creates a {@link Transport} from timeouts. Three are built in: {@link #SOCKET}, Taskforce's own
 * HTTP/1.1 client and the default, and one over each of the JDK's two HTTP clients. A custom
 * factory can wrap any of them or supply another transport.
 *
 * <p>Why {@link #SOCKET} is the default: in the agent-bench per-turn benchmark (a five-turn tool
 * conversation against a local server, see {@code docs/performance.md}), an agent over {@code
 * HttpURLConnection} spends most of its CPU inside that client, and one over {@code
 * java.net.http.HttpClient} more still, on its selector and executor threads. Over {@link #SOCKET}
 * the same agent costs a fraction of either; it reads on the calling thread, needs no background
 * threads, and has no small cap on kept-alive connections (the JDK keeps 5 idle connections per
 * host for {@code HttpURLConnection}).
 *
 * <p>How promptly cancellation stops a call:
 *
 * <ul>
 *   <li>{@link #SOCKET}: at once, while connecting, writing, waiting for the headers or in a
 *       blocked body read, on any thread: the socket is closed.
 *   <li>{@link #HTTP_CLIENT}: at once, while waiting for headers or in a blocked body read, on any
 *       thread.
 *   <li>{@link #URL_CONNECTION}: at once while connecting or waiting for the headers, on any
 *       thread, and at once in a blocked body read on a virtual thread (Taskforce runs model calls
 *       on virtual threads on Java 21+). In a body read blocked on a <em>platform</em> thread, the
 *       JDK offers no way to close the socket from another thread, so the call stops at the next
 *       bytes the server sends (OpenRouter sends keep-alive comments while a model thinks) or at
 *       the read timeout, whichever comes first; the cancelling thread still returns at once.
 * </ul>
 */
@FunctionalInterface
public interface TransportFactory {

  /**
   * Transports over {@link java.net.HttpURLConnection}: HTTP/1.1 with the JDK's keep-alive
   * connection cache, reading on the calling thread.
   *
   * <p>Request bodies are sent in fixed-length streaming mode, so the JDK never re-sends a POST by
   * itself (it would on a stale keep-alive connection otherwise). A side effect of that mode: the
   * body of a 401 response is not readable (the status is).
   */
  TransportFactory URL_CONNECTION = UrlConnectionTransport::new;

  /**
   * Transports over one {@link java.net.http.HttpClient} each: HTTP/2 for {@code https://} where
   * the server offers it, HTTP/1.1 for plain {@code http://} (no h2c upgrade).
   */
  TransportFactory HTTP_CLIENT = HttpClientTransport::new;

  /**
   * Taskforce's own HTTP/1.1 client over sockets ({@code java.net.Socket}, with the JDK's TLS for
   * {@code https://} and the host name checked against the certificate), with its own pool of
   * kept-alive connections per host.
   *
   * <ul>
   *   <li>Cancellation closes the socket, so a blocked read or write ends at once on any thread.
   *   <li>Idle connections are kept for up to 30 seconds (at most 1,024 per host); one idle for
   *       over a second is checked before reuse, so a connection the server closed meanwhile is not
   *       sent a request. A request is never re-sent by the transport.
   *   <li>Bodies are framed by {@code Content-Length}, {@code Transfer-Encoding: chunked} or the
   *       end of the connection. Responses are not decompressed; interim (1xx) responses are
   *       skipped.
   *   <li>The transport writes {@code Host}, {@code Content-Length} and the framing itself: a
   *       request that sets {@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code
   *       Connection}, {@code Upgrade} or {@code Expect}, or a header value with a line break or
   *       another control character, is refused with an {@link IllegalArgumentException} before
   *       anything is sent.
   *   <li>When the default {@link java.net.ProxySelector} names a proxy for a URI, the call goes
   *       through {@link #URL_CONNECTION} instead, which supports every kind of proxy and proxy
   *       authentication. The proxy is asked only before a new connection is opened.
   *   <li>TLS uses {@link javax.net.ssl.SSLContext#getDefault()}, so the standard {@code
   *       javax.net.ssl.*} system properties (trust store, key store) apply.
   * </ul>
   */
  TransportFactory SOCKET = SocketTransport::new;

  /** The default: {@link #SOCKET} (see the class comment for why). */
  TransportFactory DEFAULT = SOCKET;

  /**
   * Creates a transport.
   *
   * @param config the timeouts
   * @return a thread-safe transport
   */
  Transport create(TransportConfig config);
}
