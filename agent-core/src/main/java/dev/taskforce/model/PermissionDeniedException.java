package dev.taskforce.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider refused the request (HTTP 403): a moderation flag, a guardrail, a region or a
 * missing permission.
 *
 * <p>Retryable: no.
 */
public final class PermissionDeniedException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public PermissionDeniedException(ModelError error, @Nullable Throwable cause) {
    super(error, false, cause);
  }

  /**
   * Why the request was refused: the moderation {@code reasons}, or the guardrail {@code patterns},
   * from the error metadata.
   *
   * @return the reasons; empty when the provider gave none
   */
  public List<String> reasons() {
    JsonNode m = metadataTree();
    JsonNode list = m.has("reasons") ? m.get("reasons") : m.path("patterns");
    List<String> out = new ArrayList<>();
    for (JsonNode r : list) {
      out.add(r.isTextual() ? r.textValue() : r.toString());
    }
    return List.copyOf(out);
  }

  /**
   * The part of the input that was flagged (at most about 100 characters).
   *
   * @return the text, or empty
   */
  public Optional<String> flaggedInput() {
    JsonNode f = metadataTree().get("flagged_input");
    return f != null && f.isTextual() ? Optional.of(f.textValue()) : Optional.empty();
  }

  private JsonNode metadataTree() {
    String m = error().metadata();
    if (m == null) {
      return Json.MAPPER.missingNode();
    }
    try {
      return Json.parse(m);
    } catch (IllegalArgumentException e) {
      return Json.MAPPER.missingNode(); // Cut or malformed metadata: nothing to read.
    }
  }
}
