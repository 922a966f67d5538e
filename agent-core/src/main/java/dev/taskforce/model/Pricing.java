package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a model costs, in US dollars per token.
 *
 * @param inputPerToken price of one prompt token
 * @param outputPerToken price of one completion token (reasoning included)
 * @param cachedInputPerToken price of one cached prompt token, or {@code null} when the model has
 *     no cache discount (cached tokens then cost the full input price)
 * @param tiers higher prices that apply when a request's prompt is longer than a threshold
 */
public record Pricing(
    BigDecimal inputPerToken,
    BigDecimal outputPerToken,
    @Nullable BigDecimal cachedInputPerToken,
    List<Tier> tiers) {

  /** Prices unknown: everything costs zero. */
  public static final Pricing UNKNOWN =
      new Pricing(BigDecimal.ZERO, BigDecimal.ZERO, null, List.of());

  /** Copies the tiers, sorted by threshold. */
  public Pricing {
    requireNonNull(inputPerToken, "inputPerToken == null");
    requireNonNull(outputPerToken, "outputPerToken == null");
    tiers =
        requireNonNull(tiers, "tiers == null").stream()
            .sorted(Comparator.comparingLong(Tier::minPromptTokens))
            .toList();
  }

  /**
   * Prices per million tokens, the way price lists are written.
   *
   * @param inputPerMillion dollars per million prompt tokens
   * @param outputPerMillion dollars per million completion tokens
   * @param cachedInputPerMillion dollars per million cached prompt tokens, or {@code null}
   * @return the pricing, with no tiers
   */
  public static Pricing perMillion(
      String inputPerMillion, String outputPerMillion, @Nullable String cachedInputPerMillion) {
    return new Pricing(
        perToken(inputPerMillion),
        perToken(outputPerMillion),
        cachedInputPerMillion == null ? null : perToken(cachedInputPerMillion),
        List.of());
  }

  /**
   * A copy with one more price tier.
   *
   * @param tier the tier
   * @return the new pricing
   */
  public Pricing withTier(Tier tier) {
    List<Tier> all = new java.util.ArrayList<>(tiers);
    all.add(tier);
    return new Pricing(inputPerToken, outputPerToken, cachedInputPerToken, all);
  }

  /**
   * The cost of a call with these token counts, at the tier its prompt falls in.
   *
   * @param inputTokens prompt tokens, cached ones included
   * @param cachedInputTokens cached prompt tokens
   * @param outputTokens completion tokens
   * @return the cost in US dollars
   */
  public BigDecimal cost(long inputTokens, long cachedInputTokens, long outputTokens) {
    BigDecimal in = inputPerToken;
    BigDecimal out = outputPerToken;
    BigDecimal cached = cachedInputPerToken;
    for (Tier t : tiers) {
      if (inputTokens > t.minPromptTokens()) {
        in = t.inputPerToken() != null ? t.inputPerToken() : in;
        out = t.outputPerToken() != null ? t.outputPerToken() : out;
        cached = t.cachedInputPerToken() != null ? t.cachedInputPerToken() : cached;
      }
    }
    long cachedCount = cached == null ? 0 : Math.min(cachedInputTokens, inputTokens);
    BigDecimal total =
        in.multiply(BigDecimal.valueOf(inputTokens - cachedCount))
            .add(out.multiply(BigDecimal.valueOf(outputTokens)));
    if (cached != null) {
      total = total.add(cached.multiply(BigDecimal.valueOf(cachedCount)));
    }
    return total.stripTrailingZeros();
  }

  private static BigDecimal perToken(String perMillion) {
    return new BigDecimal(perMillion).movePointLeft(6);
  }

  /**
   * Prices that apply when the prompt has strictly more than {@code minPromptTokens} tokens; a
   * {@code null} price keeps the base price.
   *
   * @param minPromptTokens the threshold
   * @param inputPerToken the prompt price above it, or {@code null}
   * @param outputPerToken the completion price above it, or {@code null}
   * @param cachedInputPerToken the cached prompt price above it, or {@code null}
   */
  public record Tier(
      long minPromptTokens,
      @Nullable BigDecimal inputPerToken,
      @Nullable BigDecimal outputPerToken,
      @Nullable BigDecimal cachedInputPerToken) {}
}
