package dev.taskforce.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Taskforce runs concurrent work on: virtual threads on Java 21+, a bounded pool of
 * daemon platform threads on Java 17.
 *
 * <p>The Java 17 pool never deadlocks when tasks wait for tasks they submitted (a plan step waiting
 * for its tool calls): when every pool thread is busy, the submitting thread runs the task itself.
 */
public final class Concurrency {

  /** Most platform threads the Java 17 pool starts. */
  public static final int PLATFORM_POOL_MAX = 256;

  // Declared before SHARED: static fields initialise in textual order, and create() reads it.
  private static final MethodHandle VIRTUAL = findVirtualFactory();

  private static final ExecutorService SHARED = create();

  private static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "taskforce-timer");
            t.setDaemon(true);
            return t;
          });

  private Concurrency() {}

  /**
   * The shared executor for concurrent work (tool calls of one turn, plan steps). Never shut it
   * down.
   *
   * @return the executor
   */
  public static ExecutorService executor() {
    return SHARED;
  }

  /**
   * The shared timer for deadlines (wall-time budgets). Scheduled tasks must be quick: cancel a
   * token, never block. Never shut it down.
   *
   * @return the scheduler
   */
  public static ScheduledExecutorService scheduler() {
    return SCHEDULER;
  }

  /**
   * Whether the shared executor runs tasks on virtual threads.
   *
   * @return {@code true} on Java 21+
   */
  public static boolean usesVirtualThreads() {
    return VIRTUAL != null;
  }

  private static MethodHandle findVirtualFactory() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(
              java.util.concurrent.Executors.class,
              "newVirtualThreadPerTaskExecutor",
              MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static ExecutorService create() {
    if (VIRTUAL != null) {
      try {
        return (ExecutorService) VIRTUAL.invoke();
      } catch (Throwable e) {
        // Fall through to the platform pool.
      }
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "taskforce-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            0,
            PLATFORM_POOL_MAX,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            factory,
            new ThreadPoolExecutor.CallerRunsPolicy());
    return pool;
  }
}
