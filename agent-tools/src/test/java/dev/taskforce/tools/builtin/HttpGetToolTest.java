package dev.taskforce.tools.builtin;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.taskforce.TaskforceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpGetToolTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private HttpServer server;
  private int port;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private final List<Thread> rawServers = new ArrayList<>();

  /** Maps every test name to the local server, the way a hostile or internal DNS record would. */
  private final HostResolver toLoopback =
      host -> {
        lookups.incrementAndGet();
        if (host.endsWith(".test")) {
          return List.of(InetAddress.getByAddress(host, LOOPBACK.getAddress()));
        }
        throw new UnknownHostException(host);
      };

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    port = server.getAddress().getPort();
    handle("/text", ex -> respond(ex, 200, "text/plain; charset=utf-8", "hello ✓".getBytes(UTF_8)));
    handle(
        "/json", ex -> respond(ex, 200, "application/problem+json", "{\"a\":1}".getBytes(UTF_8)));
    handle(
        "/latin1",
        ex -> respond(ex, 200, "text/plain; charset=ISO-8859-1", "café".getBytes(ISO_8859_1)));
    handle("/missing", ex -> respond(ex, 404, "text/html", "<h1>not here</h1>".getBytes(UTF_8)));
    handle("/image", ex -> respond(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    handle("/untyped", ex -> respond(ex, 200, null, "what am I".getBytes(UTF_8)));
    handle(
        "/gzip",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          respond(ex, 200, "text/plain", new byte[] {31, (byte) 139, 8, 0});
        });
    handle("/big", ex -> respond(ex, 200, "text/plain", "a".repeat(10_000).getBytes(UTF_8)));
    handle(
        "/endless",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/plain");
          ex.sendResponseHeaders(
              200, 0); // Chunked, never ending: only the client's limit stops it.
          byte[] chunk = "0123456789".repeat(100).getBytes(UTF_8);
          try (OutputStream out = ex.getResponseBody()) {
            while (true) {
              out.write(chunk);
              out.flush();
            }
          }
        });
    handle("/to-relative", ex -> redirect(ex, "/text"));
    handle("/to-loopback-ip", ex -> redirect(ex, "http://127.0.0.1:" + port + "/text"));
    handle("/to-public-name", ex -> redirect(ex, "http://public.test:" + port + "/text"));
    handle("/to-unlisted", ex -> redirect(ex, "http://unlisted.test:" + port + "/text"));
    handle("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
    handle("/loop", ex -> redirect(ex, "/loop"));
    server.start();
  }

  @AfterEach
  void stopServers() throws InterruptedException {
    server.stop(0);
    for (Thread raw : rawServers) {
      raw.join();
    }
  }

  private HttpGetTool.Builder internal() {
    return HttpGetTool.builder()
        .allowInternalHost("internal.test")
        .allowPlainHttp(true)
        .resolver(toLoopback);
  }

  private String url(String host, String path) {
    return "http://" + host + ":" + port + path;
  }

  @Test
  void fetchesTextFromAnAllowedHost() {
    HttpGetTool.Response response = internal().build().get(url("internal.test", "/text"));
    assertThat(response)
        .isEqualTo(
            new HttpGetTool.Response(
                url("internal.test", "/text"), 200, "text/plain; charset=utf-8", "hello ✓", false));
  }

  @Test
  void returnsJsonAndDecodesTheDeclaredCharset() {
    HttpGetTool tool = internal().build();
    assertThat(tool.get(url("internal.test", "/json")).body()).isEqualTo("{\"a\":1}");
    assertThat(tool.get(url("internal.test", "/latin1")).body()).isEqualTo("café");
  }

  @Test
  void returnsErrorStatusesWithTheirBody() {
    HttpGetTool.Response response = internal().build().get(url("internal.test", "/missing"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("<h1>not here</h1>");
  }

  @Test
  void refusesAHostNotOnTheListWithoutResolvingIt() {
    HttpGetTool tool = internal().allowHost("docs.example.com").build();
    assertThatThrownBy(() -> tool.get("http://evil.test:" + port + "/text"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("host evil.test is not on the list of allowed hosts");
    assertThatThrownBy(() -> tool.get("http://sub.docs.example.com/"))
        .isInstanceOf(ToolRefusedException.class);
    assertThat(lookups).hasValue(0);
    assertThat(hits).isEmpty();
  }

  @Test
  void refusesAHostWhoseResolvedAddressIsPrivate() {
    HostResolver mixed =
        host ->
            List.of(
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}));
    HttpGetTool tool =
        HttpGetTool.builder().allowHost("intranet.example.com").resolver(mixed).build();

    assertThatThrownBy(() -> tool.get("https://intranet.example.com/"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage(
            "host intranet.example.com resolves to 10.0.0.7, a private address; only public"
                + " addresses may be fetched");
  }

  @Test
  void refusesLoopbackAndMetadataAddressesGivenAsLiterals() {
    HttpGetTool tool =
        HttpGetTool.builder()
            .allowHost("127.0.0.1")
            .allowHost("169.254.169.254")
            .allowHost("::1")
            .allowPlainHttp(true)
            .build();
    assertThatThrownBy(() -> tool.get("http://127.0.0.1:" + port + "/text"))
        .hasMessage(
            "host 127.0.0.1 resolves to 127.0.0.1, a loopback address; only public"
                + " addresses may be fetched");
    assertThatThrownBy(() -> tool.get("http://169.254.169.254/latest/meta-data/"))
        .hasMessageContaining("a link-local address");
    assertThatThrownBy(() -> tool.get("http://[::1]:" + port + "/"))
        .hasMessageContaining("a loopback address");
    assertThat(hits).isEmpty();
  }

  @Test
  void refusesARedirectToALoopbackAddressEvenWhenItsHostIsListed() {
    HttpGetTool tool = internal().allowHost("127.0.0.1").build();

    assertThatThrownBy(() -> tool.get(url("internal.test", "/to-loopback-ip")))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage(
            "redirect from http://internal.test:"
                + port
                + " to http://127.0.0.1:"
                + port
                + " refused: host 127.0.0.1 resolves to 127.0.0.1, a loopback address; only public"
                + " addresses may be fetched");
    assertThat(hits.get("/to-loopback-ip")).hasValue(1);
    assertThat(hits).doesNotContainKey("/text"); // Refused before connecting.
  }

  @Test
  void refusesARedirectToAListedNameThatResolvesToLoopback() {
    HttpGetTool tool = internal().allowHost("public.test").build();

    assertThatThrownBy(() -> tool.get(url("internal.test", "/to-public-name")))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageEndingWith(
            "refused: host public.test resolves to 127.0.0.1, a loopback address; only public"
                + " addresses may be fetched");
    assertThat(hits).doesNotContainKey("/text");
  }

  @Test
  void refusesARedirectToAnUnlistedHostOrAnotherScheme() {
    HttpGetTool tool = internal().build();
    assertThatThrownBy(() -> tool.get(url("internal.test", "/to-unlisted")))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageEndingWith("refused: host unlisted.test is not on the list of allowed hosts");
    assertThatThrownBy(() -> tool.get(url("internal.test", "/to-file")))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageStartingWith("redirect from http://internal.test:" + port + " refused:");
    assertThat(hits).doesNotContainKey("/text");
  }

  @Test
  void followsAnAllowedRedirectAndReportsTheFinalUrl() {
    HttpGetTool.Response response = internal().build().get(url("internal.test", "/to-relative"));
    assertThat(response.url()).isEqualTo(url("internal.test", "/text"));
    assertThat(response.body()).isEqualTo("hello ✓");
  }

  @Test
  void stopsAfterTheRedirectLimit() {
    HttpGetTool tool = internal().maxRedirects(3).build();
    assertThatThrownBy(() -> tool.get(url("internal.test", "/loop")))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageStartingWith("too many redirects (more than 3)");
    assertThat(hits.get("/loop")).hasValue(4);
  }

  @Test
  void cutsAnOversizedBodyAtTheLimit() {
    HttpGetTool tool = internal().maxResponseBytes(100).build();
    HttpGetTool.Response response = tool.get(url("internal.test", "/big"));
    assertThat(response.body()).isEqualTo("a".repeat(100));
    assertThat(response.truncated()).isTrue();
  }

  @Test
  void stopsReadingAnEndlessBodyAtTheLimit() {
    HttpGetTool tool = internal().maxResponseBytes(2_500).build();
    HttpGetTool.Response response = tool.get(url("internal.test", "/endless"));
    assertThat(response.body()).hasSize(2_500).startsWith("0123456789");
    assertThat(response.truncated()).isTrue();
  }

  @Test
  void refusesContentThatIsNotText() {
    HttpGetTool tool = internal().build();
    assertThatThrownBy(() -> tool.get(url("internal.test", "/image")))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage(
            "http://internal.test:"
                + port
                + " answered with content type image/png; only text responses (text/*, JSON, XML)"
                + " are returned");
    assertThatThrownBy(() -> tool.get(url("internal.test", "/untyped")))
        .hasMessageContaining("answered without a Content-Type");
    assertThatThrownBy(() -> tool.get(url("internal.test", "/gzip")))
        .hasMessageContaining("compressed body (gzip)");
  }

  @Test
  void refusesPlainHttpUnlessAllowed() {
    HttpGetTool tool =
        HttpGetTool.builder().allowInternalHost("internal.test").resolver(toLoopback).build();
    assertThatThrownBy(() -> tool.get(url("internal.test", "/text")))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("plain http is not allowed, only https: http://internal.test:" + port);
  }

  @Test
  void speaksTlsForHttps() throws Exception {
    String origin = answerOnceWith("HTTP/1.1 400 Bad Request\r\n\r\n", "https");
    assertThatThrownBy(() -> internal().build().get(origin + "/text"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage("TLS with " + origin + " failed (untrusted certificate or name mismatch)");
  }

  @Test
  void reportsAResponseThatIsNotHttp() throws Exception {
    String origin = answerOnceWith("SSH-2.0-OpenSSH_9.6\r\n", "http");
    assertThatThrownBy(() -> internal().build().get(origin + "/"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage(origin + " sent a malformed HTTP response: malformed status line");
  }

  /** A raw server on 127.0.0.1 that writes one fixed answer to its first connection. */
  private String answerOnceWith(String answer, String scheme) throws IOException {
    ServerSocket raw = new ServerSocket(0, 1, LOOPBACK);
    raw.setSoTimeout(10_000); // Never block the test's cleanup if the client never came.
    Thread thread =
        new Thread(
            () -> {
              try (raw;
                  Socket socket = raw.accept()) {
                socket.getOutputStream().write(answer.getBytes(UTF_8));
              } catch (IOException e) {
                // The test's assertion reports what the client saw.
              }
            });
    thread.setDaemon(true);
    thread.start();
    rawServers.add(thread);
    return scheme + "://internal.test:" + raw.getLocalPort();
  }

  @Test
  void refusesUrlsWithCredentialsWithoutEchoingThem() {
    assertThatThrownBy(() -> internal().build().get("http://bob:hunter2@internal.test/"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("URLs with credentials (user:password@) are not allowed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void explainsMalformedUrls() {
    HttpGetTool tool = internal().build();
    assertThatThrownBy(() -> tool.get("not a url"))
        .isInstanceOf(TaskforceException.class)
        .hasMessageStartingWith("not a valid URL");
    assertThatThrownBy(() -> tool.get("ftp://internal.test/"))
        .hasMessage(
            "only absolute http and https URLs can be fetched, such as https://example.com/");
    assertThatThrownBy(() -> tool.get("/relative"))
        .hasMessageStartingWith("only absolute http and https URLs");
  }

  @Test
  void reportsUnknownHostsAndRefusedConnections() throws IOException {
    HttpGetTool tool = internal().allowInternalHost("nowhere.example").build();
    assertThatThrownBy(() -> tool.get("http://nowhere.example/"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage("cannot resolve host nowhere.example");
    server.stop(0);
    assertThatThrownBy(() -> tool.get(url("internal.test", "/text")))
        .hasMessage("cannot connect to http://internal.test:" + port + ": connection refused");
  }

  @Test
  void timesOutWhenTheDeadlinePasses() {
    AtomicLong now = new AtomicLong();
    HostResolver slowDns =
        host -> {
          now.addAndGet(31_000_000_000L); // The lookup "took" 31 s of the 30 s budget.
          return toLoopback.resolve(host);
        };
    HttpGetTool tool = internal().resolver(slowDns).nanoTime(now::get).build();
    assertThatThrownBy(() -> tool.get(url("internal.test", "/text")))
        .isInstanceOf(TaskforceException.class)
        .hasMessage("timed out fetching http://internal.test:" + port + " (the limit is 30000 ms)");
    assertThat(hits).isEmpty();
  }

  @Test
  void matchesHostsExactlyAndCaseInsensitively() {
    HttpGetTool tool = internal().build();
    assertThat(tool.get("http://INTERNAL.test.:" + port + "/text").status()).isEqualTo(200);
  }

  @Test
  void cannotBeBuiltWithoutAllowedHosts() {
    assertThatIllegalStateException()
        .isThrownBy(() -> HttpGetTool.builder().build())
        .withMessageStartingWith("no host is allowed");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpGetTool.builder().allowHost("https://example.com"))
        .withMessageStartingWith("host must be a bare host name");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpGetTool.builder().allowHost("example.com:443"))
        .withMessageStartingWith("host must be a bare host name");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpGetTool.builder().maxRedirects(21))
        .withMessage("maxRedirects must be between 0 and 20, was 21");
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private void handle(String path, Handler handler) {
    server.createContext(
        path,
        exchange -> {
          hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
              .incrementAndGet();
          try {
            handler.handle(exchange);
          } finally {
            exchange.close();
          }
        });
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }
}
