package dev.taskforce.transport;

import dev.taskforce.cancel.CancellationToken;
import java.io.IOException;

/**
 * Sends one HTTP request and returns the response with a streaming body.
 *
 * <p>Implementations are thread-safe: one instance serves any number of concurrent calls. {@link
 * #send} returns as soon as the response headers have arrived; the body is read from {@link
 * TransportResponse#body()} as it arrives, and the caller must close the response.
 *
 * <p>Timeouts: connecting is limited by {@link TransportConfig#connectTimeout()}, and waiting for
 * the headers or for more body bytes by {@link TransportConfig#readTimeout()} (an idle limit, not a
 * limit on the whole call). A timeout is reported as a {@link java.net.SocketTimeoutException}.
 *
 * <p>Cancellation: when the token is cancelled, the connection is closed from the cancelling thread
 * (which never blocks), and {@code send} or a body read that is blocked ends with a {@link
 * dev.taskforce.cancel.CancelledException}. See {@link TransportFactory} for how promptly each
 * built-in implementation stops a blocked read.
 */
@FunctionalInterface
public interface Transport {

  /**
   * Sends a request and waits for the response headers.
   *
   * @param request what to send
   * @param cancellation cancels the call, including later reads of the body
   * @return the response; close it when done with the body
   * @throws IOException if the request could not be sent or the response not read (a {@link
   *     java.net.SocketTimeoutException} for a timeout)
   * @throws dev.taskforce.cancel.CancelledException if the token was cancelled
   */
  TransportResponse send(TransportRequest request, CancellationToken cancellation)
      throws IOException;
}
