package dev.taskforce.bench.perturn;

import dev.taskforce.bench.Benchmark;
import dev.taskforce.bench.Figure;
import dev.taskforce.bench.Mode;
import dev.taskforce.bench.Verdict;
import dev.taskforce.transport.TransportFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark 1, per-turn overhead: the same scripted five-turn tool conversation ({@link Script})
 * had by a Taskforce agent, by LangChain4j's {@code AiServices}, and by hand-written floors,
 * against a server in another JVM that answers instantly. Reports the client process's CPU time and
 * the bytes its threads allocate, per model turn: the median and range over interleaved batches
 * after a warm-up.
 */
public final class PerTurnBenchmark implements Benchmark {

  static final String TASKFORCE = "Taskforce agent (default transport)";
  static final String TASKFORCE_URL_CONNECTION = "Taskforce agent over HttpURLConnection";
  static final String TASKFORCE_HTTP_CLIENT = "Taskforce agent over HttpClient";
  static final String LANGCHAIN4J = "LangChain4j AiServices";

  /** Conversations per driver before measuring. */
  private static final int WARMUP_CONVERSATIONS = 4000;

  private static final int WARMUP_ROUNDS = 8;

  /** Measured batches per driver. */
  private static final int BATCHES = 15;

  /**
   * Client CPU time a batch should take: the process CPU clock ticks in 10 ms steps on Linux, so a
   * batch of about a second reads to 1%.
   */
  private static final double BATCH_CPU_SECONDS = 1.0;

  /** The measured spreads of one driver. */
  record Result(
      String label, Spread cpuMicros, Spread allocKb, long lostThreads, boolean reasoning) {}

  /** What one batch measured, and whether every request of it sent the reasoning back. */
  private record Batch(Meter.Delta delta, boolean reasoning) {}

  @Override
  public String name() {
    return "per-turn";
  }

  @Override
  public List<String> jvmOptions() {
    return List.of("-Xms1g", "-Xmx1g");
  }

  @Override
  public List<Figure> run(Mode mode) throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      List<Driver> drivers = drivers(server);
      try {
        List<Result> results = measure(mode, server, drivers);
        return figures(results);
      } finally {
        for (Driver d : drivers) {
          d.close();
        }
      }
    }
  }

  private static List<Driver> drivers(ServerProcess server) {
    String base = server.baseUrl();
    String chat = server.chatUrl();
    return List.of(
        new TaskforceDriver(TASKFORCE, base, TransportFactory.DEFAULT),
        new TaskforceDriver(TASKFORCE_URL_CONNECTION, base, TransportFactory.URL_CONNECTION),
        new TaskforceDriver(TASKFORCE_HTTP_CLIENT, base, TransportFactory.HTTP_CLIENT),
        new LangChain4jDriver(base),
        new FloorDriver(FloorDriver.Style.TREE, FloorHttp.urlConnection(chat)),
        new FloorDriver(FloorDriver.Style.STREAMING, FloorHttp.urlConnection(chat)),
        new FloorDriver(FloorDriver.Style.TREE, FloorHttp.httpClient(chat)),
        new FloorDriver(FloorDriver.Style.STREAMING, FloorHttp.httpClient(chat)),
        new FloorDriver(FloorDriver.Style.STREAMING, FloorHttp.socket(chat)));
  }

  private static List<Result> measure(Mode mode, ServerProcess server, List<Driver> drivers)
      throws Exception {
    int d = drivers.size();
    server.drain();
    // Each driver once, checked: the right answer in exactly five turns, reasoning carried back.
    boolean[] reasoning = new boolean[d];
    Meter.Delta[] first = new Meter.Delta[d];
    for (int i = 0; i < d; i++) {
      Batch batch = batch(server, drivers.get(i), 1);
      first[i] = batch.delta();
      reasoning[i] = batch.reasoning();
    }
    if (mode == Mode.SMOKE) {
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        double cpu = first[i].cpuNanos() / 1e3 / Script.TURNS;
        double kb = first[i].allocatedBytes() / 1024.0 / Script.TURNS;
        results.add(
            new Result(
                drivers.get(i).label(),
                Spread.of(cpu),
                Spread.of(kb),
                first[i].lostThreads(),
                reasoning[i]));
      }
      return results;
    }
    // Warm-up, interleaved, until the JIT has settled; the last round sizes the batches.
    int[] size = new int[d];
    int perRound = WARMUP_CONVERSATIONS / WARMUP_ROUNDS;
    for (int round = 1; round <= WARMUP_ROUNDS; round++) {
      StringBuilder line = new StringBuilder("warm-up round " + round + ":");
      for (int i = 0; i < d; i++) {
        Meter.Delta delta = batch(server, drivers.get(i), perRound).delta();
        double cpuPerConversation = delta.cpuNanos() / (double) perRound;
        size[i] = (int) Math.max(50, Math.min(5000, BATCH_CPU_SECONDS * 1e9 / cpuPerConversation));
        line.append(String.format(Locale.ROOT, " %.0f", cpuPerConversation / 1e3 / Script.TURNS));
      }
      System.err.println(line.append(" µs/turn"));
    }
    double[][] cpu = new double[d][BATCHES];
    double[][] kb = new double[d][BATCHES];
    long[] lost = new long[d];
    for (int b = 0; b < BATCHES; b++) {
      StringBuilder line = new StringBuilder("batch " + (b + 1) + ":");
      for (int k = 0; k < d; k++) {
        int i = (b + k) % d; // rotate the order, so no driver always follows the same one
        System.gc(); // each batch starts with an empty young generation
        Batch batch = batch(server, drivers.get(i), size[i]);
        Meter.Delta delta = batch.delta();
        double turns = (double) size[i] * Script.TURNS;
        cpu[i][b] = delta.cpuNanos() / 1e3 / turns;
        kb[i][b] = delta.allocatedBytes() / 1024.0 / turns;
        lost[i] += delta.lostThreads();
        reasoning[i] &= batch.reasoning();
      }
      for (int i = 0; i < d; i++) {
        line.append(String.format(Locale.ROOT, " %.0fµs/%.1fKB", cpu[i][b], kb[i][b]));
      }
      System.err.println(line);
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      results.add(
          new Result(
              drivers.get(i).label(), Spread.of(cpu[i]), Spread.of(kb[i]), lost[i], reasoning[i]));
    }
    return results;
  }

  /** Runs {@code n} conversations and checks at the server that each took exactly five turns. */
  private static Batch batch(ServerProcess server, Driver driver, int n) throws Exception {
    Meter.Reading before = Meter.read();
    for (int c = 0; c < n; c++) {
      driver.converse();
    }
    Meter.Reading after = Meter.read();
    ServerProcess.Stats stats = server.drain();
    String problem = stats.problem(n);
    if (!problem.isEmpty()) {
      throw new IllegalStateException(
          driver.label()
              + " did not have "
              + n
              + " conversations of exactly "
              + Script.TURNS
              + " turns: "
              + problem);
    }
    return new Batch(Meter.between(before, after), stats.carriedReasoning(n));
  }

  static List<Figure> figures(List<Result> results) {
    Map<String, Result> byLabel = new LinkedHashMap<>();
    results.forEach(r -> byLabel.put(r.label(), r));
    Result tf = byLabel.get(TASKFORCE);
    Result lc = byLabel.get(LANGCHAIN4J);
    List<Result> floors = results.stream().filter(r -> r.label().startsWith("floor:")).toList();
    @Nullable Result socketFloor =
        results.stream()
            .filter(r -> r.label().startsWith(FloorHttp.SOCKET_FLOOR))
            .findFirst()
            .orElse(null);
    Result cpuFloor =
        floors.stream().min(Comparator.comparingDouble(r -> r.cpuMicros().median())).orElseThrow();
    Result allocFloor =
        floors.stream().min(Comparator.comparingDouble(r -> r.allocKb().median())).orElseThrow();
    for (Result r : results) {
      if (!r.reasoning() && r != lc) {
        throw new IllegalStateException(r.label() + " did not send reasoning_details back");
      }
    }
    double cpu = tf.cpuMicros().median();
    double alloc = tf.allocKb().median();
    List<Figure> figures = new ArrayList<>();
    boolean cpuOk =
        cpu <= 0.5 * lc.cpuMicros().median() && cpu <= 1.25 * cpuFloor.cpuMicros().median();
    figures.add(
        new Figure(
            "CPU per turn",
            cpu,
            "µs",
            lc.cpuMicros().median(),
            cpuFloor.cpuMicros().median(),
            "≤ 0.5x peer, ≤ 1.25x floor",
            cpuOk ? Verdict.PASS : Verdict.FAIL));
    figures.add(
        new Figure(
            "allocation per turn",
            alloc,
            "KB",
            lc.allocKb().median(),
            allocFloor.allocKb().median(),
            "≤ 0.6x peer",
            alloc <= 0.6 * lc.allocKb().median() ? Verdict.PASS : Verdict.FAIL));
    if (socketFloor != null) {
      figures.add(
          new Figure(
              "CPU per turn against the hand-written socket floor (no target)",
              cpu,
              "µs",
              Double.NaN,
              socketFloor.cpuMicros().median(),
              "",
              Verdict.NONE));
    }
    for (Result r : results) {
      String mark = r == cpuFloor ? " [CPU floor]" : "";
      figures.add(
          Figure.info(
              "CPU/turn, " + r.label() + range(r.cpuMicros(), "µs") + mark,
              r.cpuMicros().median(),
              "µs"));
    }
    for (Result r : results) {
      String mark = r == allocFloor ? " [alloc floor]" : "";
      figures.add(
          Figure.info(
              "alloc/turn, " + r.label() + range(r.allocKb(), "KB") + mark,
              r.allocKb().median(),
              "KB"));
    }
    long lost = results.stream().mapToLong(Result::lostThreads).sum();
    if (lost > 0) {
      figures.add(Figure.info("threads ended mid-batch (their allocation is missing)", lost, ""));
    }
    figures.add(
        Figure.info(
            "LangChain4j sends reasoning_details back: " + (lc.reasoning() ? "yes" : "no"),
            Double.NaN,
            ""));
    return figures;
  }

  private static String range(Spread s, String unit) {
    return String.format(Locale.ROOT, " (range %s-%s %s)", round(s.min()), round(s.max()), unit);
  }

  private static String round(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
