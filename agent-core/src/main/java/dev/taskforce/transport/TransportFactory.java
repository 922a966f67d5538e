package dev.taskforce.transport;

/**
 * Creates a {@link Transport} from timeouts. The two built-in factories cover the JDK's two HTTP
 * clients; a custom factory can wrap either or supply any other transport.
 *
 * <p>Why {@link #URL_CONNECTION} is the default: measured on the project's benchmark machine for a
 * five-turn tool conversation, a client over {@code HttpURLConnection} costs about 0.3x the CPU per
 * turn of LangChain4j, against about 0.73x over {@code java.net.http.HttpClient}, whose selector
 * and executor threads do the extra work. {@code HttpURLConnection} reads on the calling thread and
 * needs no background threads. The choice will be revisited with the agent-bench benchmark.
 *
 * <p>How promptly cancellation stops a call:
 *
 * <ul>
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

  /** The default: {@link #URL_CONNECTION} (see the class comment for why). */
  TransportFactory DEFAULT = URL_CONNECTION;

  /**
   * Creates a transport.
   *
   * @param config the timeouts
   * @return a thread-safe transport
   */
  Transport create(TransportConfig config);
}
