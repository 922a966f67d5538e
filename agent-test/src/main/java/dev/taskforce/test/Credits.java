package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.model.Pricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The key's remaining credit. OpenRouter reserves the worst case (the output limit, or the model's
 * maximum output when the request sets none) before it answers, and refuses with 402 when the
 * credit cannot cover it.
 */
final class Credits {

  private @Nullable BigDecimal balance;

  Credits(@Nullable BigDecimal balance) {
    this.balance = balance;
  }

  /** The fault to answer with, or {@code null} when the credit covers the request. */
  synchronized Fault.@Nullable InsufficientCredits reserve(
      JsonNode request, FakeModels.Entry model, long promptTokens) {
    Pricing pricing = model.pricing();
    if (balance == null || pricing.outputPerToken().signum() == 0) {
      return null;
    }
    long requested = request.path("max_output_tokens").asLong(0); // the Responses API's name
    if (requested <= 0) {
      requested = request.path("max_completion_tokens").asLong(0);
    }
    if (requested <= 0) {
      requested = request.path("max_tokens").asLong(0);
    }
    if (requested <= 0) {
      requested = model.maxOutputTokens();
    }
    if (pricing.cost(promptTokens, 0, requested).compareTo(balance) <= 0) {
      return null;
    }
    BigDecimal left = balance.subtract(pricing.cost(promptTokens, 0, 0));
    long affordable =
        left.signum() <= 0
            ? 0
            : left.divide(pricing.outputPerToken(), 0, RoundingMode.FLOOR).longValueExact();
    return new Fault.InsufficientCredits(requested, Math.min(affordable, requested - 1));
  }

  synchronized void charge(BigDecimal cost) {
    if (balance != null) {
      balance = balance.subtract(cost);
    }
  }
}
