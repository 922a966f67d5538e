package dev.taskforce.bench.perturn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The HTTP half of a hand-written floor: one POST of a JSON body, the response body back. */
interface FloorHttp extends AutoCloseable {

  String AUTHORIZATION = "Bearer sk-or-v1-benchmark-not-a-real-key";

  /** What the table calls it. */
  String label();

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

  static FloorHttp raw(String chatUrl) {
    return new Raw(URI.create(chatUrl));
  }

  /** PROTOTYPE: a minimal HTTP/1.1 client on one kept-alive socket. */
  final class Raw implements FloorHttp {
    private final URI uri;
    private java.net.Socket socket;
    private java.io.BufferedInputStream in;
    private OutputStream out;
    private final byte[] head;

    Raw(URI uri) {
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
                  + "\r\nContent-Type: application/json\r\nUser-Agent: x\r\nAccept: */*\r\nContent-Length: ")
              .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String label() {
      return "raw socket";
    }

    @Override
    public byte[] post(List<byte[]> parts, int length) throws IOException {
      if (socket == null) {
        socket = new java.net.Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
      }
      byte[] lenBytes =
          (length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      byte[] all = new byte[head.length + lenBytes.length + length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(lenBytes, 0, all, head.length, lenBytes.length);
      int at = head.length + lenBytes.length;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, all, at, part.length);
        at += part.length;
      }
      out.write(all);
      out.flush();
      StringBuilder line = new StringBuilder();
      int contentLength = -1;
      int status = -1;
      while (true) {
        line.setLength(0);
        int b;
        while ((b = in.read()) != '\n') {
          if (b < 0) throw new IOException("eof");
          if (b != '\r') line.append((char) b);
        }
        if (line.length() == 0) break;
        if (status < 0) {
          status = Integer.parseInt(line.substring(9, 12));
        } else if (line.length() > 15
            && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
          contentLength = Integer.parseInt(line.substring(15).trim());
        }
      }
      if (status != 200) throw new IOException("HTTP " + status);
      return in.readNBytes(contentLength);
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
