package dev.taskforce.tool;

import dev.taskforce.message.ToolCall;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One tool call in flight: run on its own thread, awaited by the thread that called {@link
 * ToolRunner#run}, and settled exactly once, by whichever comes first: the tool's own result, or a
 * timeout or cancellation that abandons it.
 */
final class ToolCallAttempt {

  private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);

  private final ToolCall call;
  private final @Nullable ToolHandler handler;
  private final String unknownToolMessage;
  private final Duration timeout;
  private final ToolContext context;
  private final ToolRunListener listener;
  private final int maxResultChars;
  private final long submittedNanos = System.nanoTime();
  private final AtomicBoolean settled = new AtomicBoolean();
  private final CompletableFuture<ToolCallResult> done = new CompletableFuture<>();

  // Guarded by this: the thread running the tool, and whether we interrupted it.
  private @Nullable Thread thread;
  private boolean interruptedByUs;

  ToolCallAttempt(
      ToolCall call,
      @Nullable ToolHandler handler,
      String unknownToolMessage,
      Duration timeout,
      ToolContext context,
      ToolRunListener listener,
      int maxResultChars) {
    this.call = call;
    this.handler = handler;
    this.unknownToolMessage = unknownToolMessage;
    this.timeout = timeout;
    this.context = context;
    this.listener = listener;
    this.maxResultChars = maxResultChars;
  }

  /** Runs the tool on the current thread, unless the call was abandoned before it started. */
  void run() {
    synchronized (this) {
      if (settled.get()) {
        return;
      }
      thread = Thread.currentThread();
    }
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    long start = System.nanoTime();
    Error fatal = null;
    ToolResult result;
    try {
      notify(() -> listener.onStart(call));
      result = invoke();
    } catch (VirtualMachineError e) {
      // Out of memory and the like: answer the call, then let the error reach the thread.
      result = ToolResult.failure("the tool failed: " + e.getClass().getSimpleName());
      fatal = e;
    }
    if (claim()) {
      publish(result, start);
    } else {
      log.debug("tool {} (call {}) finished after it was abandoned", call.name(), call.id());
    }
    synchronized (this) {
      thread = null;
      if (interruptedByUs) {
        Thread
            .interrupted(); // the interrupt was meant for the tool, not for the thread's next task
      }
    }
    restore(mdc);
    if (fatal != null) {
      throw fatal;
    }
  }

  private ToolResult invoke() {
    if (handler == null) {
      return ToolResult.failure(unknownToolMessage);
    }
    try {
      ToolResult result = handler.call(call.argumentsJson(), context);
      if (result == null) {
        log.warn("tool {} (call {}) returned null instead of a result", call.name(), call.id());
        return ToolResult.failure("the tool returned no result");
      }
      return result;
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
        throw fatal;
      }
      log.warn("tool {} (call {}) failed", call.name(), call.id(), e);
      String message = e.getMessage();
      return ToolResult.failure(
          message == null || message.isBlank()
              ? "the tool failed: " + e.getClass().getSimpleName()
              : message);
    }
  }

  /**
   * Waits for this call's result until its deadline or the run's cancellation, whichever is first.
   *
   * @param cancelled completes when the run is cancelled
   * @return the result; a failure if the call timed out or was cancelled
   */
  ToolCallResult await(CompletableFuture<?> cancelled) {
    long deadline = submittedNanos + timeout.toNanos();
    while (!done.isDone()) {
      long remaining = deadline - System.nanoTime();
      if (cancelled.isDone()) {
        abandon("cancelled: the run was cancelled before the tool finished");
      } else if (remaining <= 0) {
        abandon("timed out after " + Durations.human(timeout));
      } else {
        try {
          CompletableFuture.anyOf(done, cancelled).get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // Loop: the deadline has passed.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          abandon("cancelled: the caller was interrupted before the tool finished");
        } catch (ExecutionException e) {
          throw new IllegalStateException("a tool call future failed", e); // never completed so
        }
      }
    }
    return done.join();
  }

  /** Settles this call with a failure without running it (or without waiting for it). */
  void abandon(String message) {
    if (!claim()) {
      return; // the tool's own result won; it is being published
    }
    synchronized (this) {
      if (thread != null) {
        interruptedByUs = true;
        thread.interrupt();
      }
    }
    publish(ToolResult.failure(message), submittedNanos);
  }

  private boolean claim() {
    return settled.compareAndSet(false, true);
  }

  private void publish(ToolResult result, long startNanos) {
    ToolCallResult r =
        new ToolCallResult(
            call,
            ResultCut.cut(result, maxResultChars),
            Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos)));
    notify(() -> listener.onFinish(r));
    done.complete(r);
  }

  private void notify(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.warn("tool run listener failed for tool {} (call {})", call.name(), call.id(), e);
    }
  }

  private static void restore(@Nullable Map<String, String> mdc) {
    if (mdc == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(mdc);
    }
  }
}
