package dev.taskforce.bench;

/** How long a benchmark runs. */
public enum Mode {
  /** Each benchmark once, with minimal iterations, so it cannot rot; the figures mean nothing. */
  SMOKE,
  /** Warm-up and repeated batches until the figures are stable enough to record. */
  FULL
}
