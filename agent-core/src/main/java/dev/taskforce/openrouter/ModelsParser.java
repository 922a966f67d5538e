package dev.taskforce.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.ReasoningEffort;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads OpenRouter's {@code GET /models} list into {@link ModelInfo}s.
 *
 * <p>Prices are strings of dollars per token; a price of {@code "-1"} (router models) or a missing
 * prompt or completion price makes the pricing unknown. {@code pricing.overrides} entries with a
 * {@code min_prompt_tokens} become tiers; entries bound to a time window only are skipped. {@code
 * reasoning.supported_efforts} gives the efforts ({@code null} there means all; no {@code
 * reasoning} block means none); unknown effort names are skipped. {@code supportsJsonSchema} is
 * true when {@code supported_parameters} lists {@code structured_outputs}: a model that lists only
 * {@code response_format} may take nothing but {@code json_object}.
 */
final class ModelsParser {

  private ModelsParser() {}

  static List<ModelInfo> parse(JsonNode root) {
    List<ModelInfo> out = new ArrayList<>();
    for (JsonNode m : root.path("data")) {
      JsonNode id = m.get("id");
      if (id == null || !id.isTextual()) {
        continue;
      }
      long context = m.path("context_length").asLong(0);
      long maxOut = m.path("top_provider").path("max_completion_tokens").asLong(0);
      out.add(
          new ModelInfo(
              id.textValue(),
              Math.max(0, context),
              Math.max(0, maxOut),
              pricing(m.path("pricing")),
              efforts(m.get("reasoning")),
              supportsJsonSchema(m.path("supported_parameters"))));
    }
    return out;
  }

  static Pricing pricing(JsonNode p) {
    BigDecimal in = price(p.get("prompt"));
    BigDecimal out = price(p.get("completion"));
    if (in == null || out == null) {
      return Pricing.UNKNOWN;
    }
    List<Pricing.Tier> tiers = new ArrayList<>();
    for (JsonNode o : p.path("overrides")) {
      JsonNode min = o.get("min_prompt_tokens");
      if (min == null || !min.canConvertToLong()) {
        continue;
      }
      tiers.add(
          new Pricing.Tier(
              min.longValue(),
              price(o.get("prompt")),
              price(o.get("completion")),
              price(o.get("input_cache_read"))));
    }
    return new Pricing(in, out, price(p.get("input_cache_read")), tiers);
  }

  private static @Nullable BigDecimal price(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      BigDecimal d = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
      return d.signum() < 0 ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Set<ReasoningEffort> efforts(@Nullable JsonNode reasoning) {
    if (reasoning == null || !reasoning.isObject()) {
      return Set.of();
    }
    JsonNode list = reasoning.get("supported_efforts");
    if (list == null || list.isNull()) {
      return EnumSet.allOf(ReasoningEffort.class);
    }
    Set<ReasoningEffort> out = EnumSet.noneOf(ReasoningEffort.class);
    for (JsonNode e : list) {
      try {
        out.add(ReasoningEffort.fromWire(e.asText()));
      } catch (IllegalArgumentException unknown) {
        // A level newer than this release: skip it.
      }
    }
    return out;
  }

  private static boolean supportsJsonSchema(JsonNode params) {
    for (JsonNode p : params) {
      if ("structured_outputs".equals(p.asText())) {
        return true;
      }
    }
    return false;
  }
}
