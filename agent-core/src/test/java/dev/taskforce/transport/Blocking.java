package dev.taskforce.transport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Test helpers: run work on a chosen kind of thread and wait until it is blocked in I/O. */
final class Blocking {

  private static final Set<String> BLOCKING_FRAMES = Set.of("park", "poll", "read0", "take");
  private static final @Nullable MethodHandle START_VIRTUAL = findStartVirtual();

  private Blocking() {}

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

  static boolean virtualThreadsAvailable() {
    return START_VIRTUAL != null;
  }

  /** A started thread running the task, and the task's outcome. */
  record Running<T>(Thread thread, CompletableFuture<T> outcome) {}

  static <T> Running<T> start(boolean virtual, Callable<T> task) {
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
   */
  static void awaitBlocked(Thread thread) {
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
