package dev.taskforce.transport;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * The body of a {@link java.net.http.HttpClient} response, with a read (idle) timeout and
 * cancellation: both close the underlying stream, which ends a blocked read at once.
 */
final class HttpClientBody extends FilterInputStream {

  private final long timeoutNanos;
  private final CancellationToken cancellation;
  private volatile CancellationToken.@Nullable Registration registration;
  private volatile long readStartedNanos;
  private volatile boolean reading;
  private volatile boolean timedOut;
  private volatile boolean closed;
  private @Nullable ScheduledFuture<?> check;

  HttpClientBody(InputStream in, long timeoutNanos, CancellationToken cancellation) {
    super(in);
    this.timeoutNanos = timeoutNanos;
    this.cancellation = cancellation;
  }

  /** Starts watching: registers for cancellation and schedules the first idle check. */
  void start() {
    registration = cancellation.onCancel(this::closeQuietly);
    synchronized (this) {
      if (!closed) {
        check = IdleWatchdog.schedule(this::checkIdle, timeoutNanos);
      }
    }
  }

  private void checkIdle() {
    if (closed) {
      return;
    }
    long idle = reading ? System.nanoTime() - readStartedNanos : 0;
    if (idle >= timeoutNanos) {
      timedOut = true;
      closeQuietly();
      return;
    }
    synchronized (this) {
      if (!closed) {
        check = IdleWatchdog.schedule(this::checkIdle, timeoutNanos - idle);
      }
    }
  }

  @Override
  public int read() throws IOException {
    begin();
    try {
      return in.read();
    } catch (IOException e) {
      throw failure(e);
    } finally {
      reading = false;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    begin();
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      throw failure(e);
    } finally {
      reading = false;
    }
  }

  private void begin() throws IOException {
    if (cancellation.isCancelled()) {
      throw new CancelledException("HTTP call cancelled");
    }
    if (timedOut) {
      throw timeout();
    }
    readStartedNanos = System.nanoTime();
    reading = true;
  }

  private IOException failure(IOException e) {
    if (cancellation.isCancelled()) {
      throw new CancelledException("HTTP call cancelled");
    }
    if (timedOut) {
      SocketTimeoutException t = timeout();
      t.initCause(e);
      return t;
    }
    return e;
  }

  private SocketTimeoutException timeout() {
    return new SocketTimeoutException(
        "read timed out: no data for " + (timeoutNanos / 1_000_000) + " ms");
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      // The connection is being dropped anyway.
    }
  }

  @Override
  public void close() throws IOException {
    ScheduledFuture<?> c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = check;
    }
    if (c != null) {
      c.cancel(false);
    }
    CancellationToken.Registration r = registration;
    if (r != null) {
      r.remove();
    }
    in.close();
  }
}
