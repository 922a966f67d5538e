package dev.taskforce.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The kept-alive idle connections of one {@link SocketTransport}, per route. The most recently used
 * connection is taken first; connections idle longer than {@link #MAX_IDLE} are closed, and one
 * idle longer than {@link #CHECK_AFTER} is checked before it is used again, so a connection the
 * server has closed meanwhile is not sent a request. Thread-safe; nothing blocks under its lock.
 */
final class SocketPool {

  /** How long an idle connection is kept. */
  static final long MAX_IDLE = TimeUnit.SECONDS.toNanos(30);

  /** How long a connection may be idle before it is checked for a close by the server. */
  static final long CHECK_AFTER = TimeUnit.SECONDS.toNanos(1);

  /** The most idle connections kept per route; more are closed when they come back. */
  static final int MAX_IDLE_PER_ROUTE = 1024;

  private final LongSupplier nanoClock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<SocketRoute, ArrayDeque<SocketConnection>> idle = new HashMap<>();

  SocketPool(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Takes an idle connection to a route.
   *
   * @return the connection, or {@code null} when none is idle and usable
   */
  @Nullable SocketConnection take(SocketRoute route) {
    while (true) {
      SocketConnection c;
      long now = nanoClock.getAsLong();
      List<SocketConnection> expired = null;
      lock.lock();
      try {
        ArrayDeque<SocketConnection> q = idle.get(route);
        if (q == null) {
          return null;
        }
        expired = expire(q, now);
        c = q.pollFirst();
      } finally {
        lock.unlock();
      }
      closeAll(expired);
      if (c == null) {
        return null;
      }
      if (c.isClosed() || (now - c.idleSince > CHECK_AFTER && c.isStale())) {
        c.close();
        continue;
      }
      return c;
    }
  }

  /** Puts a connection whose response has been read to its end back, for the next request. */
  void release(SocketConnection c) {
    if (c.isClosed()) {
      return;
    }
    if (c.buffered(1) > 0) {
      // Bytes after the end of the response (a wrong Content-Length): the next response would be
      // read from them, so the connection cannot carry another request.
      c.close();
      return;
    }
    long now = nanoClock.getAsLong();
    c.idleSince = now;
    List<SocketConnection> expired;
    boolean kept = false;
    lock.lock();
    try {
      ArrayDeque<SocketConnection> q = idle.computeIfAbsent(c.route, r -> new ArrayDeque<>());
      expired = expire(q, now);
      if (q.size() < MAX_IDLE_PER_ROUTE) {
        q.addFirst(c);
        kept = true;
      }
    } finally {
      lock.unlock();
    }
    closeAll(expired);
    if (!kept) {
      c.close();
    }
  }

  /** How many idle connections are kept, for tests. */
  int idleCount() {
    lock.lock();
    try {
      int n = 0;
      for (ArrayDeque<SocketConnection> q : idle.values()) {
        n += q.size();
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Removes the connections idle too long from the end of a queue (the oldest are last). */
  private static @Nullable List<SocketConnection> expire(ArrayDeque<SocketConnection> q, long now) {
    List<SocketConnection> expired = null;
    SocketConnection oldest;
    while ((oldest = q.peekLast()) != null && now - oldest.idleSince > MAX_IDLE) {
      if (expired == null) {
        expired = new ArrayList<>();
      }
      expired.add(q.pollLast());
    }
    return expired;
  }

  private static void closeAll(@Nullable List<SocketConnection> connections) {
    if (connections != null) {
      for (SocketConnection c : connections) {
        c.close();
      }
    }
  }
}
