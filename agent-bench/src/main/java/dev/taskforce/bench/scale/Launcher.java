package dev.taskforce.bench.scale;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How a user launches many agent runs at once: {@code Agent#run} blocks its caller, so each run
 * gets a thread of its own, a virtual thread on Java 21+ ({@code
 * Executors.newVirtualThreadPerTaskExecutor()}, looked up at run time since this module compiles
 * for 17) and one of a bounded pool of platform threads on Java 17.
 */
final class Launcher {

  /** The Java 17 pool's size: the same bound as Taskforce's own pool for tool calls and steps. */
  static final int PLATFORM_THREADS = 256;

  private Launcher() {}

  static boolean virtualThreads() {
    return Runtime.version().feature() >= 21;
  }

  static ExecutorService create() {
    if (virtualThreads()) {
      try {
        return (ExecutorService)
            MethodHandles.publicLookup()
                .findStatic(
                    Executors.class,
                    "newVirtualThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class))
                .invoke();
      } catch (Throwable e) {
        throw new IllegalStateException("no virtual threads on Java " + Runtime.version(), e);
      }
    }
    return Executors.newFixedThreadPool(PLATFORM_THREADS);
  }

  static String describe() {
    return virtualThreads()
        ? "a virtual thread per run"
        : "a pool of " + PLATFORM_THREADS + " platform threads";
  }
}
