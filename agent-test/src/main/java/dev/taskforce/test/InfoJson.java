package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.ReasoningEffort;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ModelInfo} as a cassette stores it, so that a replay sees the limits and prices the
 * recording saw (agents derive output limits and budgets from them). Prices are decimal strings.
 */
final class InfoJson {

  private InfoJson() {}

  static ObjectNode write(ModelInfo info) {
    ObjectNode o = Wire.F.objectNode().put("id", info.id());
    o.put("contextLength", info.contextLength()).put("maxOutputTokens", info.maxOutputTokens());
    Pricing p = info.pricing();
    ObjectNode pricing = o.putObject("pricing");
    putPrice(pricing, "inputPerToken", p.inputPerToken());
    putPrice(pricing, "outputPerToken", p.outputPerToken());
    putPrice(pricing, "cachedInputPerToken", p.cachedInputPerToken());
    if (!p.tiers().isEmpty()) {
      ArrayNode tiers = pricing.putArray("tiers");
      for (Pricing.Tier t : p.tiers()) {
        ObjectNode n = tiers.addObject().put("minPromptTokens", t.minPromptTokens());
        putPrice(n, "inputPerToken", t.inputPerToken());
        putPrice(n, "outputPerToken", t.outputPerToken());
        putPrice(n, "cachedInputPerToken", t.cachedInputPerToken());
      }
    }
    ArrayNode efforts = o.putArray("reasoningEfforts");
    new TreeSet<>(info.reasoningEfforts()).forEach(e -> efforts.add(e.wireValue()));
    o.put("supportsJsonSchema", info.supportsJsonSchema());
    return o;
  }

  static ModelInfo read(JsonNode o) {
    String id = ResponseJson.required(o, "id").asText();
    JsonNode p = o.path("pricing");
    List<Pricing.Tier> tiers = new ArrayList<>();
    for (JsonNode t : p.path("tiers")) {
      tiers.add(
          new Pricing.Tier(
              t.path("minPromptTokens").asLong(),
              price(t, "inputPerToken"),
              price(t, "outputPerToken"),
              price(t, "cachedInputPerToken")));
    }
    BigDecimal in = price(p, "inputPerToken");
    BigDecimal out = price(p, "outputPerToken");
    Pricing pricing =
        new Pricing(
            in == null ? BigDecimal.ZERO : in,
            out == null ? BigDecimal.ZERO : out,
            price(p, "cachedInputPerToken"),
            tiers);
    Set<ReasoningEffort> efforts = EnumSet.noneOf(ReasoningEffort.class);
    for (JsonNode e : o.path("reasoningEfforts")) {
      efforts.add(ReasoningEffort.fromWire(e.asText()));
    }
    return new ModelInfo(
        id,
        o.path("contextLength").asLong(),
        o.path("maxOutputTokens").asLong(),
        pricing,
        efforts,
        o.path("supportsJsonSchema").asBoolean(true));
  }

  private static void putPrice(ObjectNode o, String field, @Nullable BigDecimal price) {
    if (price != null) {
      o.put(field, price.toPlainString());
    }
  }

  private static @Nullable BigDecimal price(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : new BigDecimal(v.asText());
  }
}
