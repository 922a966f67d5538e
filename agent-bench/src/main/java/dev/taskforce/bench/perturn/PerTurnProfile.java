package dev.taskforce.bench.perturn;

import dev.taskforce.transport.TransportFactory;
import java.util.Locale;

/**
 * Runs one driver of the per-turn benchmark in a loop, for profiling its client side: {@code
 * PerTurnProfile
 * [taskforce|taskforce-url-connection|taskforce-http-client|langchain4j|floor|socket-floor]
 * [seconds]}, for example under {@code
 * -XX:StartFlightRecording=filename=per-turn.jfr,settings=profile}. The server runs in its own JVM
 * as in the benchmark, so the recording holds the client alone.
 */
public final class PerTurnProfile {

  private PerTurnProfile() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "taskforce";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
    try (ServerProcess server = ServerProcess.start()) {
      Driver driver =
          switch (which) {
            case "taskforce" ->
                new TaskforceDriver("taskforce", server.baseUrl(), TransportFactory.DEFAULT);
            case "taskforce-http-client" ->
                new TaskforceDriver("taskforce", server.baseUrl(), TransportFactory.HTTP_CLIENT);
            case "langchain4j" -> new LangChain4jDriver(server.baseUrl());
            case "floor" ->
                new FloorDriver(
                    FloorDriver.Style.STREAMING, FloorHttp.urlConnection(server.chatUrl()));
            case "taskforce-url-connection" ->
                new TaskforceDriver("taskforce", server.baseUrl(), TransportFactory.URL_CONNECTION);
            case "socket-floor" ->
                new FloorDriver(FloorDriver.Style.STREAMING, FloorHttp.socket(server.chatUrl()));
            default -> throw new IllegalArgumentException("unknown driver: " + which);
          };
      // The first half warms the JIT up; the second half is measured.
      long warm = System.nanoTime() + seconds * 500_000_000L;
      while (System.nanoTime() < warm) {
        driver.converse();
      }
      server.drain();
      long end = System.nanoTime() + seconds * 500_000_000L;
      long conversations = 0;
      Meter.Reading before = Meter.read();
      while (System.nanoTime() < end) {
        driver.converse();
        conversations++;
      }
      Meter.Delta d = Meter.between(before, Meter.read());
      double turns = conversations * (double) Script.TURNS;
      System.err.printf(
          Locale.ROOT,
          "%s: %d conversations, %.0f µs CPU and %.1f KB per turn%n",
          which,
          conversations,
          d.cpuNanos() / 1e3 / turns,
          d.allocatedBytes() / 1024.0 / turns);
      driver.close();
    }
    System.exit(0);
  }
}
