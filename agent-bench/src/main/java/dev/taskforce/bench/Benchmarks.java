package dev.taskforce.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the benchmarks and prints one table: {@code Benchmarks [smoke|full] [only=a,b]
 * [jdk=/path/to/jdk,...]}.
 *
 * <p>Each benchmark runs in a JVM of its own, once per JDK: by default Java 17 (the baseline, on a
 * bounded thread pool) and the newest JDK 21+ under {@code /usr/lib/jvm} (virtual threads), so one
 * command gives both columns. The table also goes to {@code target/benchmark-results.md}. The exit
 * code is non-zero when a benchmark failed to run; figures that miss their targets do not change it
 * (CI runs the smoke mode and does not judge figures).
 */
public final class Benchmarks {

  private static final Path JVM_DIR = Path.of("/usr/lib/jvm");
  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  /** A JDK to fork benchmarks on. */
  record Jdk(Path home, int major) {
    Path java() {
      return home.resolve("bin").resolve("java");
    }
  }

  /** The parsed command line. */
  record Options(Mode mode, List<String> only, List<Path> jdks) {}

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    List<Jdk> jdks = options.jdks().isEmpty() ? defaultJdks() : explicit(options.jdks());
    List<String> names =
        options.only().isEmpty() ? List.copyOf(BenchmarkCatalog.names()) : options.only();
    names.forEach(BenchmarkCatalog::create); // fail fast on a misspelt name
    List<Table.Row> rows = new ArrayList<>();
    int failures = 0;
    for (String name : names) {
      for (Jdk jdk : jdks) {
        System.err.printf(
            "== %s on JDK %d (%s), %s%n", name, jdk.major(), jdk.home(), options.mode());
        Optional<List<Figure>> figures = fork(name, jdk, options.mode());
        if (figures.isEmpty()) {
          failures++;
          rows.add(
              new Table.Row(
                  name, label(jdk), Figure.info("FAILED (see the log above)", Double.NaN, "")));
          continue;
        }
        for (Figure figure : figures.get()) {
          rows.add(new Table.Row(name, label(jdk), figure));
        }
      }
    }
    String table = Table.render(rows);
    System.out.print(table);
    Path results = Path.of("target", "benchmark-results.md");
    Files.createDirectories(results.getParent());
    Files.writeString(results, table, StandardCharsets.UTF_8);
    System.err.println("== table written to " + results.toAbsolutePath());
    if (failures > 0) {
      System.err.println("== " + failures + " benchmark run(s) failed");
      System.exit(1);
    }
  }

  static Options parse(String[] args) {
    Mode mode = Mode.FULL;
    List<String> only = new ArrayList<>();
    List<Path> jdks = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("smoke")) {
        mode = Mode.SMOKE;
      } else if (arg.equals("full")) {
        mode = Mode.FULL;
      } else if (arg.startsWith("only=")) {
        only.addAll(List.of(arg.substring(5).split(",")));
      } else if (arg.startsWith("jdk=")) {
        Stream.of(arg.substring(4).split(",")).map(Path::of).forEach(jdks::add);
      } else {
        throw new IllegalArgumentException(
            "unknown argument '"
                + arg
                + "'; usage: [smoke|full] [only=a,b] [jdk=/path,...]; benchmarks: "
                + BenchmarkCatalog.names());
      }
    }
    return new Options(mode, List.copyOf(only), List.copyOf(jdks));
  }

  /** Java 17 (this JVM if it is one) and the newest JDK 21+; this JVM alone if neither is found. */
  static List<Jdk> defaultJdks() throws IOException {
    Jdk current = new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    List<Jdk> found = new ArrayList<>();
    found.add(current);
    if (Files.isDirectory(JVM_DIR)) {
      try (Stream<Path> homes = Files.list(JVM_DIR)) {
        homes.sorted().forEach(home -> major(home).ifPresent(m -> found.add(new Jdk(home, m))));
      }
    }
    return choose(current, found);
  }

  static List<Jdk> choose(Jdk current, List<Jdk> found) {
    Map<Integer, Jdk> byMajor = new LinkedHashMap<>();
    byMajor.put(current.major(), current);
    for (Jdk jdk : found) {
      byMajor.putIfAbsent(jdk.major(), jdk);
    }
    List<Jdk> chosen = new ArrayList<>();
    Optional.ofNullable(byMajor.get(17)).ifPresent(chosen::add);
    byMajor.values().stream()
        .filter(jdk -> jdk.major() >= 21)
        .max(Comparator.comparingInt(Jdk::major))
        .ifPresent(chosen::add);
    return chosen.isEmpty() ? List.of(current) : chosen;
  }

  private static List<Jdk> explicit(List<Path> homes) {
    List<Jdk> jdks = new ArrayList<>();
    for (Path home : homes) {
      int major =
          major(home)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "not a JDK (no bin/java and release file): " + home));
      jdks.add(new Jdk(home, major));
    }
    return jdks;
  }

  /** The feature version from a JDK's {@code release} file. */
  static Optional<Integer> major(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try {
      Matcher m = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String label(Jdk jdk) {
    return Integer.toString(jdk.major());
  }

  private static Optional<List<Figure>> fork(String name, Jdk jdk, Mode mode) throws Exception {
    Benchmark benchmark = BenchmarkCatalog.create(name);
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    command.addAll(benchmark.jvmOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Fork.class.getName());
    command.add(name);
    command.add(mode.name());
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Figure> figures = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(Fork.PREFIX)) {
          figures.add(Fork.JSON.readValue(line.substring(Fork.PREFIX.length()), Figure.class));
        } else {
          System.err.println(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      System.err.printf("== %s on JDK %d exited with %d%n", name, jdk.major(), exit);
      return Optional.empty();
    }
    return Optional.of(figures);
  }
}
