package dev.taskforce.transport;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One request and response on a {@link SocketConnection}, and the race between its end and its
 * cancellation: exactly one of {@link #finish}, {@link #discard} and {@link #cancel} wins. A
 * finished exchange hands its connection back to the pool; a cancelled one closes it from the
 * cancelling thread, which never blocks.
 */
final class SocketExchange {

  private static final int ACTIVE = 0;
  private static final int FINISHED = 1;
  private static final int CANCELLED = 2;

  private final SocketPool pool;
  private final AtomicInteger state = new AtomicInteger(ACTIVE);
  private volatile @Nullable SocketConnection connection;
  private CancellationToken.Registration registration = () -> {};

  SocketExchange(SocketPool pool) {
    this.pool = pool;
  }

  /** Registers with the token; when it is already cancelled this exchange is cancelled at once. */
  void watch(CancellationToken token) {
    registration = token.onCancel(this::cancel);
  }

  /**
   * Binds the connection the exchange runs on.
   *
   * @throws CancelledException if the exchange was cancelled meanwhile (the connection is closed)
   */
  void attach(SocketConnection c) {
    connection = c;
    if (state.get() == CANCELLED) {
      c.close();
      throw cancelledException();
    }
  }

  /** Called by the cancellation token: closes the connection, so blocked reads and writes fail. */
  void cancel() {
    if (state.compareAndSet(ACTIVE, CANCELLED)) {
      SocketConnection c = connection;
      if (c != null) {
        c.close();
      }
    }
  }

  /**
   * The response has been read to its end: the connection goes back to the pool when it can carry
   * another request.
   */
  void finish(boolean keepAlive) {
    registration.remove();
    if (state.compareAndSet(ACTIVE, FINISHED)) {
      SocketConnection c = connection;
      if (c != null) {
        if (keepAlive) {
          pool.release(c);
        } else {
          c.close();
        }
      }
    }
  }

  /** The exchange failed or was abandoned: the connection is closed. */
  void discard() {
    registration.remove();
    if (state.compareAndSet(ACTIVE, FINISHED)) {
      SocketConnection c = connection;
      if (c != null) {
        c.close();
      }
    }
  }

  boolean isCancelled() {
    return state.get() == CANCELLED;
  }

  static CancelledException cancelledException() {
    return new CancelledException("HTTP call cancelled");
  }
}
