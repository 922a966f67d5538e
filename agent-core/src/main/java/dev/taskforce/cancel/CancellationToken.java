package dev.taskforce.cancel;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-way switch that asks running work to stop.
 *
 * <p>Thread-safe. {@link #cancel()} may be called from any thread, any number of times; callbacks
 * registered with {@link #onCancel(Runnable)} run exactly once, on the cancelling thread (or at
 * once, on the registering thread, when the token is already cancelled). A callback that throws is
 * logged and does not stop the others.
 *
 * <pre>{@code
 * CancellationToken token = new CancellationToken();
 * executor.submit(() -> agent.run(AgentInput.of("..."), token));
 * token.cancel();   // the run stops at the next model or tool boundary, keeping what it has
 * }</pre>
 */
public final class CancellationToken {

  private static final Logger log = LoggerFactory.getLogger(CancellationToken.class);

  /** A token that is never cancelled; registering callbacks on it does nothing. */
  public static final CancellationToken NONE = new CancellationToken(true);

  private final boolean inert;
  private final List<Runnable> callbacks = new ArrayList<>();
  private volatile boolean cancelled;

  /** Creates a token that is not cancelled yet. */
  public CancellationToken() {
    this(false);
  }

  private CancellationToken(boolean inert) {
    this.inert = inert;
  }

  /**
   * Creates a token that is cancelled when this one is, and can also be cancelled on its own.
   *
   * @return the child token
   */
  public CancellationToken child() {
    CancellationToken child = new CancellationToken();
    Registration r = onCancel(child::cancel);
    child.onCancel(r::remove);
    return child;
  }

  /** Cancels this token and runs its callbacks, once. Later calls do nothing. */
  public void cancel() {
    if (inert) {
      return;
    }
    List<Runnable> toRun;
    synchronized (callbacks) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = new ArrayList<>(callbacks);
      callbacks.clear();
    }
    for (Runnable r : toRun) {
      runQuietly(r);
    }
  }

  /**
   * Whether {@link #cancel()} has been called.
   *
   * @return {@code true} once cancelled
   */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Throws if this token is cancelled.
   *
   * @throws CancelledException if {@link #cancel()} has been called
   */
  public void throwIfCancelled() {
    if (cancelled) {
      throw new CancelledException("cancelled");
    }
  }

  /**
   * Registers a callback to run when this token is cancelled.
   *
   * @param callback what to run; it should be quick and must not block
   * @return a registration whose {@link Registration#remove()} unregisters the callback, to call
   *     when the guarded work ends
   */
  public Registration onCancel(Runnable callback) {
    requireNonNull(callback, "callback == null");
    if (inert) {
      return () -> {};
    }
    synchronized (callbacks) {
      if (!cancelled) {
        callbacks.add(callback);
        return () -> {
          synchronized (callbacks) {
            callbacks.remove(callback);
          }
        };
      }
    }
    runQuietly(callback);
    return () -> {};
  }

  private static void runQuietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.warn("cancellation callback failed", e);
    }
  }

  @Override
  public String toString() {
    return inert ? "CancellationToken.NONE" : "CancellationToken{cancelled=" + cancelled + "}";
  }

  /** A registered cancellation callback. */
  @FunctionalInterface
  public interface Registration {
    /** Unregisters the callback; does nothing if it already ran or was removed. */
    void remove();
  }
}
