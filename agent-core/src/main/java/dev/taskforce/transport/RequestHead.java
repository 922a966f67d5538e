package dev.taskforce.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes the head of an HTTP/1.1 request: request line, {@code Host}, the caller's headers and
 * {@code Content-Length}. Header names must be tokens and values must not contain line breaks or
 * other control characters (so a value can never smuggle in another header); the headers that frame
 * the message are the transport's own and cannot be set.
 */
final class RequestHead {

  /** Headers the transport writes or that would change the framing; setting one is an error. */
  private static final Set<String> RESERVED =
      Set.of("host", "content-length", "transfer-encoding", "connection", "upgrade", "expect");

  private static final byte[] CONTENT_LENGTH =
      "Content-Length: ".getBytes(StandardCharsets.ISO_8859_1);

  private RequestHead() {}

  /**
   * Everything of the head up to the {@code Content-Length} header, which depends on the body.
   *
   * @throws IllegalArgumentException if a header is reserved or not valid in HTTP/1.1
   */
  static byte[] prefix(String method, URI uri, SocketRoute route, Headers headers) {
    StringBuilder sb = new StringBuilder(256);
    String path = uri.getRawPath();
    sb.append(method).append(' ').append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      sb.append('?').append(uri.getRawQuery());
    }
    sb.append(" HTTP/1.1\r\nHost: ").append(route.hostHeader()).append("\r\n");
    for (Map.Entry<String, List<String>> h : headers.map().entrySet()) {
      String name = h.getKey();
      checkName(name);
      for (String value : h.getValue()) {
        checkValue(name, value);
        sb.append(name).append(": ").append(value).append("\r\n");
      }
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The whole head: the prefix, {@code Content-Length} when there is a body, and the blank line.
   */
  static byte[] complete(byte[] prefix, byte @Nullable [] body) {
    if (body == null) {
      byte[] head = Arrays.copyOf(prefix, prefix.length + 2);
      head[prefix.length] = '\r';
      head[prefix.length + 1] = '\n';
      return head;
    }
    byte[] length = Integer.toString(body.length).getBytes(StandardCharsets.ISO_8859_1);
    byte[] head = new byte[prefix.length + 16 + length.length + 4];
    System.arraycopy(prefix, 0, head, 0, prefix.length);
    int at = prefix.length;
    for (byte b : CONTENT_LENGTH) {
      head[at++] = b;
    }
    System.arraycopy(length, 0, head, at, length.length);
    at += length.length;
    head[at++] = '\r';
    head[at++] = '\n';
    head[at++] = '\r';
    head[at] = '\n';
    return head;
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty header name");
    }
    if (!ResponseHead.isToken(name, name.length())) {
      throw new IllegalArgumentException("invalid character in header name: " + name);
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "header " + name + " is written by the transport and cannot be set");
    }
  }

  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if ((ch < 0x20 && ch != '\t') || ch == 0x7f || ch > 0xff) {
        // The value itself is not shown: it may be a credential.
        throw new IllegalArgumentException(
            "invalid character (U+"
                + String.format(Locale.ROOT, "%04X", (int) ch)
                + ") in the value of header "
                + name);
      }
    }
  }
}
