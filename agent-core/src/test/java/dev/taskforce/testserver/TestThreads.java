package dev.taskforce.testserver;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Test helpers: run work on a platform or virtual thread, and wait until a thread is blocked in
 * I/O. Virtual threads need Java 21+; check {@link #virtualThreadsAvailable()}.
 */
public final class TestThreads {

  private static final Set<String> BLOCKING_FRAMES = Set.of("park", "poll", "read0", "take");
  private static final @Nullable MethodHandle START_VIRTUAL = findStartVirtual();

  private TestThreads() {}

  private static @Nullable MethodHandle findStartVirtual() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(
              Thread.class,
              "startVirtualThread",
              MethodType.methodType(Thread.class, Runnable.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /**
   * Whether this JDK has virtual threads.
   *
   * @return {@code true} on Java 21+
   */
  public static boolean virtualThreadsAvailable() {
    return START_VIRTUAL != null;
  }

  /**
   * A started thread running a task, and the task's outcome.
   *
   * @param thread the thread
   * @param outcome completes with the task's result or exception
   * @param <T> the result type
   */
  public record Running<T>(Thread thread, CompletableFuture<T> outcome) {}

  /**
   * Starts a task on a new thread.
   *
   * @param virtual whether to use a virtual thread
   * @param task the task
   * @param <T> the result type
   * @return the running task
   */
  public static <T> Running<T> start(boolean virtual, Callable<T> task) {
    CompletableFuture<T> outcome = new CompletableFuture<>();
    Runnable r =
        () -> {
          try {
            outcome.complete(task.call());
          } catch (Throwable e) {
            outcome.completeExceptionally(e);
          }
        };
    Thread t;
    if (virtual) {
      try {
        t = (Thread) START_VIRTUAL.invoke(r);
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    } else {
      t = new Thread(r, "blocking-test");
      t.setDaemon(true);
      t.start();
    }
    return new Running<>(t, outcome);
  }

  /**
   * Waits until the thread's stack shows it blocked in a read or a queue take. Not a timing
   * assumption: it looks at where the thread is, and gives up only after 10 seconds.
   *
   * @param thread the thread
   */
  public static void awaitBlocked(Thread thread) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (StackTraceElement f : thread.getStackTrace()) {
        if (BLOCKING_FRAMES.contains(f.getMethodName())) {
          return;
        }
      }
      Thread.yield();
    }
    throw new AssertionError("thread never blocked: " + thread);
  }
}
