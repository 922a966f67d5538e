package dev.taskforce.transport;

import dev.taskforce.cancel.CancelledException;
import java.net.HttpURLConnection;

/**
 * Cancels one {@link HttpURLConnection} call from another thread without ever blocking that thread.
 *
 * <p>{@link HttpURLConnection#disconnect()} closes the socket at once while the caller waits for
 * the response headers, but during the body it first waits for the stream's lock, which a blocked
 * read holds. So {@link #cancel()} runs {@code disconnect()} on a helper thread, and when the
 * caller is a virtual thread blocked in a guarded region it also interrupts it: on a virtual thread
 * that closes the socket and ends the read at once. Platform threads cannot be unblocked that way;
 * their read ends when more bytes arrive, and the guarded stream then reports the cancellation.
 */
final class UrlConnectionGuard {

  private final HttpURLConnection connection;
  private final Object lock = new Object();
  private @org.jspecify.annotations.Nullable Thread blocked;
  private volatile boolean cancelled;

  UrlConnectionGuard(HttpURLConnection connection) {
    this.connection = connection;
  }

  /** Marks the current thread as about to block on the connection. */
  void enter() {
    synchronized (lock) {
      if (cancelled) {
        throw cancelledException();
      }
      blocked = Thread.currentThread();
    }
  }

  /** Marks the end of a blocking region; clears an interrupt this guard caused. */
  void exit() {
    synchronized (lock) {
      blocked = null;
      if (cancelled && Threads.isVirtual(Thread.currentThread())) {
        Thread.interrupted(); // Clear the interrupt cancel() sent.
      }
    }
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** Closes the connection; called by the cancellation token on the cancelling thread. */
  void cancel() {
    synchronized (lock) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      Thread t = blocked;
      if (t != null && Threads.isVirtual(t)) {
        t.interrupt(); // On a virtual thread this closes the socket and ends the read at once.
      }
    }
    disconnectInBackground();
  }

  /** Closes the connection without blocking the calling thread. */
  void disconnectInBackground() {
    Thread t = new Thread(connection::disconnect, "taskforce-http-disconnect");
    t.setDaemon(true);
    t.start();
  }

  static CancelledException cancelledException() {
    return new CancelledException("HTTP call cancelled");
  }
}
