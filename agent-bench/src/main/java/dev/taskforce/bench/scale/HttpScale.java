package dev.taskforce.bench.scale;

import dev.taskforce.agent.Agent;
import dev.taskforce.bench.Benchmark;
import dev.taskforce.bench.Figure;
import dev.taskforce.bench.Mode;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.transport.TransportFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Benchmark 3b: 1,000 concurrent three-turn agent runs through the OpenRouter client against a
 * {@link LocalModelServer} in a JVM of its own that answers after 500 ms, once over each built-in
 * transport. Reports the wall time against the ideal of three latencies, the TCP connections the
 * server saw, and the client's peak heap and platform threads. No target: the issue asks what
 * limits it.
 */
public final class HttpScale implements Benchmark {

  static final int MAX_IDLE_SERVER_CONNECTIONS = 4096;

  @Override
  public String name() {
    return "scale-http";
  }

  @Override
  public List<String> jvmOptions() {
    return List.of("-Xmx1g");
  }

  @Override
  public List<Figure> run(Mode mode) throws Exception {
    boolean full = mode == Mode.FULL;
    int runs = full ? 1_000 : 100;
    Duration latency = Duration.ofMillis(full ? 500 : 50);
    Process server = startServer(latency);
    try {
      int port = port(server);
      List<Figure> figures = new ArrayList<>();
      if (full) {
        // Both JVMs warm up before the first phase, so that it does not pay for the JIT alone.
        for (TransportFactory t :
            List.of(TransportFactory.SOCKET, TransportFactory.URL_CONNECTION)) {
          for (int i = 0; i < 3; i++) {
            Batch.run(agent(t, port, Duration.ofMillis(20)), runs);
          }
        }
      }
      figures.addAll(phase("socket", TransportFactory.SOCKET, port, runs, latency, full));
      figures.addAll(
          phase("HttpURLConnection", TransportFactory.URL_CONNECTION, port, runs, latency, full));
      figures.addAll(phase("HttpClient", TransportFactory.HTTP_CLIENT, port, runs, latency, full));
      return figures;
    } finally {
      server.destroy();
    }
  }

  /** One measured batch with what the server and the CPU clocks saw. */
  private record Sample(
      Batch.Result batch, long requests, long connections, double clientCpu, double serverCpu) {}

  private static List<Figure> phase(
      String label, TransportFactory transport, int port, int runs, Duration latency, boolean full)
      throws Exception {
    if (full) {
      Batch.run(agent(transport, port, Duration.ofMillis(20)), runs); // warm-up, JIT included
    }
    Agent agent = agent(transport, port, latency);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < (full ? 3 : 1); i++) {
      stats(port); // Count from here.
      Batch.Result b = Batch.run(agent, runs);
      double clientCpu = b.cpuNanos() / 1e9;
      long[] seen = stats(port);
      Sample sample = new Sample(b, seen[0], seen[1], clientCpu, seen[2] / 1e9);
      samples.add(sample);
      System.err.printf(
          "scale-http: %d runs over %s on %s: %.3f s, %d requests on %d TCP connections,"
              + " peak heap %.0f MiB, peak platform threads %d; CPU: client %.2f s, server %.2f s%n",
          runs,
          label,
          Launcher.describe(),
          b.seconds(),
          sample.requests(),
          sample.connections(),
          b.peakHeapMiB(),
          b.peakPlatformThreads(),
          clientCpu,
          sample.serverCpu());
    }
    samples.sort(Comparator.comparingLong(x -> x.batch().wallNanos()));
    Sample median = samples.get(samples.size() / 2);
    Batch.Result r = median.batch();
    double ideal = ThreeTurns.TURNS * latency.toMillis() / 1000.0;
    String metric =
        String.format(
            "%,d runs × 3 turns over HTTP, %d ms server, %s, %s",
            runs, latency.toMillis(), label, Launcher.describe());
    return List.of(
        new Figure(
            metric, r.seconds(), "s", Double.NaN, ideal, "", dev.taskforce.bench.Verdict.NONE),
        Figure.info(
            label + ": TCP connections for " + median.requests() + " requests",
            median.connections(),
            ""),
        Figure.info(label + ": peak heap used (-Xmx1g)", r.peakHeapMiB(), "MiB"),
        Figure.info(label + ": peak live platform threads", r.peakPlatformThreads(), ""),
        Figure.info(
            label + ": client CPU per model call",
            median.clientCpu() * 1e6 / median.requests(),
            "µs"),
        Figure.info(
            label + ": server CPU per request",
            median.serverCpu() * 1e6 / median.requests(),
            "µs"));
  }

  static Agent agent(TransportFactory transport, int port, Duration latency) {
    OpenRouter client =
        OpenRouter.builder()
            .environment(name -> null)
            .baseUrl("http://127.0.0.1:" + port + "/api/v1")
            .apiKey("bench-not-a-real-key")
            .header(LocalModelServer.LATENCY_HEADER, Long.toString(latency.toMillis()))
            .transport(transport)
            .build();
    return Agent.builder()
        .name("scale-http")
        .model(client.model("openai/gpt-5.4-nano"))
        .instructions("You answer questions about orders. Use the lookup tool.")
        .tools(List.of(ThreeTurns.tool()))
        .maxTurns(ThreeTurns.TURNS + 1)
        .build();
  }

  private static Process startServer(Duration latency) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            // OpenRouter keeps idle keep-alive connections; the JDK's server closes all but 200.
            "-Dsun.net.httpserver.maxIdleConnections=" + MAX_IDLE_SERVER_CONNECTIONS,
            "-cp",
            System.getProperty("java.class.path"),
            LocalModelServer.class.getName(),
            Long.toString(latency.toMillis()))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int port(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      throw new IllegalStateException("the local model server did not start: " + line);
    }
    return Integer.parseInt(line.substring(5).trim());
  }

  /** {@code {requests, connections, server CPU nanos}} since the last call, from the server. */
  private static long[] stats(int port) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + port + "/stats").toURL().openConnection();
    try {
      String[] parts =
          new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
      return new long[] {
        Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])
      };
    } finally {
      c.disconnect();
    }
  }
}
