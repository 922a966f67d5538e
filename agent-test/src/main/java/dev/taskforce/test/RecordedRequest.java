package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request {@link FakeOpenRouter} received, as it arrived, for assertions.
 *
 * <p>The {@code Authorization} header is kept, but its value is redacted: a test can check that a
 * key was sent, never which.
 *
 * @param method the HTTP method, for example {@code POST}
 * @param path the path, for example {@code /api/v1/chat/completions}
 * @param query the raw query string, or {@code null} when there was none
 * @param headers the headers, names in lower case, values in arrival order
 * @param body the body as text; empty when there was none
 */
public record RecordedRequest(
    String method,
    String path,
    @Nullable String query,
    Map<String, List<String>> headers,
    String body) {

  /** Copies the headers, with names in lower case. */
  public RecordedRequest {
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
    requireNonNull(body, "body == null");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    requireNonNull(headers, "headers == null")
        .forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header was not sent
   */
  public Optional<String> header(String name) {
    requireNonNull(name, "name == null");
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The body parsed as JSON, as a fresh tree the caller may change.
   *
   * @return the tree
   * @throws IllegalStateException if the body is not JSON
   */
  public JsonNode json() {
    JsonNode tree;
    try {
      tree = Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "json(): the body of " + method + " " + path + " is not JSON", e);
    }
    if (tree.isMissingNode()) {
      throw new IllegalStateException("json(): " + method + " " + path + " has no body");
    }
    return tree;
  }

  /** Shows the request line and body size; the body may be long. */
  @Override
  public String toString() {
    return method
        + " "
        + path
        + (query == null ? "" : "?" + query)
        + " ("
        + body.length()
        + " chars)";
  }
}
