package dev.taskforce.bench.scale;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts what is in flight now and the most that ever was. Thread-safe. */
final class InFlight {

  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  void enter() {
    int n = now.incrementAndGet();
    peak.accumulateAndGet(n, Math::max);
  }

  void exit() {
    now.decrementAndGet();
  }

  int peak() {
    return peak.get();
  }

  void reset() {
    now.set(0);
    peak.set(0);
  }
}
