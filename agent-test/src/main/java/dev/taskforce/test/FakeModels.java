package dev.taskforce.test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.model.Pricing;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The models the fake server knows, with the facts {@code GET /models} reports about them. */
final class FakeModels {

  static final List<String> GPT_5_4_FAMILY =
      List.of("openai/gpt-5.4-pro", "openai/gpt-5.4-mini", "openai/gpt-5.4-nano", "openai/gpt-5.4");

  private static final List<String> SUPPORTED_PARAMETERS =
      List.of(
          "frequency_penalty",
          "include_reasoning",
          "logit_bias",
          "logprobs",
          "max_tokens",
          "presence_penalty",
          "reasoning",
          "response_format",
          "seed",
          "stop",
          "structured_outputs",
          "tool_choice",
          "tools",
          "top_logprobs");

  private static final List<String> ALL_EFFORTS = List.of("xhigh", "high", "medium", "low", "none");

  /**
   * What is known about one model. {@code efforts} is null when the model has no effort control.
   */
  record Entry(
      String id,
      String canonicalSlug,
      String name,
      long created,
      long contextLength,
      long maxOutputTokens,
      Pricing pricing,
      @Nullable List<String> efforts,
      boolean reasoningMandatory) {

    Entry withId(String otherId) {
      return new Entry(
          otherId,
          canonicalSlug,
          name,
          created,
          contextLength,
          maxOutputTokens,
          pricing,
          efforts,
          reasoningMandatory);
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  FakeModels(List<String> ids) {
    for (String id : ids) {
      entries.put(id, entry(id));
    }
  }

  boolean isKnown(String id) {
    return entries.containsKey(id);
  }

  @Nullable Entry get(String id) {
    return entries.get(id);
  }

  /** A model's list price; free for a model the server does not know. */
  Pricing pricing(String id) {
    Entry entry = entries.get(id);
    return entry == null ? Pricing.UNKNOWN : entry.pricing();
  }

  /** The first known model: what a request without {@code model} gets (the account default). */
  String defaultModel() {
    return entries.keySet().iterator().next();
  }

  /**
   * The facts of a model; OpenAI's own names for the GPT-5.4 models ({@code gpt-5.4-mini}, as the
   * Responses client's OpenAI target sends them) get the same facts as OpenRouter's.
   */
  private static Entry entry(String id) {
    String known = GPT_5_4_FAMILY.contains("openai/" + id) ? "openai/" + id : id;
    return facts(known).withId(id);
  }

  private static Entry facts(String id) {
    switch (id) {
      case "openai/gpt-5.4-pro":
        return new Entry(
            id,
            "openai/gpt-5.4-pro-20260305",
            "OpenAI: GPT-5.4 Pro",
            1772668800L,
            1_050_000,
            128_000,
            Pricing.perMillion("30", "180", null)
                .withTier(new Pricing.Tier(272_000, perMillion("60"), perMillion("270"), null)),
            List.of("xhigh", "high", "medium"),
            true);
      case "openai/gpt-5.4":
        return new Entry(
            id,
            "openai/gpt-5.4-20260305",
            "OpenAI: GPT-5.4",
            1772668800L,
            1_050_000,
            128_000,
            Pricing.perMillion("2.50", "15", "0.25")
                .withTier(new Pricing.Tier(272_000, perMillion("5"), perMillion("22.50"), null)),
            ALL_EFFORTS,
            false);
      case "openai/gpt-5.4-mini":
        return new Entry(
            id,
            "openai/gpt-5.4-mini-20260317",
            "OpenAI: GPT-5.4 Mini",
            1773705600L,
            400_000,
            128_000,
            Pricing.perMillion("0.75", "4.50", "0.075"),
            ALL_EFFORTS,
            false);
      case "openai/gpt-5.4-nano":
        return new Entry(
            id,
            "openai/gpt-5.4-nano-20260317",
            "OpenAI: GPT-5.4 Nano",
            1773705600L,
            400_000,
            128_000,
            Pricing.perMillion("0.20", "1.25", "0.02"),
            ALL_EFFORTS,
            false);
      default:
        return new Entry(id, id, id, 1767225600L, 128_000, 16_384, Pricing.UNKNOWN, null, false);
    }
  }

  private static BigDecimal perMillion(String price) {
    return new BigDecimal(price).movePointLeft(6);
  }

  /** The {@code GET /api/v1/models} body. */
  ObjectNode listJson() {
    ObjectNode root = Wire.F.objectNode();
    ArrayNode data = root.putArray("data");
    for (Entry e : entries.values()) {
      data.add(modelJson(e));
    }
    root.put("total_count", entries.size());
    root.putObject("links").putNull("next");
    return root;
  }

  private static ObjectNode modelJson(Entry e) {
    ObjectNode m = Wire.F.objectNode();
    m.put("id", e.id()).put("canonical_slug", e.canonicalSlug()).put("name", e.name());
    m.put("created", e.created());
    m.put("description", e.name() + ", as served by Taskforce's fake OpenRouter.");
    m.put("context_length", e.contextLength());
    ObjectNode arch = m.putObject("architecture");
    arch.put("modality", "text+image+file->text");
    arch.putArray("input_modalities").add("text").add("image").add("file");
    arch.putArray("output_modalities").add("text");
    arch.put("tokenizer", "GPT").putNull("instruct_type");
    m.set("pricing", pricingJson(e.pricing()));
    m.putObject("top_provider")
        .put("context_length", e.contextLength())
        .put("max_completion_tokens", e.maxOutputTokens())
        .put("is_moderated", true);
    m.putNull("per_request_limits");
    ArrayNode params = m.putArray("supported_parameters");
    SUPPORTED_PARAMETERS.forEach(params::add);
    ObjectNode defaults = m.putObject("default_parameters");
    for (String p :
        List.of(
            "temperature",
            "top_p",
            "top_k",
            "frequency_penalty",
            "presence_penalty",
            "repetition_penalty")) {
      defaults.putNull(p);
    }
    if (e.efforts() != null) {
      ObjectNode reasoning = m.putObject("reasoning");
      ArrayNode efforts = reasoning.putArray("supported_efforts");
      e.efforts().forEach(efforts::add);
      reasoning.put("mandatory", e.reasoningMandatory()).put("default_enabled", true);
    }
    m.put("knowledge_cutoff", "2025-08-31").putNull("expiration_date").putNull("supported_voices");
    m.putObject("links").put("details", "/api/v1/models/" + e.id() + "/endpoints");
    return m;
  }

  private static ObjectNode pricingJson(Pricing p) {
    ObjectNode o = Wire.F.objectNode();
    o.put("prompt", plain(p.inputPerToken())).put("completion", plain(p.outputPerToken()));
    if (p.cachedInputPerToken() != null) {
      o.put("input_cache_read", plain(p.cachedInputPerToken()));
    }
    o.put("web_search", "0.01");
    if (!p.tiers().isEmpty()) {
      ArrayNode overrides = o.putArray("overrides");
      for (Pricing.Tier t : p.tiers()) {
        ObjectNode override = overrides.addObject().put("min_prompt_tokens", t.minPromptTokens());
        if (t.inputPerToken() != null) {
          override.put("prompt", plain(t.inputPerToken()));
        }
        if (t.outputPerToken() != null) {
          override.put("completion", plain(t.outputPerToken()));
        }
      }
    }
    return o;
  }

  private static String plain(BigDecimal price) {
    return price.signum() == 0 ? "0" : price.stripTrailingZeros().toPlainString();
  }
}
