package dev.taskforce.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.internal.ErrorParser;
import dev.taskforce.model.internal.ModelHttp;
import dev.taskforce.transport.Headers;

/**
 * Turns the Responses API's in-body failures into typed exceptions, through the shared {@link
 * ErrorParser}: a {@code status: "failed"} response (whole, polled, or in a {@code response.failed}
 * event), with OpenRouter's top-level {@code error_type} next to its {@code error}, and an {@code
 * error} stream event ({@code {"type":"error","code","message","param"}}, or with the error nested
 * under {@code error}).
 */
final class Failures {

  private Failures() {}

  /** The exception for a failed Response object. */
  static ModelException failedResponse(
      JsonNode response, String raw, Headers headers, ErrorOrigin origin, ModelHttp http) {
    JsonNode e = response.get("error");
    ObjectNode error =
        e != null && e.isObject()
            ? ((ObjectNode) e).deepCopy()
            : JsonNodeFactory.instance
                .objectNode()
                .put("message", "the response failed without saying why");
    JsonNode errorType = response.get("error_type");
    if (errorType != null && errorType.isTextual() && !error.has("error_type")) {
      error.set("error_type", errorType); // OpenRouter's specific type; the code is collapsed.
    }
    return ErrorParser.fromNode(
        error, raw, headers, origin, ErrorParser.UNSPECIFIED_PROVIDER_FAILURE, http::redact);
  }

  /** The exception for an {@code error} object found at the top of a 200 body. */
  static ModelException bodyError(JsonNode error, String raw, Headers headers, ModelHttp http) {
    return ErrorParser.fromNode(
        error,
        raw,
        headers,
        ErrorOrigin.RESPONSE_BODY,
        ErrorParser.UNSPECIFIED_PROVIDER_FAILURE,
        http::redact);
  }

  /** The exception for an {@code error} stream event. */
  static ModelException errorEvent(JsonNode event, String raw, Headers headers, ModelHttp http) {
    JsonNode nested = event.get("error");
    ObjectNode error;
    if (nested != null && nested.isObject()) {
      error = ((ObjectNode) nested).deepCopy();
    } else {
      error = JsonNodeFactory.instance.objectNode();
      for (String field : new String[] {"code", "message", "param"}) {
        JsonNode v = event.get(field);
        if (v != null && !v.isNull()) {
          error.set(field, v); // Not "type": on the event it is the event's own type, "error".
        }
      }
    }
    return ErrorParser.fromNode(
        error,
        raw,
        headers,
        ErrorOrigin.STREAM,
        ErrorParser.UNSPECIFIED_PROVIDER_FAILURE,
        http::redact);
  }
}
