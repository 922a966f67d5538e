package dev.taskforce.bench.streaming;

import dev.taskforce.bench.Benchmark;
import dev.taskforce.bench.Figure;
import dev.taskforce.bench.Mode;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.schema.JsonSchemas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark 4b: what a strict schema costs. The first {@link JsonSchemas#strictOf} of a type in a
 * fresh JVM (generation, with the generator's own start-up), the first of a second type once the
 * generator is warm, and the cached lookup every later request pays, in a warmed loop; also {@link
 * JsonSchema#node()} of the cached schema, which parses its text on every call. No targets.
 */
public final class SchemaLookup implements Benchmark {

  /** Keeps results alive so that the JIT cannot drop the work being measured. */
  static volatile long sink;

  @Override
  public String name() {
    return "schema-lookup";
  }

  @Override
  public List<Figure> run(Mode mode) {
    boolean full = mode == Mode.FULL;
    long t0 = System.nanoTime();
    JsonSchema first = JsonSchemas.strictOf(ReportTypes.Report.class);
    long t1 = System.nanoTime();
    JsonSchema second = JsonSchemas.strictOf(ReportTypes.Triage.class);
    long t2 = System.nanoTime();
    sink += first.json().length() + second.json().length();
    int rounds = full ? 11 : 2;
    int lookups = full ? 5_000_000 : 20_000;
    int parses = full ? 50_000 : 200;
    for (int i = 0; i < (full ? 3 : 1); i++) { // warm-up
      lookups(lookups);
      parses(parses);
    }
    List<Double> lookupNs = new ArrayList<>();
    List<Double> parseNs = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      lookupNs.add(lookups(lookups));
      parseNs.add(parses(parses));
    }
    double lookup = median(lookupNs);
    double parse = median(parseNs);
    System.err.printf(
        "schema-lookup: first %.1f ms (%d chars), second type %.2f ms, cached %.1f ns,"
            + " node() %.0f ns%n",
        (t1 - t0) / 1e6, first.json().length(), (t2 - t1) / 1e6, lookup, parse);
    return List.of(
        Figure.info("first strictOf(Report), fresh JVM", (t1 - t0) / 1e6, "ms"),
        Figure.info("first strictOf(Triage), generator warm", (t2 - t1) / 1e6, "ms"),
        Figure.info("cached strictOf(Report) lookup", lookup, "ns"),
        Figure.info(
            "cached schema's node() (parses " + first.json().length() + " chars)",
            parse / 1e3,
            "µs"));
  }

  private static double lookups(int n) {
    long t = System.nanoTime();
    long acc = 0;
    for (int i = 0; i < n; i++) {
      acc +=
          System.identityHashCode(
              JsonSchemas.strictOf(
                  (i & 1) == 0 ? ReportTypes.Report.class : ReportTypes.Triage.class));
    }
    sink += acc;
    return (System.nanoTime() - t) / (double) n;
  }

  private static double parses(int n) {
    JsonSchema schema = JsonSchemas.strictOf(ReportTypes.Report.class);
    long t = System.nanoTime();
    long acc = 0;
    for (int i = 0; i < n; i++) {
      acc += schema.node().size();
    }
    sink += acc;
    return (System.nanoTime() - t) / (double) n;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
