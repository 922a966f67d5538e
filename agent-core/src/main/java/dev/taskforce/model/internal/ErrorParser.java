package dev.taskforce.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ModelNotFoundException;
import dev.taskforce.model.PermissionDeniedException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.transport.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Turns OpenRouter's and OpenAI's error shapes into typed {@link ModelException}s.
 *
 * <p>Shapes handled: {@code {"error":{"code":429,"message":…,"metadata":{…}},"user_id":…}} (code a
 * number or a name), availability errors ({@code error_type}, {@code http_status}, {@code
 * availability{code,retryable,retry_after}}), provider errors whose useful text is in {@code
 * metadata.raw}, OpenAI's {@code {"error":{"message","type","param","code"}}}, and the same objects
 * inside a 200 body, a choice, a failed Responses object or a stream event. Every text is passed
 * through the redactor, which removes the API key.
 *
 * <p>The status of an error inside a 200 or a stream comes from, in this order: a numeric {@code
 * code}, {@code http_status}, a known {@code error_type} (OpenRouter's specific classification), a
 * known named {@code code} ({@code server_error}, {@code rate_limit_exceeded}, ...), else {@link
 * #UNSPECIFIED_PROVIDER_FAILURE}.
 */
public final class ErrorParser {

  /** A status for an error inside a 200 or a stream that gives no usable code. */
  public static final int UNSPECIFIED_PROVIDER_FAILURE = 502;

  private static final Set<String> NOT_FOUND =
      Set.of(
          "model_not_found",
          "wrong_endpoint",
          "no_endpoints",
          "model_deprecated",
          "model_unavailable_upstream",
          "privacy_restricted",
          "constraint_filtered",
          "free_variant_ended");

  private static final Map<String, Integer> NAMED_STATUS =
      Map.ofEntries(
          Map.entry("server_error", 500),
          Map.entry("server", 500),
          Map.entry("unmapped", 500),
          Map.entry("rate_limit_exceeded", 429),
          Map.entry("rate_limited", 429),
          Map.entry("invalid_prompt", 400),
          Map.entry("invalid_request", 400),
          Map.entry("invalid_request_error", 400),
          Map.entry("context_length_exceeded", 400),
          Map.entry("authentication", 401),
          Map.entry("payment_required", 402),
          Map.entry("permission_denied", 403),
          Map.entry("not_found", 404),
          Map.entry("timeout", 504),
          Map.entry("provider_overloaded", 503),
          Map.entry("provider_unavailable", 502),
          // OpenAI Responses error codes (Response.error.code) that no retry can fix.
          Map.entry("invalid_image", 400),
          Map.entry("invalid_image_format", 400),
          Map.entry("invalid_base64_image", 400),
          Map.entry("invalid_image_url", 400),
          Map.entry("image_too_large", 400),
          Map.entry("image_too_small", 400),
          Map.entry("image_parse_error", 400),
          Map.entry("image_content_policy_violation", 400),
          Map.entry("invalid_image_mode", 400),
          Map.entry("image_file_too_large", 400),
          Map.entry("unsupported_image_media_type", 400),
          Map.entry("empty_image_file", 400),
          Map.entry("failed_to_download_image", 400),
          Map.entry("image_file_not_found", 400),
          Map.entry("bio_policy", 400),
          Map.entry("content_policy_violation", 400),
          Map.entry("vector_store_timeout", 504));

  private ErrorParser() {}

  /**
   * The exception for an HTTP error status.
   *
   * @param status the HTTP status
   * @param headers the response headers ({@code Retry-After})
   * @param body the body bytes read
   * @param redact removes secrets from texts
   * @return the exception, not thrown
   */
  public static ModelException fromHttp(
      int status, Headers headers, byte[] body, UnaryOperator<String> redact) {
    String text = redact.apply(new String(body, StandardCharsets.UTF_8));
    JsonNode error = null;
    try {
      JsonNode root = Json.parse(text);
      error = root.get("error");
    } catch (IllegalArgumentException e) {
      // Not JSON (a proxy's HTML page, say): the raw text is the message.
    }
    if (error != null && error.isObject()) {
      return fromNode(error, text, headers, ErrorOrigin.HTTP_STATUS, status, redact);
    }
    String message = text.isBlank() ? emptyBodyMessage(status) : abbreviate(text.strip(), 500);
    return ModelException.of(
        new ModelError(
            status,
            null,
            null,
            message,
            null,
            text.isEmpty() ? null : text,
            headers.retryAfter().orElse(null),
            ErrorOrigin.HTTP_STATUS,
            null),
        null);
  }

  /**
   * The exception for an error object.
   *
   * @param error the {@code error} object
   * @param body the text it came in (a body or a stream event), for the record
   * @param origin where it was found
   * @param headers the response headers ({@code Retry-After})
   * @param httpStatus the HTTP status, which wins for {@link ErrorOrigin#HTTP_STATUS}
   * @param redact removes secrets from texts
   * @return the exception, not thrown
   */
  public static ModelException fromNode(
      JsonNode error,
      @Nullable String body,
      Headers headers,
      ErrorOrigin origin,
      int httpStatus,
      UnaryOperator<String> redact) {
    JsonNode codeNode = error.get("code");
    String code = codeNode == null || codeNode.isNull() ? null : codeNode.asText();
    JsonNode metadata = error.get("metadata");
    JsonNode availability = error.path("availability");
    String type = textOrNull(error.get("error_type"));
    if (type == null && metadata != null) {
      type = textOrNull(metadata.get("error_type"));
    }
    if (type == null) {
      type = textOrNull(error.get("type")); // OpenAI: invalid_request_error, server_error, ...
    }
    int status =
        origin == ErrorOrigin.HTTP_STATUS ? httpStatus : statusOf(codeNode, error, type, code);
    String message = redact.apply(message(error, metadata));
    String availabilityCode = textOrNull(availability.get("code"));
    Boolean retryable =
        availability.path("retryable").isBoolean()
            ? availability.get("retryable").booleanValue()
            : null;
    ModelError e =
        new ModelError(
            status,
            code,
            type != null ? type : availabilityCode,
            message,
            metadata == null || metadata.isNull() ? null : redact.apply(metadata.toString()),
            body == null ? null : redact.apply(body),
            retryAfter(headers, metadata, availability),
            origin,
            retryable);
    if (availabilityCode != null) {
      if (NOT_FOUND.contains(availabilityCode)) {
        return new ModelNotFoundException(e, null);
      }
      if (availabilityCode.equals("capacity_exhausted")) {
        return new RateLimitedException(e, null);
      }
      if (availabilityCode.equals("temporarily_unavailable")) {
        return new ProviderUnavailableException(e, null);
      }
      if (availabilityCode.equals("region_restricted")) {
        return new PermissionDeniedException(e, null);
      }
    }
    if (status == 400 && message.contains("is not a valid model ID")) {
      return new ModelNotFoundException(e, null);
    }
    return ModelException.of(e, null);
  }

  /**
   * What an error status means when its body is empty. (Over {@code HttpURLConnection} a 401 body
   * is never readable: the JDK discards it for requests sent in streaming mode.)
   */
  private static String emptyBodyMessage(int status) {
    switch (status) {
      case 401:
        return "Unauthorized: the API key is missing, invalid or disabled (empty body)";
      case 402:
        return "Payment Required: not enough credits (empty body)";
      case 403:
        return "Forbidden (empty body)";
      case 404:
        return "Not Found (empty body)";
      case 429:
        return "Too Many Requests (empty body)";
      default:
        return "empty body";
    }
  }

  private static int statusOf(
      @Nullable JsonNode codeNode, JsonNode error, @Nullable String type, @Nullable String code) {
    if (codeNode != null && codeNode.canConvertToInt()) {
      int c = codeNode.intValue();
      if (c >= 100 && c <= 599) {
        return c;
      }
    }
    JsonNode http = error.get("http_status");
    if (http != null
        && http.canConvertToInt()
        && http.intValue() >= 100
        && http.intValue() <= 599) {
      return http.intValue();
    }
    if (type != null && NAMED_STATUS.containsKey(type)) {
      return NAMED_STATUS.get(type);
    }
    if (code != null) {
      try {
        int c = Integer.parseInt(code.trim());
        if (c >= 100 && c <= 599) {
          return c;
        }
      } catch (NumberFormatException e) {
        Integer named = NAMED_STATUS.get(code);
        if (named != null) {
          return named;
        }
      }
    }
    return UNSPECIFIED_PROVIDER_FAILURE;
  }

  /** The message, with the upstream provider's own text when OpenRouter's is generic. */
  private static String message(JsonNode error, @Nullable JsonNode metadata) {
    String message = textOrNull(error.get("message"));
    if (message == null || message.isBlank()) {
      message = "(no message)";
    }
    String param = textOrNull(error.get("param"));
    if (param != null && !param.isBlank()) {
      message += " (param: " + param + ")";
    }
    if (metadata != null && metadata.isObject()) {
      JsonNode raw = metadata.get("raw");
      if (raw != null && !raw.isNull()) {
        String provider = textOrNull(metadata.get("provider_name"));
        String rawText = raw.isTextual() ? raw.textValue() : raw.toString();
        message +=
            " (" + (provider == null ? "" : provider + ": ") + abbreviate(rawText, 500) + ")";
      }
    }
    return message;
  }

  private static @Nullable Duration retryAfter(
      Headers headers, @Nullable JsonNode metadata, JsonNode availability) {
    Duration header = headers.retryAfter().orElse(null);
    if (header != null) {
      return header;
    }
    if (metadata != null) {
      Duration d = seconds(metadata.get("retry_after_seconds"));
      if (d != null) {
        return d;
      }
    }
    Duration d = seconds(availability.get("retry_after"));
    if (d != null) {
      return d;
    }
    if (metadata != null) {
      JsonNode h = metadata.path("headers");
      for (java.util.Iterator<String> it = h.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (name.equalsIgnoreCase("Retry-After")) {
          return Headers.of("Retry-After", h.get(name).asText()).retryAfter().orElse(null);
        }
      }
    }
    return null;
  }

  private static @Nullable Duration seconds(@Nullable JsonNode n) {
    if (n == null || !n.isNumber() || n.doubleValue() < 0) {
      return null;
    }
    return Duration.ofMillis(n.decimalValue().movePointRight(3).longValue());
  }

  private static @Nullable String textOrNull(@Nullable JsonNode n) {
    return n == null || !n.isTextual() ? null : n.textValue();
  }

  /**
   * Cuts a text to a length, marking the cut with an ellipsis.
   *
   * @param s the text
   * @param max the most characters kept
   * @return the text, or its start and {@code …}
   */
  public static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
