package dev.taskforce.model;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The account or key cannot pay for the request (HTTP 402). OpenRouter reserves credit for the
 * whole output limit up front, so a lower {@link ChatRequest#maxOutputTokens()} may get through.
 *
 * <p>Retryable: no.
 */
public final class InsufficientCreditsException extends ModelException {

  private static final Pattern AFFORD = Pattern.compile("can only afford (\\d+)");

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public InsufficientCreditsException(ModelError error, @Nullable Throwable cause) {
    super(error, false, cause);
  }

  /**
   * The output tokens the balance would pay for, when the provider said (OpenRouter: "You requested
   * up to N tokens, but can only afford M").
   *
   * @return the token count, or empty
   */
  public OptionalLong affordableTokens() {
    Matcher m = AFFORD.matcher(error().message());
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
