package dev.taskforce.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Every benchmark, by name, in the order the table shows them. */
final class BenchmarkCatalog {

  private static final Map<String, Supplier<Benchmark>> ALL = new LinkedHashMap<>();

  static {
    // Add new benchmarks here, one line each.
    ALL.put("per-turn", dev.taskforce.bench.perturn.PerTurnBenchmark::new);
    ALL.put("plan-parallelism", dev.taskforce.bench.plan.PlanParallelism::new);
    ALL.put("scale", dev.taskforce.bench.scale.Scale::new);
    ALL.put("scale-http", dev.taskforce.bench.scale.HttpScale::new);
    ALL.put("streaming", dev.taskforce.bench.streaming.Streaming::new);
    ALL.put("schema-lookup", dev.taskforce.bench.streaming.SchemaLookup::new);
  }

  private BenchmarkCatalog() {}

  static Set<String> names() {
    return ALL.keySet();
  }

  static Benchmark create(String name) {
    Supplier<Benchmark> factory = ALL.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("no benchmark named '" + name + "'; known: " + names());
    }
    return factory.get();
  }
}
