package dev.taskforce.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;

/**
 * The entry point of a forked benchmark JVM: {@code Fork <name> <SMOKE|FULL>}. Prints each figure
 * as one line {@value #PREFIX}{@code <json>} on standard output; everything else goes to standard
 * error.
 */
public final class Fork {

  static final String PREFIX = "@@figure ";
  static final ObjectMapper JSON = new ObjectMapper();

  private Fork() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: Fork <benchmark> <SMOKE|FULL>");
    }
    Benchmark benchmark = BenchmarkCatalog.create(args[0]);
    Mode mode = Mode.valueOf(args[1]);
    // Figures only on stdout: a benchmark's stray println must not be taken for one.
    PrintStream figures = System.out;
    System.setOut(System.err);
    List<Figure> result = benchmark.run(mode);
    for (Figure figure : result) {
      Figure reported = mode == Mode.SMOKE ? figure.withVerdict(Verdict.NONE) : figure;
      figures.println(PREFIX + JSON.writeValueAsString(reported));
    }
    figures.flush();
    // Benchmarks may leave pools and servers behind; the fork ends here whatever they left.
    System.exit(0);
  }
}
