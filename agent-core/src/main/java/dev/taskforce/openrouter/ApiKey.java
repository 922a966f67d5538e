package dev.taskforce.openrouter;

import org.jspecify.annotations.Nullable;

/**
 * The API key, kept out of every string: {@link #toString()} hides it, and {@link #redact} removes
 * it from texts that came back from the network (an echoing proxy, for example).
 */
final class ApiKey {

  private final @Nullable String value;

  ApiKey(@Nullable String value) {
    this.value = value == null || value.isBlank() ? null : value.strip();
  }

  boolean isPresent() {
    return value != null;
  }

  /** The {@code Authorization} header value. */
  String bearer() {
    if (value == null) {
      throw new IllegalStateException(
          "No OpenRouter API key: set the OPENROUTER_API_KEY environment variable or call"
              + " OpenRouter.builder().apiKey(...)");
    }
    return "Bearer " + value;
  }

  String redact(String text) {
    if (value == null || value.length() < 8 || text.indexOf(value) < 0) {
      return text;
    }
    return text.replace(value, "<redacted>");
  }

  @Override
  public String toString() {
    return value == null ? "<missing>" : "<redacted>";
  }
}
