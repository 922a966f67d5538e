package dev.taskforce.agent;

import java.util.concurrent.ThreadLocalRandom;

/** Short random run ids such as {@code run-3k9x0q2m7v}. */
final class RunIds {
  private RunIds() {}

  static String next(String prefix) {
    long n = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    String s = Long.toString(n, 36);
    return prefix + "-" + (s.length() > 10 ? s.substring(0, 10) : s);
  }
}
