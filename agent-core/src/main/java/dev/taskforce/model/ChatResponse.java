package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import dev.taskforce.message.AssistantMessage;
import org.jspecify.annotations.Nullable;

/**
 * A model's answer to one request.
 *
 * @param message the assistant message: text, tool calls, refusal, reasoning
 * @param finishReason why the model stopped
 * @param nativeFinishReason the provider's own finish reason, or {@code null}
 * @param usage tokens and cost
 * @param model the model that actually served (it may differ from the one requested, for example
 *     after a fallback), or {@code null} when not reported
 * @param provider the upstream provider that served, for example {@code OpenAI}, or {@code null}
 * @param id the provider's generation id, or {@code null}
 */
public record ChatResponse(
    AssistantMessage message,
    FinishReason finishReason,
    @Nullable String nativeFinishReason,
    Usage usage,
    @Nullable String model,
    @Nullable String provider,
    @Nullable String id) {

  /** Checks the required components are present. */
  public ChatResponse {
    requireNonNull(message, "message == null");
    requireNonNull(finishReason, "finishReason == null");
    requireNonNull(usage, "usage == null");
  }
}
