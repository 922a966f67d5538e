package dev.taskforce.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.transport.Headers;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A request the {@link ScriptedServer} received.
 *
 * @param method the method, for example {@code POST}
 * @param path the path, for example {@code /api/v1/chat/completions}
 * @param query the raw query string, or {@code null}
 * @param headers the request headers
 * @param body the body bytes (empty when none)
 */
public record RecordedRequest(
    String method, String path, @Nullable String query, Headers headers, byte[] body) {

  /**
   * The body as UTF-8 text.
   *
   * @return the text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body parsed as JSON.
   *
   * @return the tree
   */
  public JsonNode bodyJson() {
    return Json.parse(bodyText());
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, or {@code null}
   */
  public @Nullable String header(String name) {
    return headers.value(name).orElse(null);
  }
}
