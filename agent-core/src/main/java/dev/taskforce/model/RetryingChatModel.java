package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import dev.taskforce.cancel.CancellationToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatModel} that calls another one again after retryable failures, as its {@link
 * RetryPolicy} says.
 *
 * <p>Only {@link ModelException}s whose {@link ModelException#isRetryable()} is true are retried
 * (408, 409, 429, 5xx, connection failures, truncated streams, and availability errors the provider
 * marks retryable). A streamed call is retried only while nothing has reached the caller's {@link
 * StreamListener}: once a piece of text, reasoning or a tool call was delivered, a failure is
 * thrown as is, since the caller cannot take it back. Waiting stops when the request's {@link
 * ChatRequest#cancellation()} is cancelled. The exceptions of earlier attempts are attached to the
 * last one as suppressed exceptions.
 *
 * <p>Thread-safe when the wrapped model is.
 */
public final class RetryingChatModel implements ChatModel {

  private static final Logger log = LoggerFactory.getLogger(RetryingChatModel.class);

  private final ChatModel delegate;
  private final RetryPolicy policy;

  /**
   * Wraps a model.
   *
   * @param delegate the model to call
   * @param policy when to retry
   */
  public RetryingChatModel(ChatModel delegate, RetryPolicy policy) {
    this.delegate = requireNonNull(delegate, "delegate == null");
    this.policy = requireNonNull(policy, "policy == null");
  }

  /**
   * @return the wrapped model
   */
  public ChatModel delegate() {
    return delegate;
  }

  /**
   * @return the retry policy
   */
  public RetryPolicy policy() {
    return policy;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public ModelInfo info() {
    return delegate.info();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    requireNonNull(request, "request == null");
    return withRetries(request, () -> delegate.chat(request), () -> false);
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    requireNonNull(request, "request == null");
    requireNonNull(listener, "listener == null");
    DeliveryTracker tracker = new DeliveryTracker(listener);
    return withRetries(request, () -> delegate.stream(request, tracker), tracker::delivered);
  }

  private ChatResponse withRetries(
      ChatRequest request,
      Supplier<ChatResponse> call,
      java.util.function.BooleanSupplier delivered) {
    CancellationToken token = request.cancellation();
    List<ModelException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      token.throwIfCancelled();
      try {
        return call.get();
      } catch (ModelException e) {
        Optional<Duration> delay =
            delivered.getAsBoolean() ? Optional.empty() : policy.delayAfter(attempt, e);
        if (delay.isEmpty()) {
          earlier.forEach(e::addSuppressed);
          throw e;
        }
        earlier.add(e);
        log.info(
            "model {} failed ({}), retrying in {} ms (attempt {} of {})",
            delegate.id(),
            e.getClass().getSimpleName() + " " + e.status(),
            delay.get().toMillis(),
            attempt + 1,
            policy.maxAttempts());
        notify(request, attempt + 1, delay.get(), e);
        policy.sleeper().sleep(delay.get(), token);
      }
    }
  }

  private static void notify(ChatRequest request, int attempt, Duration delay, ModelException e) {
    try {
      request.retryListener().onRetry(attempt, delay, e);
    } catch (RuntimeException listenerFailure) {
      log.warn("retry listener failed", listenerFailure);
    }
  }

  @Override
  public String toString() {
    return "RetryingChatModel{" + delegate + ", " + policy + "}";
  }

  /** Forwards to the caller's listener and remembers whether anything got through. */
  private static final class DeliveryTracker implements StreamListener {
    private final StreamListener target;
    private volatile boolean delivered;

    DeliveryTracker(StreamListener target) {
      this.target = target;
    }

    boolean delivered() {
      return delivered;
    }

    @Override
    public void onText(String delta) {
      delivered = true;
      target.onText(delta);
    }

    @Override
    public void onReasoning(String delta) {
      delivered = true;
      target.onReasoning(delta);
    }

    @Override
    public void onToolCall(
        int index, @Nullable String id, @Nullable String name, String argumentsDelta) {
      delivered = true;
      target.onToolCall(index, id, name, argumentsDelta);
    }
  }
}
