package dev.taskforce.tools.builtin;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 GET over a socket connected to an address chosen by the caller.
 *
 * <p>Why not {@code java.net.http.HttpClient}: it resolves host names itself, so the address it
 * connects to could differ from the one {@link HttpGetTool} checked (DNS rebinding). Here the
 * socket connects to the checked address, TLS still verifies the certificate against the host name
 * (SNI and endpoint identification), and every read is bounded by one deadline. No proxy, no
 * keep-alive ({@code Connection: close}), no compression ({@code Accept-Encoding: identity}).
 *
 * <p>Steps, in order: {@link #connect}, {@link #send}, {@link #readHead}, {@link #readBody}. Not
 * thread-safe; one instance per request.
 */
final class HttpExchange implements Closeable {

  private static final int MAX_LINE = 8 * 1024;
  private static final int MAX_HEADERS = 100;
  private static final int MAX_INTERIM_RESPONSES = 5;

  private final Socket socket;
  private final Deadline deadline;
  private @Nullable InputStream in;
  private int status;
  private final Map<String, String> headers = new HashMap<>();

  private HttpExchange(Socket socket, Deadline deadline) {
    this.socket = socket;
    this.deadline = deadline;
  }

  /**
   * Connects to one address, then (for https) does the TLS handshake for the host name.
   *
   * @param tls the TLS socket factory, or {@code null} for plain http
   */
  static HttpExchange connect(
      InetAddress address,
      int port,
      String host,
      @Nullable SSLSocketFactory tls,
      int connectTimeoutMillis,
      Deadline deadline)
      throws IOException {
    Socket plain = new Socket(Proxy.NO_PROXY);
    try {
      plain.connect(
          new InetSocketAddress(address, port),
          (int) Math.min(connectTimeoutMillis, deadline.remainingMillis()));
      if (tls == null) {
        return new HttpExchange(plain, deadline);
      }
      SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
      SSLParameters parameters = secure.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!isIpLiteral(host)) {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      }
      secure.setSSLParameters(parameters);
      secure.setSoTimeout(deadline.remainingMillis());
      secure.startHandshake();
      return new HttpExchange(secure, deadline);
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** The address the socket is connected to, for the check after connecting. */
  InetAddress peer() {
    return socket.getInetAddress();
  }

  /** Sends the GET request for a target such as {@code /a/b?c=d}. */
  void send(String target, String hostHeader, String accept, String userAgent) throws IOException {
    String request =
        "GET "
            + target
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\nUser-Agent: "
            + userAgent
            + "\r\nAccept: "
            + accept
            + "\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    in = new BufferedInputStream(new DeadlineInput(socket, deadline));
  }

  /** Reads the status line and headers of the final response, skipping 1xx ones. */
  void readHead() throws IOException {
    for (int interim = 0; ; interim++) {
      headers.clear();
      String statusLine = readLine();
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
        throw new MalformedResponseException("malformed status line");
      }
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new MalformedResponseException("malformed status code");
      }
      readHeaders();
      if (status >= 200 || interim == MAX_INTERIM_RESPONSES) {
        return;
      }
    }
  }

  int status() {
    return status;
  }

  /**
   * A header's value, by lower-case name.
   *
   * @return the first value sent, or {@code null}
   */
  @Nullable String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  /**
   * Reads the body, stopping after {@code max + 1} bytes.
   *
   * @return at most {@code max + 1} bytes: more than {@code max} means the body was longer
   */
  byte[] readBody(int max) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (status == 204 || status == 304) {
      return body.toByteArray();
    }
    String transferEncoding = header("transfer-encoding");
    if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      readChunked(body, max + 1);
      return body.toByteArray();
    }
    String length = header("content-length");
    long remaining = Long.MAX_VALUE;
    if (length != null) {
      try {
        remaining = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new MalformedResponseException("malformed Content-Length");
      }
    }
    copy(body, Math.min(remaining, max + 1L), length != null);
    return body.toByteArray();
  }

  private void readChunked(ByteArrayOutputStream body, int limit) throws IOException {
    while (body.size() < limit) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      long size;
      try {
        size = hex.length() > 12 ? -1 : Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 0) {
        throw new MalformedResponseException("malformed chunk size");
      }
      if (size == 0) {
        return; // Trailers are not needed: the connection closes.
      }
      long wanted = Math.min(size, limit - (long) body.size());
      copy(body, wanted, true);
      if (wanted < size) {
        return;
      }
      readLine(); // The CRLF after the chunk.
    }
  }

  private void copy(ByteArrayOutputStream body, long count, boolean exact) throws IOException {
    byte[] buffer = new byte[8192];
    long left = count;
    while (left > 0) {
      int n = input().read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        if (exact) {
          throw new MalformedResponseException("connection closed before the end of the body");
        }
        return;
      }
      body.write(buffer, 0, n);
      left -= n;
    }
  }

  private void readHeaders() throws IOException {
    String previous = null;
    for (int count = 0; ; count++) {
      String line = readLine();
      if (line.isEmpty()) {
        return;
      }
      if (count == MAX_HEADERS) {
        throw new MalformedResponseException("more than " + MAX_HEADERS + " headers");
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
        headers.computeIfPresent(previous, (k, v) -> v + " " + line.trim()); // Folded line.
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedResponseException("malformed header line");
      }
      previous = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.putIfAbsent(previous, line.substring(colon + 1).trim());
    }
  }

  /** Reads one line, without its CR LF, as ISO-8859-1. */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = input().read();
      if (c < 0) {
        throw new MalformedResponseException("connection closed in the response head");
      }
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() == MAX_LINE) {
        throw new MalformedResponseException("line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) c);
    }
  }

  private InputStream input() {
    if (in == null) {
      throw new IllegalStateException("send() first");
    }
    return in;
  }

  static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** The server's answer is not HTTP/1.x as expected. */
  static final class MalformedResponseException extends IOException {
    MalformedResponseException(String message) {
      super(message);
    }
  }

  /** The one time limit of a whole GET, redirects included. */
  static final class Deadline {
    private final LongSupplier nanoTime;
    private final long end;

    Deadline(LongSupplier nanoTime, long timeoutNanos) {
      this.nanoTime = nanoTime;
      this.end = nanoTime.getAsLong() + timeoutNanos;
    }

    /**
     * Milliseconds left, at least 1.
     *
     * @throws SocketTimeoutException if none are left
     */
    int remainingMillis() throws SocketTimeoutException {
      long left = end - nanoTime.getAsLong();
      if (left <= 0) {
        throw new SocketTimeoutException("deadline passed");
      }
      return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
    }
  }

  /** Sets the socket's read timeout to the time left before every read. */
  private static final class DeadlineInput extends FilterInputStream {
    private final Socket socket;
    private final Deadline deadline;

    DeadlineInput(Socket socket, Deadline deadline) throws IOException {
      super(socket.getInputStream());
      this.socket = socket;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      socket.setSoTimeout(deadline.remainingMillis());
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      socket.setSoTimeout(deadline.remainingMillis());
      return super.read(b, off, len);
    }
  }
}
