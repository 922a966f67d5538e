package dev.taskforce.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The status line and headers of an HTTP/1.1 response, as read by a {@link SocketTransport}, and
 * how its body is framed (RFC 9112, section 6.3).
 *
 * @param status the status code
 * @param headers the headers
 * @param framing how the body ends
 * @param length the body's length for {@link Framing#LENGTH}, else -1
 * @param keepAlive whether the connection may carry another request once the body has been read
 */
record ResponseHead(int status, Headers headers, Framing framing, long length, boolean keepAlive) {

  /** The most bytes a response head may have, status line and headers together. */
  static final int MAX_HEAD = 64 * 1024;

  private static final String TOO_LONG = "response head too long (over " + MAX_HEAD + " bytes)";

  /** How a response body ends. */
  enum Framing {
    /** No body (a {@code HEAD} request, 204, 304). */
    NONE,
    /** {@code Content-Length} bytes. */
    LENGTH,
    /** {@code Transfer-Encoding: chunked}. */
    CHUNKED,
    /** At the end of the connection. */
    CLOSE
  }

  /**
   * Reads a response head, skipping interim (1xx) responses.
   *
   * @param c the connection
   * @param method the request's method: the response to a {@code HEAD} has no body
   */
  static ResponseHead read(SocketConnection c, String method) throws IOException {
    int budget = MAX_HEAD;
    while (true) {
      String statusLine = c.readLine(Math.max(budget, 0), TOO_LONG);
      budget -= statusLine.length() + 2;
      int status = status(statusLine);
      TreeMap<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      String previous = null;
      while (true) {
        String line = c.readLine(Math.max(budget, 0), TOO_LONG);
        budget -= line.length() + 2;
        if (line.isEmpty()) {
          break;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
          if (previous == null) {
            throw new IOException("malformed response head: a continuation line comes first");
          }
          List<String> values = fields.get(previous); // obsolete line folding: join with a space
          int last = values.size() - 1;
          values.set(last, values.get(last) + " " + line.strip());
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line, colon)) {
          throw new IOException("malformed response header line: " + printable(line));
        }
        String name = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        previous = name;
      }
      if (status == 101) {
        throw new IOException("unexpected 101 Switching Protocols response");
      }
      if (status < 200) {
        continue; // 100 Continue, 103 Early Hints: the real response follows.
      }
      return of(status, statusLine.startsWith("HTTP/1.0"), Headers.parsed(fields), method);
    }
  }

  private static ResponseHead of(int status, boolean http10, Headers headers, String method)
      throws IOException {
    boolean keepAlive = !http10 && !hasToken(headers.values("Connection"), "close");
    if (method.equals("HEAD") || status == 204 || status == 304) {
      return new ResponseHead(status, headers, Framing.NONE, -1, keepAlive);
    }
    List<String> codings = headers.values("Transfer-Encoding");
    if (!codings.isEmpty()) {
      String all = String.join(",", codings).toLowerCase(Locale.ROOT);
      String lastCoding = all.substring(all.lastIndexOf(',') + 1).strip();
      if (lastCoding.equals("chunked")) {
        return new ResponseHead(status, headers, Framing.CHUNKED, -1, keepAlive);
      }
      return new ResponseHead(status, headers, Framing.CLOSE, -1, false);
    }
    List<String> lengths = headers.values("Content-Length");
    if (lengths.isEmpty()) {
      return new ResponseHead(status, headers, Framing.CLOSE, -1, false);
    }
    long length = -1;
    for (String value : lengths) {
      for (String part : value.split(",", -1)) {
        long n = contentLength(part.strip());
        if (length >= 0 && n != length) {
          throw new IOException("response has conflicting Content-Length values: " + lengths);
        }
        length = n;
      }
    }
    return length == 0
        ? new ResponseHead(status, headers, Framing.NONE, 0, keepAlive)
        : new ResponseHead(status, headers, Framing.LENGTH, length, keepAlive);
  }

  private static int status(String line) throws IOException {
    // HTTP/1.1 200 OK: the reason phrase may be empty or missing.
    if (line.length() < 12
        || !line.startsWith("HTTP/1.")
        || line.charAt(8) != ' '
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new IOException("malformed response status line: " + printable(line));
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char ch = line.charAt(i);
      if (ch < '0' || ch > '9') {
        throw new IOException("malformed response status line: " + printable(line));
      }
      status = status * 10 + (ch - '0');
    }
    if (status < 100) {
      throw new IOException("malformed response status line: " + printable(line));
    }
    return status;
  }

  private static long contentLength(String text) throws IOException {
    if (text.isEmpty() || text.length() > 18) {
      throw new IOException("invalid Content-Length in the response: " + printable(text));
    }
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') {
        throw new IOException("invalid Content-Length in the response: " + printable(text));
      }
      n = n * 10 + (ch - '0');
    }
    return n;
  }

  static boolean hasToken(List<String> values, String token) {
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        if (part.strip().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the first {@code end} characters of a text are an HTTP token (a header name). */
  static boolean isToken(String s, int end) {
    for (int i = 0; i < end; i++) {
      char ch = s.charAt(i);
      boolean ok =
          (ch >= 'a' && ch <= 'z')
              || (ch >= 'A' && ch <= 'Z')
              || (ch >= '0' && ch <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(ch) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A line for an error message: at most 200 characters, control characters escaped. */
  private static String printable(String line) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < line.length() && sb.length() < 200; i++) {
      char ch = line.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return line.length() > 200 ? sb + "..." : sb.toString();
  }
}
