package dev.taskforce.model.internal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * An API key, kept out of every string: {@link #toString()} hides it, and {@link #redact} removes
 * it from texts that came back from the network (an echoing proxy, for example).
 *
 * <p>A key is either required (the first call that needs it fails with the configured message when
 * it is missing) or optional (sent when present, for example to a gateway that may hold the
 * provider key itself). Immutable and thread-safe.
 */
public final class ApiKey {

  private final @Nullable String value;
  private final boolean required;
  private final String missingMessage;

  private ApiKey(@Nullable String value, boolean required, String missingMessage) {
    this.value = value == null || value.isBlank() ? null : value.strip();
    this.required = required;
    this.missingMessage = missingMessage;
  }

  /**
   * A key the calls cannot do without.
   *
   * @param value the key, or {@code null} (or blank) when none is configured
   * @param missingMessage the {@link IllegalStateException} message when a call needs a missing
   *     key: name the environment variable and the builder method
   * @return the key
   */
  public static ApiKey required(@Nullable String value, String missingMessage) {
    return new ApiKey(value, true, requireNonNull(missingMessage, "missingMessage == null"));
  }

  /**
   * A key sent only when present.
   *
   * @param value the key, or {@code null} (or blank) when none is configured
   * @return the key
   */
  public static ApiKey optional(@Nullable String value) {
    return new ApiKey(value, false, "no API key");
  }

  /**
   * Whether a key is configured.
   *
   * @return {@code true} when there is a key
   */
  public boolean isPresent() {
    return value != null;
  }

  /**
   * Whether calls that need a key fail without one.
   *
   * @return {@code true} for a required key
   */
  public boolean isRequired() {
    return required;
  }

  /**
   * The {@code Authorization} header value.
   *
   * @return {@code Bearer <key>}
   * @throws IllegalStateException if there is no key, with the configured message
   */
  public String bearer() {
    if (value == null) {
      throw new IllegalStateException(missingMessage);
    }
    return "Bearer " + value;
  }

  /**
   * Removes the key from a text.
   *
   * @param text any text
   * @return the text with every occurrence of the key replaced by {@code <redacted>}
   */
  public String redact(String text) {
    return redact(text, value);
  }

  /**
   * Removes a secret from a text. Secrets shorter than 8 characters are left alone (they would
   * match ordinary words).
   *
   * @param text any text
   * @param secret the secret, or {@code null}
   * @return the text with every occurrence of the secret replaced by {@code <redacted>}
   */
  public static String redact(String text, @Nullable String secret) {
    if (secret == null || secret.length() < 8 || text.indexOf(secret) < 0) {
      return text;
    }
    return text.replace(secret, "<redacted>");
  }

  /** Says whether a key is set, never the key. */
  @Override
  public String toString() {
    return value == null ? "<missing>" : "<redacted>";
  }
}
