package dev.taskforce.bench.perturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ScriptServer} in a JVM of its own (same {@code java}, same class path), so that the
 * client process's CPU time is the client's alone. Closing it ends the server.
 */
final class ServerProcess implements AutoCloseable {

  /** The counters of one {@code GET /stats}. */
  record Stats(long requests, long[] byTurn, long reasoningBack, long rejected) {

    /** Why these are not the counts of {@code conversations} whole conversations, or empty. */
    String problem(long conversations) {
      StringBuilder b = new StringBuilder();
      if (requests != conversations * Script.TURNS) {
        b.append(requests)
            .append(" requests for ")
            .append(conversations)
            .append(" conversations of ")
            .append(Script.TURNS)
            .append(" turns; ");
      }
      for (int t = 0; t < byTurn.length; t++) {
        if (byTurn[t] != conversations) {
          b.append("turn ").append(t + 1).append(" answered ").append(byTurn[t]).append(" times; ");
        }
      }
      if (rejected > 0) {
        b.append(rejected).append(" requests fitted no turn; ");
      }
      return b.toString();
    }

    /** Whether every request after the first sent all earlier reasoning back. */
    boolean carriedReasoning(long conversations) {
      return reasoningBack == conversations * (Script.TURNS - 1);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final Thread hook;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    this.hook = new Thread(process::destroyForcibly, "script-server-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static ServerProcess start() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xms256m",
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ScriptServer.class.getName()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IOException("the script server did not print its port: " + line);
    }
    return new ServerProcess(process, Integer.parseInt(line.substring(5).trim()));
  }

  /** The base URL a client is configured with, such as {@code http://127.0.0.1:4711/api/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + port + "/api/v1";
  }

  /** The Chat Completions URL. */
  String chatUrl() {
    return baseUrl() + "/chat/completions";
  }

  /** The counters since the last call, which resets them. */
  Stats drain() throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + port + "/stats").toURL().openConnection();
    JsonNode n;
    try (InputStream in = c.getInputStream()) {
      n = JSON.readTree(in);
    }
    long[] byTurn = new long[Script.TURNS];
    for (int t = 0; t < byTurn.length; t++) {
      byTurn[t] = n.path("byTurn").path(t).asLong();
    }
    return new Stats(
        n.path("requests").asLong(),
        byTurn,
        n.path("reasoningBack").asLong(),
        n.path("rejected").asLong());
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already
    }
  }
}
