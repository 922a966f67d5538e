package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A model call failed: the provider answered with an error, the answer could not be read, or no
 * answer came.
 *
 * <p>Subclasses are named for what happened ({@link RateLimitedException}, {@link
 * AuthenticationException}, ...). Every instance carries the {@link ModelError} details and says
 * whether a retry can help ({@link #isRetryable()}): by default 408, 409, 429 and 5xx are retryable
 * and other statuses are not, unless the provider said otherwise. The message never contains an API
 * key.
 *
 * <p>This class is also thrown as is for statuses no subclass covers (for example 409).
 */
public class ModelException extends TaskforceException {

  /** What is known about the failure. */
  private final ModelError error;

  /** Whether a retry can help. */
  private final boolean retryable;

  /**
   * Creates an exception whose retryability follows the status (or the provider's statement).
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public ModelException(ModelError error, @Nullable Throwable cause) {
    this(error, isRetryableStatus(error.status()), cause);
  }

  /**
   * Creates an exception for a subclass.
   *
   * @param error the details
   * @param retryableByDefault whether a retry can help when the provider did not say
   * @param cause the underlying failure, or {@code null}
   */
  protected ModelException(
      ModelError error, boolean retryableByDefault, @Nullable Throwable cause) {
    super(describe(requireNonNull(error, "error == null")), cause);
    this.error = error;
    Boolean stated = error.retryable();
    this.retryable = stated != null ? stated : retryableByDefault;
  }

  /**
   * Creates the exception that fits an error's status: {@link BadRequestException} for 400 and
   * other client errors, {@link AuthenticationException} for 401, {@link
   * InsufficientCreditsException} for 402, {@link PermissionDeniedException} for 403, {@link
   * ModelNotFoundException} for 404 and 410, {@link RequestTimeoutException} for 408, {@link
   * RateLimitedException} for 429, {@link ProviderUnavailableException} for 5xx, {@link
   * ConnectionException} for 0, and this class for anything else (409, for example).
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   * @return the exception, not thrown
   */
  public static ModelException of(ModelError error, @Nullable Throwable cause) {
    int s = error.status();
    if (s == 0) {
      return new ConnectionException(error, cause);
    }
    if (s == 401) {
      return new AuthenticationException(error, cause);
    }
    if (s == 402) {
      return new InsufficientCreditsException(error, cause);
    }
    if (s == 403) {
      return new PermissionDeniedException(error, cause);
    }
    if (s == 404 || s == 410) {
      return new ModelNotFoundException(error, cause);
    }
    if (s == 408) {
      return new RequestTimeoutException(error, cause);
    }
    if (s == 429) {
      return new RateLimitedException(error, cause);
    }
    if (s >= 500) {
      return new ProviderUnavailableException(error, cause);
    }
    if (s >= 400 && s != 409) {
      return new BadRequestException(error, cause);
    }
    return new ModelException(error, cause);
  }

  /**
   * Whether an HTTP status is worth retrying: 408, 409, 429 and every 5xx.
   *
   * @param status the status
   * @return {@code true} for a transient failure
   */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * Everything known about the failure.
   *
   * @return the details
   */
  public ModelError error() {
    return error;
  }

  /**
   * The HTTP status, or the status an in-body or in-stream error stands for.
   *
   * @return the status, or 0 when there was no answer
   */
  public int status() {
    return error.status();
  }

  /**
   * The provider's error code as text.
   *
   * @return the code, or empty
   */
  public Optional<String> code() {
    return Optional.ofNullable(error.code());
  }

  /**
   * The provider's error metadata as raw JSON text.
   *
   * @return the metadata, or empty
   */
  public Optional<String> metadata() {
    return Optional.ofNullable(error.metadata());
  }

  /**
   * The raw response body, cut to {@link ModelError#MAX_TEXT_CHARS}.
   *
   * @return the body, or empty
   */
  public Optional<String> body() {
    return Optional.ofNullable(error.body());
  }

  /**
   * How long the provider asked to wait before a retry.
   *
   * @return the delay, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(error.retryAfter());
  }

  /**
   * Where the error was reported.
   *
   * @return the origin
   */
  public ErrorOrigin origin() {
    return error.origin();
  }

  /**
   * Whether sending the same request again can succeed.
   *
   * @return {@code true} for transient failures
   */
  public boolean isRetryable() {
    return retryable;
  }

  private static String describe(ModelError e) {
    StringBuilder sb = new StringBuilder();
    switch (e.origin()) {
      case HTTP_STATUS:
        sb.append("HTTP ").append(e.status());
        break;
      case RESPONSE_BODY:
        sb.append("error in a successful response's body (status ").append(e.status()).append(')');
        break;
      case CHOICE:
        sb.append("answer ended with finish_reason \"error\" (status ")
            .append(e.status())
            .append(')');
        break;
      case STREAM:
        sb.append("error in the stream (status ").append(e.status()).append(')');
        break;
      case TRANSPORT:
      default:
        sb.append("no response");
        break;
    }
    sb.append(": ").append(e.message());
    String code = e.code();
    if (code != null && !code.equals(Integer.toString(e.status()))) {
      sb.append(" (code ").append(code).append(')');
    }
    if (e.type() != null) {
      sb.append(" [").append(e.type()).append(']');
    }
    if (e.retryAfter() != null) {
      sb.append(" (retry after ").append(e.retryAfter().toMillis()).append(" ms)");
    }
    return sb.toString();
  }
}
