package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * The model or a usable endpoint for it was not found (HTTP 404, an unknown model id, or an
 * availability error such as {@code no_endpoints} or {@code model_deprecated}).
 *
 * <p>Retryable: no, unless the provider says so (an availability error with {@code retryable:
 * true}).
 */
public final class ModelNotFoundException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public ModelNotFoundException(ModelError error, @Nullable Throwable cause) {
    super(error, false, cause);
  }
}
