package dev.taskforce.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP/1.1 test server for {@link SocketTransportTest}: a {@link ServerSocket} on 127.0.0.1
 * and an ephemeral port, plain or TLS, that hands every accepted connection to a script which reads
 * requests and writes exact bytes. It counts accepted connections and records every request's raw
 * bytes. Each connection runs on its own daemon thread, so concurrent clients are served at once.
 */
final class RawHttpServer implements AutoCloseable {

  /** What the server does with one accepted connection. */
  @FunctionalInterface
  interface Script {
    void serve(Conn conn) throws Exception;
  }

  private static final Charset ISO = StandardCharsets.ISO_8859_1;

  private final ServerSocket server;
  private final String scheme;
  private final Script script;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Conn> connections = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Conn> ended = new LinkedBlockingQueue<>();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private RawHttpServer(ServerSocket server, String scheme, Script script) {
    this.server = server;
    this.scheme = scheme;
    this.script = script;
    Thread acceptor = new Thread(this::acceptLoop, "raw-http-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A plain {@code http://} server. */
  static RawHttpServer start(Script script) throws IOException {
    return new RawHttpServer(listen(new ServerSocket()), "http", script);
  }

  /** An {@code https://} server with the given server-side TLS context. */
  static RawHttpServer startTls(SSLContext tls, Script script) throws IOException {
    return new RawHttpServer(
        listen(tls.getServerSocketFactory().createServerSocket()), "https", script);
  }

  private static ServerSocket listen(ServerSocket s) throws IOException {
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    return s;
  }

  /**
   * A script that answers every request on every connection with the next of the given responses
   * (in order across connections; the last one repeats), and ends a connection when the client
   * closes it.
   */
  static Script replying(String... responses) {
    AtomicInteger next = new AtomicInteger();
    return conn -> {
      while (conn.readRequest() != null) {
        int i = Math.min(next.getAndIncrement(), responses.length - 1);
        conn.write(responses[i]);
      }
    };
  }

  int port() {
    return server.getLocalPort();
  }

  URI uri(String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
  }

  /** How many TCP connections were accepted. */
  int accepted() {
    return accepted.get();
  }

  /** The raw bytes of every request read so far, head and body, in order. */
  List<String> requests() {
    return requests;
  }

  /** The exceptions the scripts threw (a failed TLS handshake, for example). */
  List<Throwable> errors() {
    return errors;
  }

  /**
   * Waits for the next connection whose script has ended, in the order they end.
   *
   * @throws AssertionError if none ends within 10 seconds
   */
  Conn awaitEnded() throws InterruptedException {
    Conn c = ended.poll(10, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("no connection ended within 10 s");
    }
    return c;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Conn conn = new Conn(accepted.incrementAndGet(), s);
      connections.add(conn);
      Thread t = new Thread(() -> run(conn), "raw-http-conn-" + conn.index);
      t.setDaemon(true);
      t.start();
    }
  }

  private void run(Conn conn) {
    try {
      script.serve(conn);
    } catch (Throwable e) {
      if (!closed) {
        errors.add(e);
      }
    } finally {
      conn.close();
      ended.add(conn);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // Already closed.
    }
    for (Conn c : connections) {
      c.close();
    }
  }

  /** One accepted connection, as its script sees it. */
  final class Conn {
    /** 1 for the first accepted connection, 2 for the second, and so on. */
    final int index;

    private final Socket socket;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;

    /** Whether the client closed its end (a read returned the end of the stream). */
    volatile boolean sawEof;

    Conn(int index, Socket socket) {
      this.index = index;
      this.socket = socket;
    }

    private InputStream in() throws IOException {
      if (in == null) {
        in = socket.getInputStream();
      }
      return in;
    }

    private OutputStream out() throws IOException {
      if (out == null) {
        out = socket.getOutputStream();
      }
      return out;
    }

    /**
     * Reads one request: the head up to the blank line, then {@code Content-Length} bytes of body.
     * The raw bytes are recorded.
     *
     * @return the raw request, or {@code null} when the client closed the connection first
     */
    @Nullable String readRequest() throws IOException {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      InputStream i = in();
      int matched = 0; // of CR LF CR LF
      while (matched < 4) {
        int b = i.read();
        if (b < 0) {
          sawEof = true;
          if (raw.size() == 0) {
            return null;
          }
          throw new IOException("client closed mid-request: " + raw.toString(ISO));
        }
        raw.write(b);
        matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String head = raw.toString(ISO);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring("content-length:".length()).strip());
        }
      }
      raw.write(i.readNBytes(length));
      String request = raw.toString(ISO);
      requests.add(request);
      return request;
    }

    /** Reads at least one byte of whatever the client sends, or returns at its end. */
    void awaitBytes() throws IOException {
      if (in().read() < 0) {
        sawEof = true;
      }
    }

    /** Reads until the client closes the connection; what it sends is discarded. */
    void awaitEof() {
      try {
        while (in().read() >= 0) {
          // Discard.
        }
      } catch (IOException e) {
        // A reset: closed as well.
      }
      sawEof = true;
    }

    /** Writes bytes exactly as given (ISO-8859-1) and flushes them. */
    void write(String raw) throws IOException {
      write(raw.getBytes(ISO));
    }

    void write(byte[] raw) throws IOException {
      OutputStream o = out();
      o.write(raw);
      o.flush();
    }

    /**
     * On a TLS 1.3 connection, sends a KeyUpdate: a TLS record of the protocol's own, not data,
     * such as a server may send while the connection is idle.
     */
    void sendTlsKeyUpdate() throws IOException {
      SSLSocket ssl = (SSLSocket) socket;
      if (!ssl.getSession().getProtocol().equals("TLSv1.3")) {
        throw new IllegalStateException("not TLS 1.3: " + ssl.getSession().getProtocol());
      }
      ssl.startHandshake(); // after the handshake, in TLS 1.3: a KeyUpdate
    }

    /** Closes the connection (a FIN for the client, or a TLS close_notify and a FIN). */
    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Already closed.
      }
    }
  }
}
