package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before calling a model again after a retryable failure; used by {@link
 * RetryingChatModel}.
 *
 * <p>The n-th retry waits {@code min(initialBackoff * 2^(n-1), maxBackoff)}, reduced by a random
 * jitter of up to 25%, unless the provider asked for a delay ({@code Retry-After}): that delay is
 * honoured exactly, or the error is thrown at once when it is longer than {@link #maxRetryAfter()}.
 * Immutable and thread-safe (the sleeper and random source must be too).
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).build();
 * ChatModel model = new RetryingChatModel(openRouter.model("openai/gpt-5.4-mini"), policy);
 * }</pre>
 */
public final class RetryPolicy {

  /** Three attempts, 0.5 s initial backoff, capped at 8 s; Retry-After honoured up to 60 s. */
  public static final RetryPolicy DEFAULT = builder().build();

  /** One attempt: no retries. */
  public static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.sleeper = b.sleeper;
    this.random = b.random;
    if (initialBackoff.compareTo(maxBackoff) > 0) {
      throw new IllegalArgumentException(
          "initialBackoff " + initialBackoff + " is longer than maxBackoff " + maxBackoff);
    }
  }

  /**
   * Starts a policy with the default settings.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this policy's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.maxRetryAfter = maxRetryAfter;
    b.sleeper = sleeper;
    b.random = random;
    return b;
  }

  /**
   * @return the most attempts, the first included; 1 means no retries
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * @return the wait before the first retry, before jitter
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * @return the longest computed wait, before jitter
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * @return the longest provider-requested delay that is waited for; beyond it the error is thrown
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * @return what waits between attempts
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * The computed wait before a retry, jitter included.
   *
   * @param retry 1 for the first retry, 2 for the second, ...
   * @return the wait
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, was " + retry);
    }
    long base = initialBackoff.toNanos();
    long cap = maxBackoff.toNanos();
    long nanos = retry > 62 ? cap : Math.min(cap, base << Math.min(retry - 1, 62));
    if (nanos < 0) {
      nanos = cap; // overflow
    }
    double jitter = 1.0 - 0.25 * clamp(random.getAsDouble());
    return Duration.ofNanos((long) (nanos * jitter));
  }

  /**
   * How long to wait before retrying after a failure, or empty when it should not be retried.
   *
   * @param attempt the attempt that just failed, 1 for the first
   * @param failure the failure
   * @return the wait, or empty to give up
   */
  public Optional<Duration> delayAfter(int attempt, ModelException failure) {
    if (!failure.isRetryable() || attempt >= maxAttempts) {
      return Optional.empty();
    }
    Optional<Duration> asked = failure.retryAfter();
    if (asked.isPresent()) {
      return asked.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : asked;
    }
    return Optional.of(backoff(attempt));
  }

  private static double clamp(double d) {
    return d < 0 ? 0 : d > 1 ? 1 : d;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + "}";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * @param maxAttempts the most attempts, the first included (at least 1; default 3)
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param initialBackoff the wait before the first retry (default 0.5 s)
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * @param maxBackoff the longest computed wait (default 8 s)
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * @param maxRetryAfter the longest provider-requested delay to wait for (default 60 s)
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      requireNonNull(maxRetryAfter, "maxRetryAfter == null");
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * @param sleeper what waits between attempts (default {@link Sleeper#SYSTEM})
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @param random the jitter source, returning values in [0, 1); thread-safe
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if the initial backoff is longer than the cap
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
