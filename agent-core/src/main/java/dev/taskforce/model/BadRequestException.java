package dev.taskforce.model;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The provider rejected the request as invalid (HTTP 400 and other client errors such as 413 and
 * 422): bad parameters, a schema the provider does not accept, or a prompt longer than the context
 * window.
 *
 * <p>Retryable: no; the request must change.
 */
public final class BadRequestException extends ModelException {

  private static final Set<String> CONTEXT_TYPES =
      Set.of("context_length_exceeded", "token_limit_exceeded", "max_tokens_exceeded");

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public BadRequestException(ModelError error, @Nullable Throwable cause) {
    super(error, false, cause);
  }

  /**
   * Whether the prompt (plus the output limit) did not fit the model's context window.
   *
   * @return {@code true} when the provider reported a context or token limit
   */
  public boolean isContextLengthExceeded() {
    String type = error().type();
    if (type != null && CONTEXT_TYPES.contains(type)) {
      return true;
    }
    String code = error().code();
    if (code != null && CONTEXT_TYPES.contains(code)) {
      return true; // OpenAI: type invalid_request_error, code context_length_exceeded.
    }
    String m = error().message().toLowerCase(Locale.ROOT);
    return m.contains("context length")
        || m.contains("context window")
        || m.contains("maximum context");
  }
}
