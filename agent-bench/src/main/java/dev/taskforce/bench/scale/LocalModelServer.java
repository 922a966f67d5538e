package dev.taskforce.bench.scale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for OpenRouter's {@code POST /api/v1/chat/completions}, run in a JVM of its own by
 * {@link HttpScale} so that its threads and heap stay out of the client's figures: it answers every
 * request after a delay (the {@code X-Bench-Latency-Ms} header, else the first argument) with a
 * {@link ThreeTurns} answer in the Chat Completions shape. Handlers run on virtual threads on Java
 * 21+ and on a cached pool on 17, so the server never bounds concurrency. {@code GET /stats}
 * returns {@code <requests> <connections> <cpu nanos>} since the last call to it, then starts
 * counting again.
 *
 * <p>Prints {@code PORT <n>} when it listens on 127.0.0.1 and exits when its standard input closes
 * (when the benchmark that started it ends).
 */
public final class LocalModelServer {

  static final String PATH = "/api/v1/chat/completions";
  static final String LATENCY_HEADER = "X-Bench-Latency-Ms";
  private static final byte[] TOOL_ROLE = "\"role\":\"tool\"".getBytes(StandardCharsets.UTF_8);

  private final long defaultLatencyMillis;
  private final AtomicLong requests = new AtomicLong();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private volatile long cpuAtStats;

  private LocalModelServer(long defaultLatencyMillis) {
    this.defaultLatencyMillis = defaultLatencyMillis;
  }

  public static void main(String[] args) throws Exception {
    LocalModelServer server = new LocalModelServer(Long.parseLong(args[0]));
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
    http.createContext(PATH, server::complete);
    http.createContext("/stats", server::stats);
    http.setExecutor(executor());
    http.start();
    System.out.println("PORT " + http.getAddress().getPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for the parent to go.
    }
    System.exit(0);
  }

  private static ExecutorService executor() throws Exception {
    if (Runtime.version().feature() >= 21) {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }
    return Executors.newCachedThreadPool();
  }

  private void complete(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      clientPorts.add(exchange.getRemoteAddress().getPort());
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String latency = exchange.getRequestHeaders().getFirst(LATENCY_HEADER);
      Thread.sleep(latency == null ? defaultLatencyMillis : Long.parseLong(latency));
      byte[] answer = answer(count(body, TOOL_ROLE) + 1).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stats(HttpExchange exchange) throws IOException {
    try (exchange) {
      long cpu = cpuNanos();
      byte[] text =
          (requests.getAndSet(0) + " " + clientPorts.size() + " " + (cpu - cpuAtStats))
              .getBytes(StandardCharsets.UTF_8);
      cpuAtStats = cpu;
      clientPorts.clear();
      exchange.sendResponseHeaders(200, text.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(text);
      }
    }
  }

  /** This JVM's CPU time so far, all threads. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String answer(int turn) {
    String head =
        "{\"id\":\"gen-bench-"
            + turn
            + "\",\"object\":\"chat.completion\",\"created\":1773323924,"
            + "\"model\":\"openai/gpt-5.4-nano\",\"provider\":\"OpenAI\","
            + "\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"logprobs\":null,";
    String usage =
        ",\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":20,\"total_tokens\":140,"
            + "\"cost\":0.00005,\"is_byok\":false}}";
    if (ThreeTurns.answers(turn)) {
      return head
          + "\"finish_reason\":\"stop\",\"native_finish_reason\":\"completed\","
          + "\"message\":{\"role\":\"assistant\",\"content\":\""
          + ThreeTurns.ANSWER
          + "\",\"refusal\":null}}]"
          + usage;
    }
    String args = ThreeTurns.arguments(turn).replace("\"", "\\\"");
    return head
        + "\"finish_reason\":\"tool_calls\",\"native_finish_reason\":\"completed\","
        + "\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":null,"
        + "\"tool_calls\":[{\"type\":\"function\",\"index\":0,\"id\":\"call_"
        + turn
        + "\",\"function\":{\"name\":\""
        + ThreeTurns.TOOL
        + "\",\"arguments\":\""
        + args
        + "\"}}]}}]"
        + usage;
  }

  static int count(byte[] haystack, byte[] needle) {
    int n = 0;
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      n++;
      i += needle.length - 1;
    }
    return n;
  }
}
