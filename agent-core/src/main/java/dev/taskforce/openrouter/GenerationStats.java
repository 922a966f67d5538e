package dev.taskforce.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * What OpenRouter recorded about one generation ({@code GET /generation?id=}): who served it,
 * tokens, cost and timings. Any field the service left out or set to {@code null} is {@code null}
 * here; {@link #json()} holds every field it sent.
 *
 * @param id the generation id
 * @param upstreamId the upstream provider's id for it
 * @param model the model that served
 * @param providerName the provider that served
 * @param totalCost what it cost, in US dollars
 * @param upstreamInferenceCost the upstream cost (meaningful with your own provider key)
 * @param cacheDiscount the discount for cached tokens, in US dollars
 * @param createdAt when it was created
 * @param latencyMs time to the first token
 * @param generationTimeMs time generating
 * @param finishReason the normalised finish reason
 * @param nativeFinishReason the provider's finish reason
 * @param tokensPrompt prompt tokens, as OpenRouter counts them
 * @param tokensCompletion completion tokens, as OpenRouter counts them
 * @param nativeTokensPrompt prompt tokens, as the provider counts them
 * @param nativeTokensCompletion completion tokens, as the provider counts them
 * @param nativeTokensReasoning reasoning tokens, as the provider counts them
 * @param nativeTokensCached cached prompt tokens, as the provider counts them
 * @param streamed whether it was streamed
 * @param cancelled whether it was cancelled
 * @param isByok whether your own provider key was used
 * @param json the whole {@code data} object, as compact JSON
 */
public record GenerationStats(
    String id,
    @Nullable String upstreamId,
    @Nullable String model,
    @Nullable String providerName,
    @Nullable BigDecimal totalCost,
    @Nullable BigDecimal upstreamInferenceCost,
    @Nullable BigDecimal cacheDiscount,
    @Nullable Instant createdAt,
    @Nullable Long latencyMs,
    @Nullable Long generationTimeMs,
    @Nullable String finishReason,
    @Nullable String nativeFinishReason,
    @Nullable Long tokensPrompt,
    @Nullable Long tokensCompletion,
    @Nullable Long nativeTokensPrompt,
    @Nullable Long nativeTokensCompletion,
    @Nullable Long nativeTokensReasoning,
    @Nullable Long nativeTokensCached,
    @Nullable Boolean streamed,
    @Nullable Boolean cancelled,
    @Nullable Boolean isByok,
    String json) {

  static GenerationStats parse(JsonNode data, String requestedId) {
    return new GenerationStats(
        data.path("id").isTextual() ? data.get("id").textValue() : requestedId,
        text(data, "upstream_id"),
        text(data, "model"),
        text(data, "provider_name"),
        decimal(data, "total_cost"),
        decimal(data, "upstream_inference_cost"),
        decimal(data, "cache_discount"),
        instant(text(data, "created_at")),
        number(data, "latency"),
        number(data, "generation_time"),
        text(data, "finish_reason"),
        text(data, "native_finish_reason"),
        number(data, "tokens_prompt"),
        number(data, "tokens_completion"),
        number(data, "native_tokens_prompt"),
        number(data, "native_tokens_completion"),
        number(data, "native_tokens_reasoning"),
        number(data, "native_tokens_cached"),
        bool(data, "streamed"),
        bool(data, "cancelled"),
        bool(data, "is_byok"),
        data.toString());
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static @Nullable BigDecimal decimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isNumber() ? v.decimalValue() : null;
  }

  private static @Nullable Long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isNumber() ? v.longValue() : null;
  }

  private static @Nullable Boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isBoolean() ? v.booleanValue() : null;
  }

  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
