package dev.taskforce.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * One TCP connection, with TLS over it for {@code https://}, and the buffer its responses are read
 * through. Used by one exchange at a time; {@link #close()} may be called from any thread and never
 * blocks, which is how a cancelled call stops a blocked read or write on any kind of thread.
 */
final class SocketConnection {

  private static final int BUFFER = 8192;

  final SocketRoute route;
  private final Socket raw = new Socket();
  private @Nullable Socket socket;
  private @Nullable InputStream in;
  private @Nullable OutputStream out;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private int readTimeoutMillis;
  private volatile boolean closed;

  /** When it was last put back idle, in {@link System#nanoTime()} units; set by the pool. */
  long idleSince;

  SocketConnection(SocketRoute route) {
    this.route = route;
  }

  /**
   * Connects, and shakes hands for TLS with the host name checked against the certificate.
   *
   * @param tls the TLS socket factory, asked only for {@code https://}
   */
  void connect(int connectTimeoutMillis, int readTimeoutMillis, Supplier<SSLSocketFactory> tls)
      throws IOException {
    this.readTimeoutMillis = readTimeoutMillis;
    raw.setTcpNoDelay(true);
    raw.setKeepAlive(true);
    raw.connect(new InetSocketAddress(route.bareHost(), route.port()), connectTimeoutMillis);
    Socket s = raw;
    if (route.tls()) {
      raw.setSoTimeout(connectTimeoutMillis); // the handshake counts as connecting
      SSLSocket ssl = (SSLSocket) tls.get().createSocket(raw, route.bareHost(), route.port(), true);
      SSLParameters p = ssl.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(p);
      ssl.startHandshake();
      s = ssl;
    }
    raw.setSoTimeout(readTimeoutMillis);
    socket = s;
    in = s.getInputStream();
    out = s.getOutputStream();
  }

  /** Writes a request: its head, then its body if it has one, as two writes at most. */
  void write(byte[] head, byte @Nullable [] body) throws IOException {
    OutputStream o = requireOpen(out);
    o.write(head);
    if (body != null && body.length > 0) {
      o.write(body);
    }
    o.flush();
  }

  /**
   * Reads one line of a response head, without its CR LF, as ISO-8859-1 text.
   *
   * @param budget the most bytes the line may have; lines longer fail
   * @param tooLong the message of the exception for a line over the budget
   */
  String readLine(int budget, String tooLong) throws IOException {
    StringBuilder spill = null;
    int taken = 0;
    while (true) {
      if (pos == limit && fill() < 0) {
        throw new EOFException("connection closed by the server in the middle of the response");
      }
      int start = pos;
      int end = start;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      taken += end - start;
      if (taken > budget) {
        throw new IOException(tooLong);
      }
      if (end < limit) {
        pos = end + 1;
        int stop = end > start && buf[end - 1] == '\r' ? end - 1 : end;
        String part = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
        if (spill == null) {
          return part;
        }
        spill.append(part);
        int last = spill.length() - 1;
        if (stop == end && last >= 0 && spill.charAt(last) == '\r') {
          spill.setLength(last); // the CR was the last byte of the previous buffer
        }
        return spill.toString();
      }
      if (spill == null) {
        spill = new StringBuilder(128);
      }
      spill.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
      pos = limit;
    }
  }

  /** Reads body bytes: from the buffer first, else straight from the socket for large reads. */
  int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos < limit) {
      int n = Math.min(len, limit - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
    if (len >= BUFFER) {
      return requireOpen(in).read(b, off, len);
    }
    if (fill() < 0) {
      return -1;
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /** How many bytes can be read without blocking, at most {@code max}. */
  int buffered(long max) {
    return (int) Math.min(limit - pos, max);
  }

  private int fill() throws IOException {
    int n = requireOpen(in).read(buf, 0, BUFFER);
    pos = 0;
    limit = Math.max(n, 0);
    return n;
  }

  /**
   * Whether a kept-alive connection can no longer be used: closed by the server, or with bytes
   * nobody asked for. Waits at most a millisecond; called only on connections idle for a while.
   *
   * <p>For TLS the check reads through the TLS layer, not the raw socket: a server may send TLS
   * records of its own while the connection is idle (a TLS 1.3 KeyUpdate or NewSessionTicket),
   * which the TLS layer consumes; only a close or application data makes the connection stale. (A
   * timeout in the middle of a record keeps the partial record, so the connection stays usable.)
   */
  boolean isStale() {
    if (closed || pos < limit) {
      return true;
    }
    try {
      raw.setSoTimeout(1);
      try {
        requireOpen(in).read();
        return true; // -1: closed by the server; a byte: data nobody asked for
      } finally {
        raw.setSoTimeout(readTimeoutMillis);
      }
    } catch (SocketTimeoutException e) {
      return false; // Nothing to read: the connection is still open.
    } catch (IOException e) {
      return true;
    }
  }

  boolean isConnected() {
    return socket != null;
  }

  boolean isClosed() {
    return closed;
  }

  /** Closes the TCP socket at once, from any thread; a blocked read or write then fails. */
  void close() {
    closed = true;
    try {
      raw.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }

  private <T> T requireOpen(@Nullable T stream) throws IOException {
    if (stream == null || closed) {
      throw new IOException("connection closed");
    }
    return stream;
  }

  @Override
  public String toString() {
    return "SocketConnection{" + route + (closed ? ", closed" : "") + "}";
  }
}
