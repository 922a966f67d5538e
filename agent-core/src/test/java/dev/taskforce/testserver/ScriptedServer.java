package dev.taskforce.testserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.taskforce.transport.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server on 127.0.0.1 that answers each request with the next scripted response, byte
 * for byte, and records every request.
 *
 * <pre>{@code
 * try (ScriptedServer server = ScriptedServer.start()) {
 *   server.enqueue(ScriptedResponse.json(200, "{\"ok\":true}"));
 *   ... call server.url("/api/v1/chat/completions") ...
 *   RecordedRequest r = server.takeRequest();
 * }
 * }</pre>
 *
 * <p>Responses are served in the order they were enqueued, whatever the path. When none is left,
 * the server answers 599 with a plain-text explanation, so a test that sends more requests than it
 * scripted fails visibly. Thread-safe.
 */
public final class ScriptedServer implements AutoCloseable {

  /** The status sent when no scripted response is left. */
  public static final int UNSCRIPTED = 599;

  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<ScriptedResponse> script = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> all = new CopyOnWriteArrayList<>();
  private final List<Pause> pauses = new CopyOnWriteArrayList<>();

  private ScriptedServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server on an ephemeral port of 127.0.0.1.
   *
   * @return the running server
   */
  public static ScriptedServer start() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "scripted-server");
                t.setDaemon(true);
                return t;
              });
      http.setExecutor(executor);
      ScriptedServer s = new ScriptedServer(http, executor);
      http.createContext("/", s::handle);
      http.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The server's base address, for example {@code http://127.0.0.1:54321}.
   *
   * @return the address, without a trailing slash
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * An address on this server.
   *
   * @param path a path starting with {@code /}
   * @return the URI
   */
  public URI url(String path) {
    return URI.create(baseUrl() + path);
  }

  /**
   * Adds a response to the script.
   *
   * @param response the response
   * @return this server
   */
  public ScriptedServer enqueue(ScriptedResponse response) {
    script.add(response);
    if (response.beforeHeaders != null) {
      pauses.add(response.beforeHeaders);
    }
    for (ScriptedResponse.Step step : response.steps) {
      if (step instanceof ScriptedResponse.Wait w) {
        pauses.add(w.pause());
      }
    }
    return this;
  }

  /**
   * Takes the oldest request not taken yet, waiting at most 10 seconds for it.
   *
   * @return the request
   * @throws AssertionError if none arrives
   */
  public RecordedRequest takeRequest() {
    try {
      RecordedRequest r = requests.poll(10, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * How many requests have arrived so far.
   *
   * @return the count
   */
  public int requestCount() {
    return all.size();
  }

  /**
   * Every request received so far, in arrival order.
   *
   * @return a snapshot
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(all);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    RecordedRequest recorded =
        new RecordedRequest(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(),
            Headers.of(exchange.getRequestHeaders()),
            body);
    all.add(recorded);
    requests.add(recorded);
    ScriptedResponse r = script.poll();
    if (r == null) {
      byte[] msg = "no scripted response left".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(UNSCRIPTED, msg.length);
      exchange.getResponseBody().write(msg);
      exchange.close();
      return;
    }
    if (r.beforeHeaders != null) {
      r.beforeHeaders.arriveAndWait();
    }
    for (String[] h : r.headers) {
      exchange.getResponseHeaders().add(h[0], h[1]);
    }
    if (r.wholeBody != null || r.steps.isEmpty()) {
      byte[] whole = r.wholeBody == null ? new byte[0] : r.wholeBody;
      exchange.sendResponseHeaders(r.status, whole.length == 0 ? -1 : whole.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(whole);
      }
      return;
    }
    exchange.sendResponseHeaders(r.status, 0); // chunked
    OutputStream out = exchange.getResponseBody();
    for (ScriptedResponse.Step step : r.steps) {
      if (step instanceof ScriptedResponse.Write w) {
        out.write(w.bytes());
        out.flush();
      } else if (step instanceof ScriptedResponse.Wait w) {
        w.pause().arriveAndWait();
      } else if (step instanceof ScriptedResponse.Abort) {
        // An exception out of the handler makes the server drop the connection mid-body.
        throw new IOException("scripted abort");
      }
    }
    out.close();
  }

  /** Releases every pause and stops the server. */
  @Override
  public void close() {
    pauses.forEach(Pause::release);
    server.stop(0);
    executor.shutdownNow();
  }
}
