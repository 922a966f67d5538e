package dev.taskforce.tool;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as people write them in messages: {@code 250 ms}, {@code 1.5 s}, {@code 30 s}. */
final class Durations {

  private Durations() {}

  static String human(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis == 0 && !d.isZero() ? d.toNanos() / 1000 + " µs" : millis + " ms";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
  }
}
