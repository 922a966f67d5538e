package dev.taskforce.transport;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a {@link Transport} waits.
 *
 * @param connectTimeout the longest time to establish a connection
 * @param readTimeout the longest time to wait for the response headers, and then for each further
 *     piece of the body: an idle limit, so a long stream that keeps sending never times out
 */
public record TransportConfig(Duration connectTimeout, Duration readTimeout) {

  /**
   * 10 seconds to connect, 10 minutes of silence before giving up: long enough for a reasoning
   * model that thinks for minutes before it sends its first byte (GPT-5.4 Pro).
   */
  public static final TransportConfig DEFAULT =
      new TransportConfig(Duration.ofSeconds(10), Duration.ofMinutes(10));

  /** Checks both timeouts are positive and fit in an {@code int} of milliseconds. */
  public TransportConfig {
    requireNonNull(connectTimeout, "connectTimeout == null");
    requireNonNull(readTimeout, "readTimeout == null");
    check("connectTimeout", connectTimeout);
    check("readTimeout", readTimeout);
  }

  private static void check(String name, Duration d) {
    if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be positive and at most " + Integer.MAX_VALUE + " ms, was " + d);
    }
  }
}
