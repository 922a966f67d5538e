package dev.taskforce.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The body of a response read by a {@link SocketTransport}, framed as its head says. When the body
 * has been read to its end, the connection goes back to the pool at once; closing the body before
 * its end closes the connection. A read that fails because the call was cancelled reports a {@link
 * dev.taskforce.cancel.CancelledException}. Not thread-safe, except {@link #close()}.
 */
abstract class SocketBody extends InputStream {

  final SocketConnection c;
  private final SocketExchange exchange;
  private final boolean keepAlive;
  private final byte[] one = new byte[1];
  private boolean done;

  private SocketBody(SocketConnection c, SocketExchange exchange, boolean keepAlive) {
    this.c = c;
    this.exchange = exchange;
    this.keepAlive = keepAlive;
  }

  /** The body a head announces; an empty body finishes the exchange at once. */
  static InputStream of(ResponseHead head, SocketConnection c, SocketExchange exchange) {
    return switch (head.framing()) {
      case NONE -> {
        exchange.finish(head.keepAlive());
        yield InputStream.nullInputStream();
      }
      case LENGTH -> new Fixed(c, exchange, head.keepAlive(), head.length());
      case CHUNKED -> new Chunked(c, exchange, head.keepAlive());
      case CLOSE -> new UntilClose(c, exchange);
    };
  }

  /** Reads up to {@code len} bytes of the body; -1 at its end. */
  abstract int next(byte[] b, int off, int len) throws IOException;

  @Override
  public final int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public final int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (done) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    try {
      return next(b, off, len);
    } catch (IOException | RuntimeException e) {
      done = true;
      exchange.discard();
      if (exchange.isCancelled()) {
        throw SocketExchange.cancelledException();
      }
      throw e;
    }
  }

  /** Marks the end of the body: the connection goes back to the pool. */
  final int end() {
    if (!done) {
      done = true;
      exchange.finish(keepAlive);
    }
    return -1;
  }

  final boolean isDone() {
    return done;
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      exchange.discard();
    }
  }

  static EOFException truncated(String what) {
    return new EOFException("connection closed by the server before the end of " + what);
  }

  /** A body of {@code Content-Length} bytes. */
  private static final class Fixed extends SocketBody {
    private long remaining;

    Fixed(SocketConnection c, SocketExchange exchange, boolean keepAlive, long length) {
      super(c, exchange, keepAlive);
      this.remaining = length;
    }

    @Override
    int next(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        return end();
      }
      int n = c.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw truncated("the body (" + remaining + " bytes missing)");
      }
      remaining -= n;
      if (remaining == 0) {
        end(); // Hand the connection back now, not at a later read.
      }
      return n;
    }

    @Override
    public int available() {
      return isDone() ? 0 : c.buffered(remaining);
    }
  }

  /** A {@code Transfer-Encoding: chunked} body; trailers are read and dropped. */
  private static final class Chunked extends SocketBody {
    private static final int MAX_LINE = 4096;
    private static final String LINE_TOO_LONG =
        "malformed chunked body: a line over " + MAX_LINE + " bytes";
    private long remaining = -1; // of the current chunk; -1 before the first chunk's size

    Chunked(SocketConnection c, SocketExchange exchange, boolean keepAlive) {
      super(c, exchange, keepAlive);
    }

    @Override
    int next(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        if (remaining == 0 && !c.readLine(MAX_LINE, LINE_TOO_LONG).isEmpty()) {
          throw new IOException("malformed chunked body: no CR LF after a chunk");
        }
        remaining = chunkSize(c.readLine(MAX_LINE, LINE_TOO_LONG));
        if (remaining == 0) {
          int trailers = 0; // Trailer fields are not used; at most 64 KiB of them are read.
          String line;
          while (!(line = c.readLine(MAX_LINE, LINE_TOO_LONG)).isEmpty()) {
            trailers += line.length() + 2;
            if (trailers > ResponseHead.MAX_HEAD) {
              throw new IOException("malformed chunked body: trailers over 64 KiB");
            }
          }
          return end();
        }
      }
      int n = c.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw truncated("a chunked body");
      }
      remaining -= n;
      return n;
    }

    private static long chunkSize(String line) throws IOException {
      int semicolon = line.indexOf(';');
      String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).strip();
      if (hex.isEmpty() || hex.length() > 15) {
        throw new IOException("malformed chunk size: " + hex);
      }
      long size = 0;
      for (int i = 0; i < hex.length(); i++) {
        int digit = Character.digit(hex.charAt(i), 16);
        if (digit < 0) {
          throw new IOException("malformed chunk size: " + hex);
        }
        size = size * 16 + digit;
      }
      return size;
    }

    @Override
    public int available() {
      return isDone() || remaining <= 0 ? 0 : c.buffered(remaining);
    }
  }

  /** A body that ends when the server closes the connection. */
  private static final class UntilClose extends SocketBody {
    UntilClose(SocketConnection c, SocketExchange exchange) {
      super(c, exchange, false);
    }

    @Override
    int next(byte[] b, int off, int len) throws IOException {
      int n = c.read(b, off, len);
      return n < 0 ? end() : n;
    }

    @Override
    public int available() {
      return isDone() ? 0 : c.buffered(Integer.MAX_VALUE);
    }
  }
}
