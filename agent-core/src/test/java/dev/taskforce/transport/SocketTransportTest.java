package dev.taskforce.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.testserver.TestThreads;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link SocketTransport}'s own behaviour, against a {@link RawHttpServer} that writes exact
 * bytes: keep-alive, body framing, interim and malformed responses, the request head, the pool,
 * cancellation, concurrency and TLS. The generic contract all transports share is in {@link
 * TransportTest}.
 *
 * <p>No test sleeps: idle time is a fake nano clock handed to the transport, and a test waits for
 * the server (latches) or for where a thread is blocked ({@link TestThreads#awaitBlocked}).
 *
 * <p>The TLS key stores in {@code src/test/resources/tls/} (password {@code changeit}) were made
 * once with:
 *
 * <pre>
 * keytool -genkeypair -alias localhost -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
 *   -startdate "2020/01/01 00:00:00" -validity 36500 -dname CN=localhost \
 *   -ext SAN=dns:localhost,ip:127.0.0.1 \
 *   -keystore localhost.p12 -storetype PKCS12 -storepass changeit -keypass changeit
 * </pre>
 *
 * and the same with {@code -ext SAN=dns:localhost} into {@code localhost-dns-only.p12} (a
 * certificate that does not cover {@code 127.0.0.1}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketTransportTest {

  /** Long timeouts: a test that relies on them would be slow, so none does (except where said). */
  private static final TransportConfig CONFIG =
      new TransportConfig(Duration.ofSeconds(20), Duration.ofSeconds(20));

  private static final String PASSWORD = "changeit";

  private final FakeClock clock = new FakeClock();
  private final SocketTransport transport =
      new SocketTransport(CONFIG, SocketTransportTest::noTls, clock);
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private RawHttpServer server;

  @AfterEach
  void closeServers() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Keep-alive

  @Test
  void reusesAKeptAliveConnectionForTheNextRequest() throws Exception {
    serve(RawHttpServer.replying(ok("one"), ok("two")));

    assertThat(fetch("/a")).isEqualTo("one");
    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/b")).isEqualTo("two");

    assertThat(server.accepted()).isEqualTo(1);
    assertThat(server.requests()).hasSize(2);
    assertThat(transport.idleConnections()).isEqualTo(1);
  }

  @Test
  void opensANewConnectionAfterAResponseWithConnectionClose() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\none", ok("two")));

    assertThat(fetch("/a")).isEqualTo("one");
    assertThat(transport.idleConnections()).isZero();
    assertThat(server.awaitEnded().sawEof).as("the client closed the first connection").isTrue();
    assertThat(fetch("/b")).isEqualTo("two");

    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void opensANewConnectionAfterAnHttp10Response() throws Exception {
    serve(RawHttpServer.replying("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\none", ok("two")));

    assertThat(fetch("/a")).isEqualTo("one");
    assertThat(transport.idleConnections()).isZero();
    assertThat(fetch("/b")).isEqualTo("two");

    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void acceptsAStatusLineWithoutAReasonPhrase() throws Exception {
    serve(RawHttpServer.replying("HTTP/1.1 201\r\nContent-Length: 2\r\n\r\nok", ok("again")));

    try (TransportResponse r = get("/a")) {
      assertThat(r.status()).isEqualTo(201);
      assertThat(text(r.body())).isEqualTo("ok");
    }
    assertThat(fetch("/b")).isEqualTo("again");
    assertThat(server.accepted()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Body framing

  @Test
  void readsAContentLengthBodyAndReturnsTheHeaders() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Twice: a\r\nx-twice: b\r\n"
                + "X-Folded: first\r\n  second\r\nContent-Length: 5\r\n\r\nhello"));

    try (TransportResponse r = get("/a")) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers().value("content-type")).contains("text/plain");
      assertThat(r.headers().values("X-TWICE")).containsExactly("a", "b");
      assertThat(r.headers().value("X-Folded")).contains("first second");
      assertThat(text(r.body())).isEqualTo("hello");
    }
  }

  @Test
  void readsALargeContentLengthBodyAcrossManyReadsAndThenReusesTheConnection() throws Exception {
    String big = "0123456789abcdef".repeat(10_000); // 160,000 bytes: many buffers, direct reads
    serve(RawHttpServer.replying(ok(big), ok("next")));

    try (TransportResponse r = get("/big")) {
      InputStream in = r.body();
      byte[] start = new byte[100];
      assertThat(in.readNBytes(start, 0, 100)).isEqualTo(100); // buffered reads
      byte[] rest = in.readAllBytes(); // reads of 8 KiB and more go around the buffer
      assertThat(
              new String(start, StandardCharsets.ISO_8859_1)
                  + new String(rest, StandardCharsets.ISO_8859_1))
          .isEqualTo(big);
    }
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void readsAChunkedBodyWithExtensionsAndTrailersAndThenReusesTheConnection() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;x=y\r\nhello\r\n"
                + "2;name=\"quoted value\";flag\r\n, \r\n"
                + "A\r\n0123456789\r\n"
                + "0;last=1\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n",
            ok("next")));

    try (TransportResponse r = get("/chunked")) {
      assertThat(text(r.body())).isEqualTo("hello, 0123456789");
    }
    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void readsAChunkedBodyWithAnUpperCaseTransferEncodingAfterAnotherCoding() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\nTransfer-Encoding: CHUNKED\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n",
            ok("next")));

    assertThat(fetch("/a")).isEqualTo("abc");
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void transferEncodingChunkedOverridesAContentLength() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n",
            ok("next")));

    assertThat(fetch("/a")).isEqualTo("hello");
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void repeatedEqualContentLengthValuesAreAccepted() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5, 5\r\n\r\nhello",
            ok("next")));

    assertThat(fetch("/a")).isEqualTo("hello");
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void aTransferCodingOtherThanChunkedLastIsReadUntilTheConnectionCloses() throws Exception {
    serve(
        conn -> {
          if (conn.index == 1) {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nraw bytes");
            return;
          }
          RawHttpServer.replying(ok("next")).serve(conn);
        });

    assertThat(fetch("/a")).isEqualTo("raw bytes");
    assertThat(transport.idleConnections()).isZero();
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(2);
  }

  /**
   * The head and the first part of the chunked body come in one write, so the client's buffer ends
   * exactly at the split point when {@code send} returns; the rest is written only then.
   */
  @ParameterizedTest(name = "split after \"{0}\"")
  @ValueSource(strings = {"1", "10;ext=1", "10;ext=1\r", "10;ext=1\r\n0123456789abcdef\r"})
  void readsAChunkSizeLineSplitAcrossTcpWrites(String firstPart) throws Exception {
    String chunked = "10;ext=1\r\n0123456789abcdef\r\n0\r\n\r\n";
    CountDownLatch sendRest = new CountDownLatch(1);
    serve(
        conn -> {
          if (conn.index == 1) {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + firstPart);
            await(sendRest);
            conn.write(chunked.substring(firstPart.length()));
          }
          RawHttpServer.replying(ok("next")).serve(conn);
        });

    try (TransportResponse r = get("/split")) {
      sendRest.countDown();
      assertThat(text(r.body())).isEqualTo("0123456789abcdef");
    }
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void readsABodyThatEndsWithTheConnectionAndDoesNotReuseIt() throws Exception {
    serve(
        conn -> {
          if (conn.index == 1) {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil ");
            conn.write("the end");
            return; // closes the connection: the end of the body
          }
          RawHttpServer.replying(ok("next")).serve(conn);
        });

    assertThat(fetch("/a")).isEqualTo("until the end");
    assertThat(transport.idleConnections()).isZero();
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void aHeadResponseHasNoBodyDespiteItsContentLengthAndTheConnectionIsReused() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nContent-Type: text/plain\r\n\r\n",
            ok("next")));

    try (TransportResponse r =
        transport.send(
            new TransportRequest("HEAD", server.uri("/h"), Headers.EMPTY, null),
            CancellationToken.NONE)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers().value("Content-Length")).contains("1234");
      assertThat(r.body().read()).isEqualTo(-1);
    }
    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HTTP/1.1 204 No Content\r\n\r\n",
        "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\nETag: \"x\"\r\n\r\n",
        "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
      })
  void aResponseWithoutBodyIsEmptyAndTheConnectionIsReused(String head) throws Exception {
    serve(RawHttpServer.replying(head, ok("next")));

    try (TransportResponse r = get("/a")) {
      assertThat(r.body().readAllBytes()).isEmpty();
    }
    assertThat(transport.idleConnections())
        .as("returned as soon as the head was read")
        .isEqualTo(1);
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Interim responses

  @Test
  void skipsA100ContinueAndA103EarlyHintsBeforeTheRealResponse() throws Exception {
    serve(
        RawHttpServer.replying(
            "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
            ok("next")));

    try (TransportResponse r = get("/a")) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers().value("Link")).isEmpty();
      assertThat(text(r.body())).isEqualTo("ok");
    }
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void a101SwitchingProtocolsFailsWithAnIoExceptionAndTheConnectionIsClosed() throws Exception {
    serve(
        firstConnectionThenReplying(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
            false,
            ok("next")));

    assertThatThrownBy(() -> get("/ws"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("101");
    assertThat(transport.idleConnections()).isZero();
    assertThat(server.awaitEnded().sawEof).isTrue();
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------------------
  // Malformed responses

  static Stream<Arguments> malformedHeads() {
    return Stream.of(
        Arguments.of(
            "bad status code",
            "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",
            false,
            "malformed response status line: HTTP/1.1 2x0 OK"),
        Arguments.of(
            "not HTTP", "SSH-2.0-OpenSSH_9.6\r\n\r\n", false, "malformed response status line"),
        Arguments.of(
            "no space after the code",
            "HTTP/1.1 200OK\r\n\r\n",
            false,
            "malformed response status line"),
        Arguments.of(
            "header line without a colon",
            "HTTP/1.1 200 OK\r\nNoColonHere\r\nContent-Length: 0\r\n\r\n",
            false,
            "malformed response header line: NoColonHere"),
        Arguments.of(
            "space in a header name",
            "HTTP/1.1 200 OK\r\nContent Length: 0\r\n\r\n",
            false,
            "malformed response header line"),
        Arguments.of(
            "continuation line first",
            "HTTP/1.1 200 OK\r\n folded: x\r\n\r\n",
            false,
            "continuation line comes first"),
        Arguments.of(
            "conflicting Content-Length headers",
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            false,
            "conflicting Content-Length"),
        Arguments.of(
            "conflicting Content-Length values in one header",
            "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello!",
            false,
            "conflicting Content-Length"),
        Arguments.of(
            "non-numeric Content-Length",
            "HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n",
            false,
            "invalid Content-Length in the response: 12abc"),
        Arguments.of(
            "negative Content-Length",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            false,
            "invalid Content-Length"),
        Arguments.of(
            "empty Content-Length",
            "HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n",
            false,
            "invalid Content-Length"),
        Arguments.of(
            "head over 64 KiB in many headers", manyHeaders(), false, "response head too long"),
        Arguments.of(
            "head over 64 KiB in one header",
            "HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(70 * 1024) + "\r\n\r\n",
            false,
            "response head too long"),
        Arguments.of("server closes before any byte", "", true, "connection closed by the server"),
        Arguments.of(
            "server closes mid status line",
            "HTTP/1.1 20",
            true,
            "connection closed by the server"),
        Arguments.of(
            "server closes mid head",
            "HTTP/1.1 200 OK\r\nContent-Len",
            true,
            "connection closed by the server"),
        Arguments.of(
            "server closes before the blank line",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n",
            true,
            "connection closed by the server"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedHeads")
  void aMalformedResponseHeadFailsClearlyAndTheConnectionIsNotReused(
      String name, String response, boolean closeAfter, String message) throws Exception {
    serve(firstConnectionThenReplying(response, closeAfter, ok("next")));

    assertThatThrownBy(() -> get("/a"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(message);

    assertThat(transport.idleConnections()).isZero();
    RawHttpServer.Conn first = server.awaitEnded();
    if (!closeAfter) {
      assertThat(first.sawEof).as("the client closed the connection").isTrue();
    }
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(2);
  }

  private static String manyHeaders() {
    StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 70; i++) {
      sb.append("X-Filler-").append(i).append(": ").append("a".repeat(1000)).append("\r\n");
    }
    return sb.append("Content-Length: 0\r\n\r\n").toString();
  }

  @Test
  void aHeadJustUnder64KiBIsAccepted() throws Exception {
    String filler = "X-Filler: " + "a".repeat(60 * 1024) + "\r\n";
    serve(RawHttpServer.replying("HTTP/1.1 200 OK\r\n" + filler + "Content-Length: 2\r\n\r\nok"));

    assertThat(fetch("/a")).isEqualTo("ok");
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of(
            "Content-Length body shorter than declared",
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello",
            true,
            EOFException.class,
            "5 bytes missing"),
        Arguments.of(
            "malformed chunk size",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
            false,
            IOException.class,
            "malformed chunk size: zz"),
        Arguments.of(
            "empty chunk size",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n;x=y\r\nhello\r\n0\r\n\r\n",
            false,
            IOException.class,
            "malformed chunk size"),
        Arguments.of(
            "chunk size too large",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\nx\r\n",
            false,
            IOException.class,
            "malformed chunk size"),
        Arguments.of(
            "no CR LF after a chunk",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXY\r\n0\r\n\r\n",
            false,
            IOException.class,
            "no CR LF after a chunk"),
        Arguments.of(
            "server closes in a chunk",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
            true,
            EOFException.class,
            "before the end of a chunked body"),
        Arguments.of(
            "server closes before the last chunk",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
            true,
            EOFException.class,
            "connection closed by the server"),
        Arguments.of(
            "endless trailers",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n"
                + "X-Trailer: 0123456789012345678901234567890123456789\r\n".repeat(2000),
            false,
            IOException.class,
            "trailers over 64 KiB"),
        Arguments.of(
            "a chunk size line over 4 KiB",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;" + "x".repeat(5000) + "\r\n",
            false,
            IOException.class,
            "a line over 4096 bytes"),
        Arguments.of(
            "server closes in the trailers",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-T: 1\r\n",
            true,
            EOFException.class,
            "connection closed by the server"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void aMalformedOrTruncatedBodyFailsTheReadAndTheConnectionIsNotReused(
      String name,
      String response,
      boolean closeAfter,
      Class<? extends IOException> type,
      String message)
      throws Exception {
    serve(firstConnectionThenReplying(response, closeAfter, ok("next")));

    try (TransportResponse r = get("/a")) {
      assertThat(r.status()).isEqualTo(200);
      assertThatThrownBy(() -> r.body().readAllBytes())
          .isInstanceOf(type)
          .hasMessageContaining(message);
      assertThat(r.body().read()).as("the body stays at its end").isEqualTo(-1);
    }

    assertThat(transport.idleConnections()).isZero();
    server.awaitEnded();
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void bytesAfterTheEndOfAResponseMakeTheConnectionUnusable() throws Exception {
    // A server that sends more than its Content-Length: the extra bytes must not be taken for the
    // next response (which could be a forged one).
    serve(
        firstConnectionThenReplying(
            ok("one") + "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged", false, ok("two")));

    assertThat(fetch("/a")).isEqualTo("one");
    assertThat(fetch("/b")).isEqualTo("two");
    assertThat(server.accepted()).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------------------
  // Request writing

  @Test
  void writesTheRequestLineHostCallerHeadersAndContentLengthExactly() throws Exception {
    serve(RawHttpServer.replying(ok("{}")));
    TransportRequest request =
        new TransportRequest(
            "POST",
            server.uri("/v1/chat?x=a%20b&y=%2F"),
            Headers.of(
                "X-Custom",
                "a",
                "Authorization",
                "Bearer k",
                "Accept",
                "application/json",
                "X-Multi",
                "1",
                "x-multi",
                "2",
                "X-Tab",
                "a\tb"),
            "{\"q\":1}".getBytes(StandardCharsets.UTF_8));

    transport.send(request, CancellationToken.NONE).close();

    assertThat(server.requests())
        .containsExactly(
            "POST /v1/chat?x=a%20b&y=%2F HTTP/1.1\r\n"
                + "Host: 127.0.0.1:"
                + server.port()
                + "\r\n"
                + "Accept: application/json\r\n"
                + "Authorization: Bearer k\r\n"
                + "X-Custom: a\r\n"
                + "X-Multi: 1\r\n"
                + "X-Multi: 2\r\n"
                + "X-Tab: a\tb\r\n"
                + "Content-Length: 7\r\n"
                + "\r\n"
                + "{\"q\":1}");
  }

  @Test
  void aGetHasNoContentLengthAndKeepsTheQueryRawWithoutTheFragment() throws Exception {
    serve(RawHttpServer.replying(ok("{}")));

    fetch("/generation?id=gen%2D1&q=a+b&empty=#fragment");
    transport
        .send(
            TransportRequest.get(URI.create("http://127.0.0.1:" + server.port()), Headers.EMPTY),
            CancellationToken.NONE)
        .close();
    transport
        .send(
            TransportRequest.get(
                URI.create("http://127.0.0.1:" + server.port() + "?only=query"), Headers.EMPTY),
            CancellationToken.NONE)
        .close();

    String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
    assertThat(server.requests())
        .containsExactly(
            "GET /generation?id=gen%2D1&q=a+b&empty= HTTP/1.1\r\n" + host + "\r\n",
            "GET / HTTP/1.1\r\n" + host + "\r\n",
            "GET /?only=query HTTP/1.1\r\n" + host + "\r\n");
  }

  @Test
  void aPostWithAnEmptyBodySendsContentLengthZero() throws Exception {
    serve(RawHttpServer.replying(ok("{}")));

    transport
        .send(
            new TransportRequest("POST", server.uri("/p"), Headers.EMPTY, new byte[0]),
            CancellationToken.NONE)
        .close();

    assertThat(server.requests())
        .containsExactly(
            "POST /p HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port()
                + "\r\nContent-Length: 0\r\n\r\n");
  }

  @Test
  void theHeadOfTheLastRequestIsReusedOnlyForTheSameMethodUriAndHeaders() throws Exception {
    serve(RawHttpServer.replying(ok("{}")));
    Headers a = Headers.of("X-A", "1");
    URI one = server.uri("/one");

    for (TransportRequest r :
        List.of(
            TransportRequest.get(one, a),
            TransportRequest.get(one, a),
            TransportRequest.get(server.uri("/two"), a),
            TransportRequest.get(server.uri("/two"), Headers.of("X-A", "2")),
            new TransportRequest("DELETE", server.uri("/two"), Headers.of("X-A", "2"), null))) {
      transport.send(r, CancellationToken.NONE).close();
    }

    String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
    assertThat(server.requests())
        .containsExactly(
            "GET /one HTTP/1.1\r\n" + host + "X-A: 1\r\n\r\n",
            "GET /one HTTP/1.1\r\n" + host + "X-A: 1\r\n\r\n",
            "GET /two HTTP/1.1\r\n" + host + "X-A: 1\r\n\r\n",
            "GET /two HTTP/1.1\r\n" + host + "X-A: 2\r\n\r\n",
            "DELETE /two HTTP/1.1\r\n" + host + "X-A: 2\r\n\r\n");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("hostHeaders")
  void theHostHeaderHasThePortOnlyWhenItIsNotTheDefault(String uri, String host) {
    URI u = URI.create(uri);
    String head =
        new String(
            RequestHead.prefix("GET", u, SocketRoute.of(u), Headers.EMPTY),
            StandardCharsets.ISO_8859_1);
    assertThat(head).isEqualTo("GET /x HTTP/1.1\r\nHost: " + host + "\r\n");
  }

  static Stream<Arguments> hostHeaders() {
    return Stream.of(
        Arguments.of("http://example.com/x", "example.com"),
        Arguments.of("http://example.com:80/x", "example.com"),
        Arguments.of("http://example.com:8080/x", "example.com:8080"),
        Arguments.of("https://example.com/x", "example.com"),
        Arguments.of("https://example.com:443/x", "example.com"),
        Arguments.of("https://example.com:80/x", "example.com:80"),
        Arguments.of("http://[::1]:8080/x", "[::1]:8080"),
        Arguments.of("https://[::1]/x", "[::1]"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Host",
        "host",
        "Content-Length",
        "Transfer-Encoding",
        "CONNECTION",
        "Upgrade",
        "Expect"
      })
  void refusesAReservedHeaderBeforeAnythingIsSent(String name) throws Exception {
    serve(RawHttpServer.replying(ok("fine")));
    assertThat(fetch("/warm")).isEqualTo("fine"); // a pooled connection the refusal must not touch

    assertThatThrownBy(
            () ->
                transport.send(
                    new TransportRequest(
                        "POST", server.uri("/x"), Headers.of(name, "v"), new byte[] {'x'}),
                    CancellationToken.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);

    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/after")).isEqualTo("fine");
    assertThat(server.accepted()).isEqualTo(1);
    assertThat(server.requests()).hasSize(2).noneMatch(r -> r.contains("/x "));
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(
      strings = {
        "sk-secret\r\nX-Injected: 1",
        "sk-secret\n",
        "sk-secret\r",
        "sk-secret\u0000",
        "sk-secret\u001b",
        "sk-secret\u007f",
        "sk-secret\u20ac"
      })
  void refusesAControlCharacterInAHeaderValueWithoutShowingTheValue(String value) throws Exception {
    serve(RawHttpServer.replying(ok("fine")));

    assertThatThrownBy(
            () ->
                transport.send(
                    TransportRequest.get(server.uri("/x"), Headers.of("Authorization", value)),
                    CancellationToken.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization")
        .hasMessageNotContaining("sk-secret");

    assertThat(fetch("/after")).isEqualTo("fine");
    assertThat(server.accepted()).isEqualTo(1);
    assertThat(server.requests()).hasSize(1);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Bad Name", "X-Colon:", "", "X-Line\r\nBreak"})
  void refusesAnInvalidHeaderNameBeforeAnythingIsSent(String name) throws Exception {
    serve(RawHttpServer.replying(ok("fine")));

    assertThatThrownBy(
            () ->
                transport.send(
                    TransportRequest.get(server.uri("/x"), Headers.of(name, "v")),
                    CancellationToken.NONE))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(fetch("/after")).isEqualTo("fine");
    assertThat(server.requests()).hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Pool

  @Test
  void closingABodyBeforeItsEndClosesTheConnection() throws Exception {
    serve(RawHttpServer.replying(ok("0123456789"), ok("next")));

    try (TransportResponse r = get("/a")) {
      assertThat(r.body().readNBytes(3)).isEqualTo("012".getBytes(StandardCharsets.US_ASCII));
    }

    assertThat(transport.idleConnections()).isZero();
    assertThat(server.awaitEnded().sawEof).isTrue();
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Content-Length", "chunked"})
  void readingABodyToItsEndReturnsTheConnectionWithoutClose(String framing) throws Exception {
    String response =
        framing.equals("chunked")
            ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
            : ok("hello");
    serve(RawHttpServer.replying(response, ok("next")));

    TransportResponse r = get("/a"); // never closed
    assertThat(transport.idleConnections()).isZero();
    assertThat(r.body().readNBytes(5)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    if (framing.equals("chunked")) {
      assertThat(r.body().read()).isEqualTo(-1); // the last chunk is read only now
    }

    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
    r.close(); // a late close does not touch the connection, which now serves others
    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/c")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void takesTheMostRecentlyReturnedConnectionFirst() throws Exception {
    serve(echo());

    TransportResponse first = get("/a");
    TransportResponse second = get("/b"); // the first is still open: a second connection
    assertThat(text(first.body())).isEqualTo("c1 /a");
    assertThat(text(second.body())).isEqualTo("c2 /b");
    assertThat(transport.idleConnections()).isEqualTo(2);

    assertThat(fetch("/c")).isEqualTo("c2 /c");
    assertThat(fetch("/d")).isEqualTo("c2 /d");
  }

  @Test
  void aConnectionIdleLongerThanTheMaxIdleIsClosedAndNotReused() throws Exception {
    serve(echo());
    assertThat(fetch("/a")).isEqualTo("c1 /a");

    clock.advance(SocketPool.MAX_IDLE + 1);

    assertThat(fetch("/b")).isEqualTo("c2 /b");
    assertThat(server.awaitEnded().index).as("the expired connection was closed").isEqualTo(1);
    assertThat(transport.idleConnections()).isEqualTo(1);
  }

  @Test
  void onlyTheConnectionsIdleTooLongExpire() throws Exception {
    serve(echo());
    TransportResponse first = get("/a");
    TransportResponse second = get("/b");
    assertThat(text(first.body())).isEqualTo("c1 /a"); // c1 idle from 0 s
    clock.advance(TimeUnit.SECONDS.toNanos(20));
    assertThat(text(second.body())).isEqualTo("c2 /b"); // c2 idle from 20 s

    clock.advance(TimeUnit.SECONDS.toNanos(15)); // c1 idle 35 s, c2 15 s

    assertThat(fetch("/c")).isEqualTo("c2 /c");
    assertThat(server.awaitEnded().index).isEqualTo(1);
    assertThat(transport.idleConnections()).isEqualTo(1);
  }

  @Test
  void aConnectionIdleOverASecondThatIsStillOpenPassesTheCheckAndIsReused() throws Exception {
    serve(echo());
    assertThat(fetch("/a")).isEqualTo("c1 /a");

    clock.advance(SocketPool.MAX_IDLE); // checked (over 1 s) but not expired (not over 30 s)

    assertThat(fetch("/b")).isEqualTo("c1 /b");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void aConnectionTheServerClosedWhileIdleForOverASecondIsReplacedAndTheRequestSucceeds()
      throws Exception {
    serve(closingTheFirstConnectionAfterOneResponse());
    assertThat(fetch("/a")).isEqualTo("c1 /a");
    assertThat(server.awaitEnded().index).isEqualTo(1); // the server has closed it
    assertThat(transport.idleConnections()).isEqualTo(1);

    clock.advance(SocketPool.CHECK_AFTER + TimeUnit.MILLISECONDS.toNanos(1));

    assertThat(fetch("/b")).isEqualTo("c2 /b");
    assertThat(server.accepted()).isEqualTo(2);
    assertThat(server.requests()).hasSize(2);
  }

  /**
   * The documented limit: a connection idle for less than a second is not checked, so a request
   * sent on one the server has just closed fails, and the transport does not send it again (it
   * cannot know whether the server acted on it). The next request opens a new connection.
   */
  @Test
  void aConnectionTheServerClosedLessThanASecondAgoIsNotCheckedAndTheRequestFails()
      throws Exception {
    serve(closingTheFirstConnectionAfterOneResponse());
    assertThat(fetch("/a")).isEqualTo("c1 /a");
    assertThat(server.awaitEnded().index).isEqualTo(1);

    clock.advance(SocketPool.CHECK_AFTER / 2);

    assertThatThrownBy(() -> get("/b")).isInstanceOf(IOException.class);
    assertThat(server.accepted()).as("not sent again on a new connection").isEqualTo(1);
    assertThat(server.requests()).hasSize(1);
    assertThat(transport.idleConnections()).isZero();

    assertThat(fetch("/c")).isEqualTo("c2 /c");
  }

  @Test
  void aRefusedConnectionFailsWithAConnectException() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/x");

    assertThatThrownBy(
            () -> transport.send(TransportRequest.get(uri, Headers.EMPTY), CancellationToken.NONE))
        .isInstanceOf(ConnectException.class);
    assertThat(transport.idleConnections()).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Cancellation

  @Test
  void cancellingWhileConnectingEndsAtOnce() throws Exception {
    // A listener with a full accept queue drops further SYNs, so the next connect hangs.
    ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    toClose.add(listener);
    InetSocketAddress address =
        new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    for (int i = 0; i < 8; i++) {
      SocketChannel filler = SocketChannel.open();
      toClose.add(filler);
      filler.configureBlocking(false);
      filler.connect(address);
    }
    CancellationToken token = new CancellationToken();
    TestThreads.Running<TransportResponse> call =
        TestThreads.start(
            false,
            () ->
                transport.send(
                    TransportRequest.get(
                        URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/x"),
                        Headers.EMPTY),
                    token));
    awaitBlockedIn(call.thread(), "connect");

    assertCancelledAtOnce(token, call);
    assertThat(transport.idleConnections()).isZero();
  }

  @Test
  void cancellingDuringTheTlsHandshakeEndsAtOnceAndClosesTheConnection() throws Exception {
    CountDownLatch helloReceived = new CountDownLatch(1);
    serve(
        conn -> {
          conn.awaitBytes(); // the ClientHello, never answered
          helloReceived.countDown();
          conn.awaitEof();
        });
    SocketTransport t = new SocketTransport(CONFIG, SocketTransportTest::trustingLocalhost, clock);
    CancellationToken token = new CancellationToken();
    URI uri = URI.create("https://127.0.0.1:" + server.port() + "/x");
    TestThreads.Running<TransportResponse> call =
        TestThreads.start(false, () -> t.send(TransportRequest.get(uri, Headers.EMPTY), token));
    await(helloReceived);
    awaitBlockedIn(call.thread(), "startHandshake");

    assertCancelledAtOnce(token, call);
    assertThat(server.awaitEnded().sawEof).isTrue();
    assertThat(t.idleConnections()).isZero();
  }

  @Test
  void cancellingWhileAwaitingTheHeadersOnAReusedConnectionEndsAtOnceAndDropsIt() throws Exception {
    CountDownLatch secondRequestRead = new CountDownLatch(1);
    serve(
        conn -> {
          if (conn.index == 1) {
            conn.readRequest();
            conn.write(ok("one"));
            conn.readRequest();
            secondRequestRead.countDown();
            conn.awaitEof(); // no answer
            return;
          }
          RawHttpServer.replying(ok("three")).serve(conn);
        });
    assertThat(fetch("/one")).isEqualTo("one");
    CancellationToken token = new CancellationToken();
    TestThreads.Running<TransportResponse> call =
        TestThreads.start(
            false,
            () -> transport.send(TransportRequest.get(server.uri("/two"), Headers.EMPTY), token));
    await(secondRequestRead);
    awaitBlockedIn(call.thread(), "read");

    assertCancelledAtOnce(token, call);
    assertThat(transport.idleConnections()).isZero();
    assertThat(server.awaitEnded().sawEof).isTrue();
    assertThat(fetch("/three")).isEqualTo("three");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void cancellingABlockedBodyReadOnAPlatformThreadEndsAtOnceAndDropsTheConnection()
      throws Exception {
    CountDownLatch partSent = new CountDownLatch(1);
    serve(
        conn -> {
          if (conn.index == 1) {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            partSent.countDown();
            conn.awaitEof(); // the other 90 bytes never come
            return;
          }
          RawHttpServer.replying(ok("next")).serve(conn);
        });
    CancellationToken token = new CancellationToken();
    TestThreads.Running<byte[]> call =
        TestThreads.start(
            false,
            () -> {
              try (TransportResponse r =
                  transport.send(TransportRequest.get(server.uri("/s"), Headers.EMPTY), token)) {
                r.body().readNBytes(10);
                return r.body().readAllBytes(); // blocks
              }
            });
    await(partSent);
    awaitBlockedIn(call.thread(), "read");

    assertCancelledAtOnce(token, call);
    assertThat(transport.idleConnections()).isZero();
    assertThat(server.awaitEnded().sawEof).isTrue();
    assertThat(fetch("/b")).isEqualTo("next");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void aCancellationAfterTheBodyEndedLeavesThePooledConnectionAlone() throws Exception {
    serve(echo());
    CancellationToken token = new CancellationToken();
    try (TransportResponse r =
        transport.send(TransportRequest.get(server.uri("/a"), Headers.EMPTY), token)) {
      assertThat(text(r.body())).isEqualTo("c1 /a");
    }

    token.cancel();

    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/b")).isEqualTo("c1 /b");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void aCancelledTokenFailsBeforeTakingAPooledConnection() throws Exception {
    serve(echo());
    assertThat(fetch("/a")).isEqualTo("c1 /a");
    CancellationToken token = new CancellationToken();
    token.cancel();

    assertThatThrownBy(
            () -> transport.send(TransportRequest.get(server.uri("/b"), Headers.EMPTY), token))
        .isInstanceOf(CancelledException.class);

    assertThat(transport.idleConnections()).isEqualTo(1);
    assertThat(fetch("/c")).isEqualTo("c1 /c");
  }

  // ---------------------------------------------------------------------------------------------
  // Concurrency

  @Test
  void servesManyConcurrentCallersWithCorrectBodiesOnAtMostOneConnectionEach() throws Exception {
    serve(echo());
    int threads = 16;
    int perThread = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String name = "t" + t;
        results.add(
            pool.submit(
                () -> {
                  await(start);
                  List<String> bodies = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    String path = "/" + name + "/r" + i;
                    TransportRequest request =
                        TransportRequest.get(server.uri(path), Headers.of("X-Thread", name));
                    try (TransportResponse r = transport.send(request, CancellationToken.NONE)) {
                      String body = text(r.body());
                      if (!body.endsWith(" " + path + " " + name)) {
                        throw new AssertionError("wrong body for " + path + ": " + body);
                      }
                      bodies.add(body);
                    }
                  }
                  return bodies;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<List<String>> f : results) {
        total += f.get(20, TimeUnit.SECONDS).size();
      }
      assertThat(total).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests()).hasSize(threads * perThread);
    assertThat(server.accepted()).isBetween(1, threads);
    assertThat(transport.idleConnections()).isEqualTo(server.accepted());
  }

  // ---------------------------------------------------------------------------------------------
  // TLS

  @Test
  void sendsOverHttpsToATrustedCertificateAndReusesTheConnection() throws Exception {
    server = RawHttpServer.startTls(serverTls("tls/localhost.p12"), echo());
    toClose.add(server);
    SocketTransport t = new SocketTransport(CONFIG, SocketTransportTest::trustingLocalhost, clock);

    for (String path : List.of("/a", "/b", "/c")) {
      try (TransportResponse r =
          t.send(TransportRequest.get(server.uri(path), Headers.EMPTY), CancellationToken.NONE)) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(text(r.body())).isEqualTo("c1 " + path);
      }
    }

    assertThat(server.accepted()).isEqualTo(1);
    assertThat(t.idleConnections()).isEqualTo(1);
    assertThat(server.requests().get(0))
        .isEqualTo("GET /a HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n");
  }

  @Test
  void aTlsConnectionIdleOverASecondThatIsStillOpenPassesTheCheckAndIsReused() throws Exception {
    server = RawHttpServer.startTls(serverTls("tls/localhost.p12"), echo());
    toClose.add(server);
    SocketTransport t = new SocketTransport(CONFIG, SocketTransportTest::trustingLocalhost, clock);
    try (TransportResponse r = send(t, "/a")) {
      assertThat(text(r.body())).isEqualTo("c1 /a");
    }
    assertThat(t.idleConnections()).isEqualTo(1);

    clock.advance(SocketPool.CHECK_AFTER * 2);

    try (TransportResponse r = send(t, "/b")) {
      assertThat(text(r.body())).isEqualTo("c1 /b");
    }
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void aTlsRecordTheServerSendsWhileTheConnectionIsIdleDoesNotMakeItStale() throws Exception {
    CountDownLatch keyUpdateSent = new CountDownLatch(1);
    RawHttpServer.Script echo = echo();
    server =
        RawHttpServer.startTls(
            serverTls("tls/localhost.p12"),
            conn -> {
              String request = conn.readRequest();
              conn.write(ok(echoBody(conn.index, request)));
              conn.sendTlsKeyUpdate();
              keyUpdateSent.countDown();
              echo.serve(conn);
            });
    toClose.add(server);
    SocketTransport t = new SocketTransport(CONFIG, SocketTransportTest::trustingLocalhost, clock);
    try (TransportResponse r = send(t, "/a")) {
      assertThat(text(r.body())).isEqualTo("c1 /a");
    }
    await(keyUpdateSent);

    clock.advance(SocketPool.CHECK_AFTER * 2); // checked: the check must see past the TLS record

    try (TransportResponse r = send(t, "/b")) {
      assertThat(text(r.body())).isEqualTo("c1 /b");
    }
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void aTlsConnectionTheServerClosedWhileIdleIsReplacedAndTheRequestSucceeds() throws Exception {
    server =
        RawHttpServer.startTls(
            serverTls("tls/localhost.p12"), closingTheFirstConnectionAfterOneResponse());
    toClose.add(server);
    SocketTransport t = new SocketTransport(CONFIG, SocketTransportTest::trustingLocalhost, clock);
    try (TransportResponse r = send(t, "/a")) {
      assertThat(text(r.body())).isEqualTo("c1 /a");
    }
    assertThat(server.awaitEnded().index).isEqualTo(1); // closed: close_notify, then FIN

    clock.advance(SocketPool.CHECK_AFTER * 2);

    try (TransportResponse r = send(t, "/b")) {
      assertThat(text(r.body())).isEqualTo("c2 /b");
    }
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void refusesACertificateThatDoesNotCoverTheHostConnectedTo() throws Exception {
    // Trusted, but issued for dns:localhost only: 127.0.0.1 is not a name it covers.
    server = RawHttpServer.startTls(serverTls("tls/localhost-dns-only.p12"), echo());
    toClose.add(server);
    SocketTransport t =
        new SocketTransport(CONFIG, () -> trusting("tls/localhost-dns-only.p12"), clock);

    assertThatThrownBy(
            () ->
                t.send(
                    TransportRequest.get(server.uri("/a"), Headers.EMPTY), CancellationToken.NONE))
        .isInstanceOf(SSLException.class)
        .hasMessageContaining("127.0.0.1");
    assertThat(t.idleConnections()).isZero();
    assertThat(server.requests()).isEmpty();

    // The same certificate is fine for the name it covers: the failure above is the host check.
    URI byName = URI.create("https://localhost:" + server.port() + "/b");
    try (TransportResponse r =
        t.send(TransportRequest.get(byName, Headers.EMPTY), CancellationToken.NONE)) {
      assertThat(text(r.body())).endsWith(" /b");
    }
  }

  @Test
  void refusesAnUntrustedCertificateWithTheDefaultTrust() throws Exception {
    server = RawHttpServer.startTls(serverTls("tls/localhost.p12"), echo());
    toClose.add(server);
    SocketTransport t = new SocketTransport(CONFIG); // the JDK's default trust store

    assertThatThrownBy(
            () ->
                t.send(
                    TransportRequest.get(server.uri("/a"), Headers.EMPTY), CancellationToken.NONE))
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(t.idleConnections()).isZero();
    assertThat(server.requests()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private void serve(RawHttpServer.Script script) throws IOException {
    server = RawHttpServer.start(script);
    toClose.add(server);
  }

  private TransportResponse get(String path) throws IOException {
    return transport.send(
        TransportRequest.get(server.uri(path), Headers.EMPTY), CancellationToken.NONE);
  }

  private TransportResponse send(Transport t, String path) throws IOException {
    return t.send(TransportRequest.get(server.uri(path), Headers.EMPTY), CancellationToken.NONE);
  }

  private String fetch(String path) throws IOException {
    try (TransportResponse r = get(path)) {
      return text(r.body());
    }
  }

  private static String text(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  private static String ok(String body) {
    return "HTTP/1.1 200 OK\r\nContent-Length: "
        + body.getBytes(StandardCharsets.ISO_8859_1).length
        + "\r\n\r\n"
        + body;
  }

  /**
   * A script that answers each request with {@code c<connection> <path>}, followed by {@code
   * <X-Thread>} when the request has that header.
   */
  private static RawHttpServer.Script echo() {
    return conn -> {
      String request;
      while ((request = conn.readRequest()) != null) {
        conn.write(ok(echoBody(conn.index, request)));
      }
    };
  }

  private static String echoBody(int connection, String request) {
    String path = request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/1.1\r\n"));
    String body = "c" + connection + " " + path;
    int at = request.indexOf("\r\nX-Thread: ");
    if (at >= 0) {
      int from = at + "\r\nX-Thread: ".length();
      body += " " + request.substring(from, request.indexOf("\r\n", from));
    }
    return body;
  }

  /** Echoes one request on the first connection and then closes it; echoes on the others. */
  private static RawHttpServer.Script closingTheFirstConnectionAfterOneResponse() {
    RawHttpServer.Script echo = echo();
    return conn -> {
      if (conn.index == 1) {
        String request = conn.readRequest();
        conn.write(ok(echoBody(1, request)));
        return; // the server closes the connection
      }
      echo.serve(conn);
    };
  }

  /**
   * A script that writes {@code raw} for the first request on the first connection, then either
   * closes it or waits for the client to close it; other connections get {@code next} for every
   * request.
   */
  private static RawHttpServer.Script firstConnectionThenReplying(
      String raw, boolean closeAfter, String next) {
    RawHttpServer.Script others = RawHttpServer.replying(next);
    return conn -> {
      if (conn.index != 1) {
        others.serve(conn);
        return;
      }
      conn.readRequest();
      try {
        conn.write(raw);
      } catch (IOException e) {
        // The client gave up in the middle (a head that is too long): it closed the connection.
      }
      if (!closeAfter) {
        conn.awaitEof();
      }
    };
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("latch not reached within 10 s");
    }
  }

  private static final Set<String> BLOCKING = Set.of("park", "poll", "read0", "accept0");

  /**
   * Waits until a thread's stack shows it blocked in I/O under a method of the given name, by
   * looking at its stack (not by a timing assumption); gives up after 10 seconds.
   */
  private static void awaitBlockedIn(Thread thread, String method) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      boolean blocked = false;
      boolean inMethod = false;
      for (StackTraceElement f : thread.getStackTrace()) {
        blocked |= BLOCKING.contains(f.getMethodName());
        inMethod |= f.getMethodName().equals(method);
      }
      if (blocked && inMethod) {
        return;
      }
      Thread.yield();
    }
    throw new AssertionError("thread never blocked in " + method + ": " + thread);
  }

  /** Cancels and checks the call ends with a CancelledException well before any timeout. */
  private static void assertCancelledAtOnce(CancellationToken token, TestThreads.Running<?> call) {
    long start = System.nanoTime();
    token.cancel();
    assertThatThrownBy(() -> call.outcome().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CancelledException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("ends at once, not at a timeout (20 s)")
        .isLessThan(Duration.ofSeconds(5));
  }

  private static SSLSocketFactory noTls() {
    throw new AssertionError("no TLS expected");
  }

  private static SSLSocketFactory trustingLocalhost() {
    return trusting("tls/localhost.p12");
  }

  /** A client-side factory that trusts exactly the certificate in a key store. */
  private static SSLSocketFactory trusting(String resource) {
    try {
      KeyStore keys = load(resource);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("localhost", keys.getCertificate("localhost"));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext serverTls(String resource) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(load(resource), PASSWORD.toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static KeyStore load(String resource) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        SocketTransportTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  /** A nano clock the test moves by hand. */
  private static final class FakeClock implements LongSupplier {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    @Override
    public long getAsLong() {
      return now.get();
    }

    void advance(long nanos) {
      now.addAndGet(nanos);
    }
  }
}
