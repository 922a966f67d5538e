package dev.taskforce.transport;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The status, headers and streaming body of one HTTP response.
 *
 * <p>Not thread-safe, except {@link #close()}. Close it when done: closing before the body has been
 * read to its end closes the connection, which also stops the server's work on it.
 */
public final class TransportResponse implements Closeable {

  private final int status;
  private final Headers headers;
  private final InputStream body;

  /**
   * Creates a response.
   *
   * @param status the HTTP status code
   * @param headers the response headers
   * @param body the body, readable once; empty for a response without one
   */
  public TransportResponse(int status, Headers headers, InputStream body) {
    this.status = status;
    this.headers = requireNonNull(headers, "headers == null");
    this.body = requireNonNull(body, "body == null");
  }

  /**
   * The HTTP status code.
   *
   * @return for example 200
   */
  public int status() {
    return status;
  }

  /**
   * Whether the status is in the 2xx range.
   *
   * @return {@code true} for a successful status
   */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /**
   * The response headers.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * The body, streamed as it arrives. A read blocked on a cancelled call ends with a {@link
   * dev.taskforce.cancel.CancelledException}; a read that waits longer than the read timeout ends
   * with a {@link java.net.SocketTimeoutException}.
   *
   * @return the body stream
   */
  public InputStream body() {
    return body;
  }

  /**
   * Reads the body up to a limit and closes the response.
   *
   * @param maxBytes the most bytes to keep; the rest is not read
   * @return the bytes read
   * @throws IOException if reading fails
   */
  public byte[] readBody(int maxBytes) throws IOException {
    try {
      return body.readNBytes(maxBytes);
    } finally {
      close();
    }
  }

  /** Closes the body and releases the connection. Never throws; safe to call more than once. */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException | RuntimeException e) {
      // Closing a broken or cancelled connection: nothing left to release.
    }
  }

  @Override
  public String toString() {
    return "TransportResponse{status=" + status + ", headers=" + headers + "}";
  }
}
