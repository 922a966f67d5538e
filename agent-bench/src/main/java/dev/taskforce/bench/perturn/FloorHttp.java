package dev.taskforce.bench.perturn;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The HTTP half of a hand-written floor: one POST of a JSON body, the response body back. */
interface FloorHttp extends AutoCloseable {

  String AUTHORIZATION = "Bearer sk-or-v1-benchmark-not-a-real-key";

  /** The label prefix of the hand-written socket floor. */
  String SOCKET_FLOOR = "socket floor";

  /** What the table calls it. */
  String label();

  /**
   * {@code "floor"} for the floors, over the JDK's HTTP clients; the hand-written socket
   * client is a separate reference, never the floor the target is judged against.
   */
  default String kind() {
    return "floor";
  }

  /**
   * Posts a body given in parts (sent back to back, {@code length} bytes in all).
   *
   * @return the response body of a 200 response
   */
  byte[] post(List<byte[]> parts, int length) throws IOException, InterruptedException;

  @Override
  default void close() {}

  static FloorHttp urlConnection(String chatUrl) {
    return new UrlConnection(URI.create(chatUrl));
  }

  static FloorHttp httpClient(String chatUrl) {
    return new JdkHttpClient(URI.create(chatUrl));
  }

  /** Over {@link HttpURLConnection}: keep-alive cache, reads on the calling thread. */
  final class UrlConnection implements FloorHttp {
    private final URL url;

    UrlConnection(URI uri) {
      try {
        this.url = uri.toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }

    @Override
    public String label() {
      return "HttpURLConnection";
    }

    @Override
    public byte[] post(List<byte[]> parts, int length) throws IOException {
      HttpURLConnection c = (HttpURLConnection) url.openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(length);
      c.setRequestProperty("Authorization", AUTHORIZATION);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = c.getOutputStream()) {
        for (byte[] part : parts) {
          out.write(part);
        }
      }
      int status = c.getResponseCode();
      if (status != 200) {
        throw new IOException("HTTP " + status);
      }
      int size = c.getContentLength();
      try (InputStream in = c.getInputStream()) {
        return size >= 0 ? in.readNBytes(size) : in.readAllBytes();
      }
    }
  }

  static FloorHttp socket(String chatUrl) {
    return new HandWritten(URI.create(chatUrl));
  }

  /**
   * HTTP/1.1 written by hand on one kept-alive socket: the least any client can do. It sends one
   * fixed head and reads only what the benchmark's server sends ({@code Content-Length} bodies); it
   * has no timeouts, no cancellation, no TLS and no pool. Not thread-safe.
   */
  final class HandWritten implements FloorHttp {
    private final URI uri;
    private final byte[] head;
    private final byte[] line = new byte[1024];
    private @Nullable Socket socket;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;

    HandWritten(URI uri) {
      this.uri = uri;
      this.head =
          ("POST "
                  + uri.getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + ":"
                  + uri.getPort()
                  + "\r\nAuthorization: "
                  + AUTHORIZATION
                  + "\r\nContent-Type: application/json\r\nContent-Length: ")
              .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String label() {
      return "hand-written HTTP/1.1 on a socket";
    }

    @Override
    public String kind() {
      return SOCKET_FLOOR;
    }

    @Override
    public byte[] post(List<byte[]> parts, int length) throws IOException {
      if (socket == null) {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
      }
      byte[] digits = (length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = new byte[head.length + digits.length + length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(digits, 0, all, head.length, digits.length);
      int at = head.length + digits.length;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, all, at, part.length);
        at += part.length;
      }
      out.write(all);
      out.flush();
      int status = -1;
      int contentLength = -1;
      int n;
      while ((n = readLine()) > 0) {
        String text = new String(line, 0, n, StandardCharsets.ISO_8859_1);
        if (status < 0) {
          status = Integer.parseInt(text.substring(9, 12));
        } else if (text.regionMatches(true, 0, "content-length:", 0, 15)) {
          contentLength = Integer.parseInt(text.substring(15).strip());
        }
      }
      if (status != 200 || contentLength < 0) {
        throw new IOException("HTTP " + status + ", Content-Length " + contentLength);
      }
      return in.readNBytes(contentLength);
    }

    /** Reads a head line into {@link #line} without its CR LF; returns its length. */
    private int readLine() throws IOException {
      int n = 0;
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("connection closed in the response head");
        }
        if (b != '\r') {
          line[n++] = (byte) b;
        }
      }
      return n;
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // Nothing to release.
        }
      }
    }
  }

  /** Over one {@link HttpClient} (HTTP/1.1, its default executor). */
  final class JdkHttpClient implements FloorHttp {
    private final URI uri;
    private final HttpClient client;

    JdkHttpClient(URI uri) {
      this.uri = uri;
      this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String label() {
      return "HttpClient";
    }

    @Override
    public byte[] post(List<byte[]> parts, int length) throws IOException, InterruptedException {
      HttpRequest.BodyPublisher body =
          parts.size() == 1
              ? HttpRequest.BodyPublishers.ofByteArray(parts.get(0))
              : HttpRequest.BodyPublishers.fromPublisher(
                  HttpRequest.BodyPublishers.ofByteArrays(parts), length);
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", AUTHORIZATION)
              .header("Content-Type", "application/json")
              .POST(body)
              .build();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      return response.body();
    }
  }
}
