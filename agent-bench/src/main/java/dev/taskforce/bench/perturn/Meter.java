package dev.taskforce.bench.perturn;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * The client process's CPU time (all threads, GC and JIT included) and the bytes allocated by all
 * its threads.
 *
 * <p>Allocation: on Java 21+ {@code getTotalThreadAllocatedBytes}, which keeps the bytes of threads
 * that have ended. On Java 17 there is no such method, so it is the sum of {@code
 * getThreadAllocatedBytes} over the live threads, and a thread that ends between two readings takes
 * its bytes with it: {@link Reading#lostThreads} counts those, so a batch that lost some can be
 * told apart (the HTTP clients' and Taskforce's pools keep their threads for 30 s or more, longer
 * than the gap between batches of one driver).
 */
final class Meter {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final MethodHandle TOTAL_ALLOCATED = totalAllocated();

  /** One reading. */
  record Reading(long cpuNanos, long allocatedBytes, Set<Long> threadIds, long startedThreads) {}

  /** The difference between two readings. */
  record Delta(long cpuNanos, long allocatedBytes, long lostThreads) {}

  private Meter() {}

  /** Whether allocation counts threads that ended (Java 21+). */
  static boolean countsEndedThreads() {
    return TOTAL_ALLOCATED != null;
  }

  static Reading read() {
    long[] ids = THREADS.getAllThreadIds();
    Set<Long> live = new HashSet<>(ids.length * 2);
    for (long id : ids) {
      live.add(id);
    }
    long started = THREADS.getTotalStartedThreadCount();
    long allocated;
    if (TOTAL_ALLOCATED != null) {
      try {
        allocated = (long) TOTAL_ALLOCATED.invokeExact(THREADS);
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    } else {
      allocated = 0;
      for (long bytes : THREADS.getThreadAllocatedBytes(ids)) {
        allocated += Math.max(0, bytes);
      }
    }
    return new Reading(OS.getProcessCpuTime(), allocated, live, started);
  }

  static Delta between(Reading before, Reading after) {
    long lost = 0;
    for (long id : before.threadIds()) {
      if (!after.threadIds().contains(id)) {
        lost++;
      }
    }
    long startedAndAlive = 0;
    for (long id : after.threadIds()) {
      if (!before.threadIds().contains(id)) {
        startedAndAlive++;
      }
    }
    lost += (after.startedThreads() - before.startedThreads()) - startedAndAlive;
    return new Delta(
        after.cpuNanos() - before.cpuNanos(),
        after.allocatedBytes() - before.allocatedBytes(),
        countsEndedThreads() ? 0 : lost);
  }

  private static MethodHandle totalAllocated() {
    try {
      MethodHandle h =
          MethodHandles.publicLookup()
              .findVirtual(
                  com.sun.management.ThreadMXBean.class,
                  "getTotalThreadAllocatedBytes",
                  MethodType.methodType(long.class));
      long probe = (long) h.invokeExact(THREADS);
      return probe >= 0 ? h : null;
    } catch (Throwable e) {
      return null; // Java 17, or not supported
    }
  }
}
