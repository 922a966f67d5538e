package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.model.AuthenticationException;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ConnectionException;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.InsufficientCreditsException;
import dev.taskforce.model.MalformedResponseException;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ModelNotFoundException;
import dev.taskforce.model.PermissionDeniedException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.RequestTimeoutException;
import dev.taskforce.model.StreamTruncatedException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A failed model call as a cassette stores it: the exception's class and its {@link ModelError},
 * with anything shaped like an API key removed; and the same exception made again on replay.
 */
final class FailureJson {

  /** OpenRouter, OpenAI and Anthropic keys: {@code sk-}, {@code sk-or-v1-}, {@code sk-ant-}. */
  private static final Pattern KEY = Pattern.compile("sk-[A-Za-z0-9_-]{12,}");

  private FailureJson() {}

  static ObjectNode write(ModelException e) {
    ModelError err = e.error();
    ObjectNode o = Wire.F.objectNode();
    o.put("exception", e.getClass().getSimpleName());
    o.put("status", err.status());
    ResponseJson.putIfSet(o, "code", redact(err.code()));
    ResponseJson.putIfSet(o, "type", redact(err.type()));
    o.put("message", redact(err.message()));
    ResponseJson.putIfSet(o, "metadata", redact(err.metadata()));
    ResponseJson.putIfSet(o, "body", redact(err.body()));
    if (err.retryAfter() != null) {
      o.put("retryAfter", err.retryAfter().toString());
    }
    o.put("origin", err.origin().name());
    if (err.retryable() != null) {
      o.put("retryable", err.retryable());
    }
    return o;
  }

  static ModelException read(JsonNode o) {
    String retryAfter = ResponseJson.text(o, "retryAfter", null);
    JsonNode retryable = o.get("retryable");
    ModelError err =
        new ModelError(
            o.path("status").asInt(),
            ResponseJson.text(o, "code", null),
            ResponseJson.text(o, "type", null),
            ResponseJson.text(o, "message", ""),
            ResponseJson.text(o, "metadata", null),
            ResponseJson.text(o, "body", null),
            retryAfter == null ? null : Duration.parse(retryAfter),
            ErrorOrigin.valueOf(ResponseJson.text(o, "origin", ErrorOrigin.HTTP_STATUS.name())),
            retryable == null || retryable.isNull() ? null : retryable.asBoolean());
    return exception(ResponseJson.text(o, "exception", ""), err);
  }

  /** The exception of the recorded class; one the status implies for a class not known here. */
  private static ModelException exception(String type, ModelError err) {
    switch (type) {
      case "AuthenticationException":
        return new AuthenticationException(err, null);
      case "BadRequestException":
        return new BadRequestException(err, null);
      case "ConnectionException":
        return new ConnectionException(err.message(), null);
      case "InsufficientCreditsException":
        return new InsufficientCreditsException(err, null);
      case "MalformedResponseException":
        return new MalformedResponseException(err.status(), err.message(), err.body(), null);
      case "ModelNotFoundException":
        return new ModelNotFoundException(err, null);
      case "PermissionDeniedException":
        return new PermissionDeniedException(err, null);
      case "ProviderUnavailableException":
        return new ProviderUnavailableException(err, null);
      case "RateLimitedException":
        return new RateLimitedException(err, null);
      case "RequestTimeoutException":
        return new RequestTimeoutException(err, null);
      case "StreamTruncatedException":
        return new StreamTruncatedException(err.message(), null);
      case "ModelException":
        return new ModelException(err, null);
      default:
        return ModelException.of(err, null);
    }
  }

  private static @Nullable String redact(@Nullable String text) {
    return text == null ? null : KEY.matcher(text).replaceAll("sk-[redacted]");
  }
}
