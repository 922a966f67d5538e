package dev.taskforce.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.testserver.Pause;
import dev.taskforce.testserver.RecordedRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.testserver.TestThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportTest {

  private ScriptedServer server;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> transports() {
    return Stream.of(
        Arguments.of("SOCKET", TransportFactory.SOCKET),
        Arguments.of("URL_CONNECTION", TransportFactory.URL_CONNECTION),
        Arguments.of("HTTP_CLIENT", TransportFactory.HTTP_CLIENT));
  }

  private static Transport transport(TransportFactory f) {
    return f.create(TransportConfig.DEFAULT);
  }

  private static String text(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void sendsMethodHeadersAndBodyAndReturnsStatusHeadersAndBody(String name, TransportFactory f)
      throws IOException {
    server.enqueue(ScriptedResponse.json(201, "{\"ok\":true}").header("X-Generation-Id", "gen-1"));
    TransportRequest request =
        new TransportRequest(
            "POST",
            server.url("/api/v1/chat/completions"),
            Headers.of("Content-Type", "application/json", "X-Custom", "a"),
            "{\"q\":1}".getBytes(StandardCharsets.UTF_8));

    try (TransportResponse r = transport(f).send(request, CancellationToken.NONE)) {
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.isSuccessful()).isTrue();
      assertThat(r.headers().value("x-generation-id")).contains("gen-1");
      assertThat(text(r.body())).isEqualTo("{\"ok\":true}");
    }
    RecordedRequest got = server.takeRequest();
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.path()).isEqualTo("/api/v1/chat/completions");
    assertThat(got.header("x-custom")).isEqualTo("a");
    assertThat(got.bodyText()).isEqualTo("{\"q\":1}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void sendsAGetWithoutBodyAndKeepsTheQuery(String name, TransportFactory f) throws IOException {
    server.enqueue(ScriptedResponse.json(200, "{}"));
    try (TransportResponse r =
        transport(f)
            .send(
                TransportRequest.get(server.url("/generation?id=gen-1"), Headers.EMPTY),
                CancellationToken.NONE)) {
      assertThat(text(r.body())).isEqualTo("{}");
    }
    RecordedRequest got = server.takeRequest();
    assertThat(got.method()).isEqualTo("GET");
    assertThat(got.query()).isEqualTo("id=gen-1");
    assertThat(got.body()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void returnsTheBodyOfAnErrorStatus(String name, TransportFactory f) throws IOException {
    server.enqueue(
        ScriptedResponse.json(429, "{\"error\":{\"code\":429}}").header("Retry-After", "3"));
    try (TransportResponse r =
        transport(f)
            .send(TransportRequest.get(server.url("/x"), Headers.EMPTY), CancellationToken.NONE)) {
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.isSuccessful()).isFalse();
      assertThat(r.headers().retryAfter()).contains(Duration.ofSeconds(3));
      assertThat(text(r.body())).isEqualTo("{\"error\":{\"code\":429}}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void plainHttpIsSentAsHttp11WithoutAnUpgrade(String name, TransportFactory f) throws IOException {
    server.enqueue(ScriptedResponse.json(200, "{}"));
    transport(f)
        .send(TransportRequest.get(server.url("/x"), Headers.EMPTY), CancellationToken.NONE)
        .close();
    RecordedRequest got = server.takeRequest();
    assertThat(got.header("Upgrade")).isNull();
    assertThat(got.header("HTTP2-Settings")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void streamsTheBodyAsItArrives(String name, TransportFactory f) throws Exception {
    Pause pause = new Pause();
    server.enqueue(ScriptedResponse.sse().data("one").pause(pause).data("two"));
    try (TransportResponse r =
        transport(f)
            .send(TransportRequest.get(server.url("/s"), Headers.EMPTY), CancellationToken.NONE)) {
      byte[] first = new byte["data: one\n\n".length()];
      int n = r.body().readNBytes(first, 0, first.length);
      // The second event is held back by the server until the release below, so this proves the
      // first one streamed. (Await, not check: the server thread may reach the pause only after
      // the client has read the flushed bytes.)
      pause.awaitReached();
      assertThat(new String(first, 0, n, StandardCharsets.UTF_8)).isEqualTo("data: one\n\n");
      pause.release();
      assertThat(text(r.body())).isEqualTo("data: two\n\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void cancellingWhileWaitingForTheHeadersEndsTheCallAtOnce(String name, TransportFactory f)
      throws Exception {
    Pause pause = new Pause();
    server.enqueue(ScriptedResponse.json(200, "{}").pauseBeforeHeaders(pause));
    CancellationToken token = new CancellationToken();
    Transport t = transport(f);
    TestThreads.Running<TransportResponse> call =
        TestThreads.start(
            false, () -> t.send(TransportRequest.get(server.url("/h"), Headers.EMPTY), token));
    pause.awaitReached();
    TestThreads.awaitBlocked(call.thread());

    token.cancel();

    assertThatThrownBy(() -> call.outcome().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CancelledException.class);
  }

  static Stream<Arguments> immediateBodyCancellation() {
    Stream.Builder<Arguments> b = Stream.builder();
    b.add(Arguments.of("SOCKET on a platform thread", TransportFactory.SOCKET, false));
    b.add(Arguments.of("SOCKET on a virtual thread", TransportFactory.SOCKET, true));
    b.add(Arguments.of("HTTP_CLIENT on a platform thread", TransportFactory.HTTP_CLIENT, false));
    b.add(Arguments.of("HTTP_CLIENT on a virtual thread", TransportFactory.HTTP_CLIENT, true));
    b.add(
        Arguments.of("URL_CONNECTION on a virtual thread", TransportFactory.URL_CONNECTION, true));
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immediateBodyCancellation")
  void cancellingABlockedBodyReadEndsItAtOnce(String name, TransportFactory f, boolean virtual)
      throws Exception {
    assumeTrue(!virtual || TestThreads.virtualThreadsAvailable(), "virtual threads need Java 21+");
    Pause pause = new Pause(); // never released before the assertion: no more bytes arrive
    server.enqueue(ScriptedResponse.sse().data("one").pause(pause).data("two"));
    CancellationToken token = new CancellationToken();
    Transport t = transport(f);
    TestThreads.Running<String> call =
        TestThreads.start(
            virtual,
            () -> {
              try (TransportResponse r =
                  t.send(TransportRequest.get(server.url("/s"), Headers.EMPTY), token)) {
                r.body().readNBytes("data: one\n\n".length());
                return text(r.body()); // blocks: the server is paused
              }
            });
    pause.awaitReached();
    TestThreads.awaitBlocked(call.thread());

    token.cancel();

    assertThatThrownBy(() -> call.outcome().get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(CancelledException.class);
    assertThat(call.outcome()).isCompletedExceptionally();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aCancelledBodyReadNeverReturnsLaterBytesAndTheCancellerNeverBlocks(
      String name, TransportFactory f) throws Exception {
    // The weakest guarantee, which both transports give on every kind of thread: cancel()
    // returns at once, and the read ends with CancelledException no later than the next bytes.
    Pause pause = new Pause();
    server.enqueue(ScriptedResponse.sse().data("one").pause(pause).data("two").pause(new Pause()));
    CancellationToken token = new CancellationToken();
    Transport t = transport(f);
    TestThreads.Running<String> call =
        TestThreads.start(
            false,
            () -> {
              try (TransportResponse r =
                  t.send(TransportRequest.get(server.url("/s"), Headers.EMPTY), token)) {
                r.body().readNBytes("data: one\n\n".length());
                return text(r.body());
              }
            });
    pause.awaitReached();
    TestThreads.awaitBlocked(call.thread());

    token.cancel(); // returns: this line is reached on the test thread
    pause.release();

    assertThatThrownBy(() -> call.outcome().get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(CancelledException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aCancelledTokenFailsBeforeSending(String name, TransportFactory f) {
    CancellationToken token = new CancellationToken();
    token.cancel();
    assertThatThrownBy(
            () -> transport(f).send(TransportRequest.get(server.url("/x"), Headers.EMPTY), token))
        .isInstanceOf(CancelledException.class);
    assertThat(server.requestCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aBodyCutOffMidStreamFailsTheRead(String name, TransportFactory f) throws IOException {
    server.enqueue(ScriptedResponse.sse().data("one").abort());
    try (TransportResponse r =
        transport(f)
            .send(TransportRequest.get(server.url("/s"), Headers.EMPTY), CancellationToken.NONE)) {
      assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(IOException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aServerSilentForLongerThanTheReadTimeoutTimesOut(String name, TransportFactory f)
      throws IOException {
    // Uses real time by necessity (the JDK clients time out on the wall clock), kept to 150 ms.
    Transport t = f.create(new TransportConfig(Duration.ofSeconds(5), Duration.ofMillis(150)));
    server.enqueue(ScriptedResponse.sse().data("one").pause(new Pause()));
    try (TransportResponse r =
        t.send(TransportRequest.get(server.url("/s"), Headers.EMPTY), CancellationToken.NONE)) {
      r.body().readNBytes("data: one\n\n".length());
      assertThatThrownBy(() -> r.body().read()).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aServerThatNeverSendsHeadersTimesOut(String name, TransportFactory f) {
    Transport t = f.create(new TransportConfig(Duration.ofSeconds(5), Duration.ofMillis(150)));
    server.enqueue(ScriptedResponse.json(200, "{}").pauseBeforeHeaders(new Pause()));
    assertThatThrownBy(
            () ->
                t.send(
                    new TransportRequest("POST", server.url("/h"), Headers.EMPTY, new byte[] {'x'}),
                    CancellationToken.NONE))
        .isInstanceOf(SocketTimeoutException.class);
  }
}
