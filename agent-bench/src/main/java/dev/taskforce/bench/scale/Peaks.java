package dev.taskforce.bench.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap and the live platform threads every few milliseconds on a daemon thread of
 * its own, keeping the highest of each. Used heap includes garbage not yet collected, so the peak
 * is what the heap had to hold, bounded by {@code -Xmx}. Virtual threads are not counted by {@link
 * ThreadMXBean}; count them where they start (see {@link InFlight}).
 */
final class Peaks implements AutoCloseable {

  private static final long PERIOD_MILLIS = 5;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final AtomicLong peakHeap = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private Peaks() {
    threads.resetPeakThreadCount();
    sampler = new Thread(this::sample, "bench-peaks");
    sampler.setDaemon(true);
  }

  /** Starts sampling now. */
  static Peaks start() {
    Peaks peaks = new Peaks();
    peaks.sampler.start();
    return peaks;
  }

  private void sample() {
    while (running) {
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The highest used heap seen, in MiB. */
  double peakHeapMiB() {
    return peakHeap.get() / (1024.0 * 1024.0);
  }

  /** The most live platform threads since the start (the JVM's own count, not sampled). */
  int peakPlatformThreads() {
    return threads.getPeakThreadCount();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
