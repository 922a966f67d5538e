package dev.taskforce.internal;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where a request body is written: a recycled array that grows as needed, so that each body costs
 * one array of its exact size (from {@link #toByteArray()}) instead of a guessed buffer, its growth
 * and a copy.
 *
 * <p>A few arrays are kept in a small lock-free pool shared by all threads (it works the same for
 * virtual threads, which thread-locals would not). A buffer is used by one thread at a time: {@link
 * #take()} it, write, then {@link #toByteArray()} gives it back. When the pool is empty a new array
 * is made; arrays larger than {@value #MAX_KEPT} bytes are not kept.
 */
public final class BodyBytes extends OutputStream {

  private static final int SLOTS = 8; // a power of two
  private static final int INITIAL = 16 * 1024;
  private static final int MAX_KEPT = 1 << 20;
  private static final AtomicReferenceArray<byte[]> POOL = new AtomicReferenceArray<>(SLOTS);

  private byte[] buf;
  private int count;

  private BodyBytes(byte[] buf) {
    this.buf = buf;
  }

  /**
   * A buffer, empty, for the calling thread's use until {@link #toByteArray()}.
   *
   * @return the buffer
   */
  public static BodyBytes take() {
    int start = (int) Thread.currentThread().getId();
    for (int i = 0; i < SLOTS; i++) {
      byte[] b = POOL.getAndSet((start + i) & (SLOTS - 1), null);
      if (b != null) {
        return new BodyBytes(b);
      }
    }
    return new BodyBytes(new byte[INITIAL]);
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  private void ensure(int more) {
    int needed = count + more;
    if (needed < 0) {
      throw new OutOfMemoryError("body larger than 2 GB");
    }
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
    }
  }

  /**
   * The bytes written, in a new array of their size; the buffer goes back to the pool and must not
   * be used again.
   *
   * @return the bytes
   */
  public byte[] toByteArray() {
    byte[] out = Arrays.copyOf(buf, count);
    byte[] b = buf;
    buf = new byte[0]; // a use after this fails loudly rather than sharing the pooled array
    count = 0;
    if (b.length <= MAX_KEPT) {
      int start = (int) Thread.currentThread().getId();
      for (int i = 0; i < SLOTS; i++) {
        if (POOL.compareAndSet((start + i) & (SLOTS - 1), null, b)) {
          break;
        }
      }
    }
    return out;
  }
}
