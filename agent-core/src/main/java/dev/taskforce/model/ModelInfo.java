package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What is known about one model: limits, prices and capabilities, from a {@code ModelCatalog}.
 *
 * @param id the provider's model id, for example {@code openai/gpt-5.4-pro}
 * @param contextLength the context window in tokens (prompt plus output), or 0 when unknown
 * @param maxOutputTokens the most output tokens one call may produce, or 0 when unknown
 * @param pricing the prices
 * @param reasoningEfforts the reasoning efforts the model accepts; empty when it has no effort
 *     control or it is unknown
 * @param supportsJsonSchema whether the model takes a strict {@code json_schema} response format
 */
public record ModelInfo(
    String id,
    long contextLength,
    long maxOutputTokens,
    Pricing pricing,
    Set<ReasoningEffort> reasoningEfforts,
    boolean supportsJsonSchema) {

  /** Copies the efforts. */
  public ModelInfo {
    requireNonNull(id, "id == null");
    requireNonNull(pricing, "pricing == null");
    reasoningEfforts = Set.copyOf(requireNonNull(reasoningEfforts, "reasoningEfforts == null"));
  }

  /**
   * An entry for a model nothing is known about: no limits checked, zero prices, any effort, json
   * schema assumed.
   *
   * @param id the model id
   * @return the entry
   */
  public static ModelInfo unknown(String id) {
    return new ModelInfo(id, 0, 0, Pricing.UNKNOWN, Set.of(), true);
  }

  /**
   * Whether this entry came from {@link #unknown(String)} (nothing known about the model).
   *
   * @return {@code true} when limits and prices are unknown
   */
  public boolean isUnknown() {
    return contextLength == 0 && maxOutputTokens == 0 && pricing.equals(Pricing.UNKNOWN);
  }
}
