package dev.taskforce.bench;

import java.util.List;

/**
 * One benchmark. The launcher runs each in a fresh JVM of its own, once per JDK, so that one
 * benchmark's garbage, threads and JIT state never colour another's figures.
 *
 * <p>Implementations print progress to {@code System.err} (never to {@code System.out}, which
 * carries the figures back to the launcher) and decide their own verdicts, since each knows its
 * target; a target that applies only on some JDKs (virtual threads on 21+) is checked only there.
 */
public interface Benchmark {

  /** A short name, used on the command line ({@code only=per-turn}) and in the table. */
  String name();

  /** Options for the forked JVM, such as {@code -Xmx1g}; none by default. */
  default List<String> jvmOptions() {
    return List.of();
  }

  /**
   * Runs the benchmark.
   *
   * @param mode {@link Mode#SMOKE} for one minimal pass, {@link Mode#FULL} for recorded figures
   * @return the figures, in the order they should appear in the table
   * @throws Exception when the benchmark cannot run; the launcher reports it and goes on
   */
  List<Figure> run(Mode mode) throws Exception;
}
