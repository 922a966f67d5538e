package dev.taskforce.transport;

import dev.taskforce.cancel.CancellationToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of an {@link HttpURLConnection} response: every read is a guarded region, a read that
 * fails or returns after cancellation reports the cancellation, and closing unregisters the
 * cancellation callback.
 */
final class UrlConnectionBody extends FilterInputStream {

  private final UrlConnectionGuard guard;
  private final CancellationToken.Registration registration;
  private boolean closed;

  UrlConnectionBody(
      InputStream in, UrlConnectionGuard guard, CancellationToken.Registration registration) {
    super(in);
    this.guard = guard;
    this.registration = registration;
  }

  @Override
  public int read() throws IOException {
    guard.enter();
    int b;
    try {
      b = in.read();
    } catch (IOException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      throw failure(e);
    } finally {
      guard.exit();
    }
    checkNotCancelled();
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    guard.enter();
    int n;
    try {
      n = in.read(buf, off, len);
    } catch (IOException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      throw failure(e);
    } finally {
      guard.exit();
    }
    checkNotCancelled();
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    guard.enter();
    try {
      return in.skip(n);
    } catch (IOException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      throw failure(e);
    } finally {
      guard.exit();
    }
  }

  private void checkNotCancelled() {
    if (guard.isCancelled()) {
      throw UrlConnectionGuard.cancelledException();
    }
  }

  private <E extends Exception> E failure(E e) {
    if (guard.isCancelled()) {
      throw UrlConnectionGuard.cancelledException();
    }
    return e;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    registration.remove();
    if (guard.isCancelled()) {
      return; // The guard disconnects; closing here could block on the stream's lock.
    }
    in.close();
  }
}
