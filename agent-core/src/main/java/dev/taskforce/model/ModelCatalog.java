package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about models, by id: context window, output limit, prices and reasoning efforts.
 *
 * <p>{@link #builtIn()} knows the GPT-5.4 family as OpenRouter names it; {@link #mergedWith} lays a
 * fresher list (from OpenRouter's {@code GET /models}) over it. Immutable and thread-safe.
 *
 * <pre>{@code
 * ModelInfo pro = ModelCatalog.builtIn().info("openai/gpt-5.4-pro");
 * pro.pricing().cost(300_000, 0, 2_000);   // priced at the above-272K tier
 * }</pre>
 */
public final class ModelCatalog {

  private static final ModelCatalog BUILT_IN = of(builtInEntries());

  private final Map<String, ModelInfo> models;

  private ModelCatalog(Map<String, ModelInfo> models) {
    this.models = models;
  }

  /**
   * The built-in entries: {@code openai/gpt-5.4-pro}, {@code openai/gpt-5.4}, {@code
   * openai/gpt-5.4-mini} and {@code openai/gpt-5.4-nano}.
   *
   * @return the built-in catalog
   */
  public static ModelCatalog builtIn() {
    return BUILT_IN;
  }

  /**
   * A catalog of the given entries; a later entry with the same id replaces an earlier one.
   *
   * @param models the entries
   * @return the catalog
   */
  public static ModelCatalog of(Collection<ModelInfo> models) {
    requireNonNull(models, "models == null");
    Map<String, ModelInfo> m = new LinkedHashMap<>();
    for (ModelInfo info : models) {
      m.put(requireNonNull(info, "models contains null").id(), info);
    }
    return new ModelCatalog(java.util.Collections.unmodifiableMap(m));
  }

  /**
   * Looks up a model.
   *
   * @param id the model id, for example {@code openai/gpt-5.4-mini}
   * @return the entry, or empty when the catalog does not know the model
   */
  public Optional<ModelInfo> find(String id) {
    return Optional.ofNullable(models.get(requireNonNull(id, "id == null")));
  }

  /**
   * Looks up a model, falling back to an unknown entry.
   *
   * @param id the model id
   * @return the entry, or {@link ModelInfo#unknown(String)}
   */
  public ModelInfo info(String id) {
    ModelInfo info = models.get(requireNonNull(id, "id == null"));
    return info != null ? info : ModelInfo.unknown(id);
  }

  /**
   * Every entry.
   *
   * @return the entries, in the order they were added
   */
  public List<ModelInfo> models() {
    return List.copyOf(models.values());
  }

  /**
   * This catalog with fresher entries laid over it. For a model in both, the fresh entry wins,
   * except that facts it lacks keep their old values: a context length or output limit of 0,
   * unknown pricing, and an empty effort set.
   *
   * @param fresh the newer entries, for example parsed from {@code GET /models}
   * @return the merged catalog; this one is unchanged
   */
  public ModelCatalog mergedWith(Collection<ModelInfo> fresh) {
    requireNonNull(fresh, "fresh == null");
    Map<String, ModelInfo> m = new LinkedHashMap<>(models);
    for (ModelInfo n : fresh) {
      ModelInfo old = m.get(n.id());
      m.put(n.id(), old == null ? n : merge(old, n));
    }
    return new ModelCatalog(java.util.Collections.unmodifiableMap(m));
  }

  private static ModelInfo merge(ModelInfo old, ModelInfo n) {
    return new ModelInfo(
        n.id(),
        n.contextLength() > 0 ? n.contextLength() : old.contextLength(),
        n.maxOutputTokens() > 0 ? n.maxOutputTokens() : old.maxOutputTokens(),
        n.pricing().equals(Pricing.UNKNOWN) ? old.pricing() : n.pricing(),
        n.reasoningEfforts().isEmpty() ? old.reasoningEfforts() : n.reasoningEfforts(),
        n.supportsJsonSchema());
  }

  @Override
  public String toString() {
    return "ModelCatalog" + models.keySet();
  }

  private static List<ModelInfo> builtInEntries() {
    Set<ReasoningEffort> proEfforts =
        EnumSet.of(ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH);
    Set<ReasoningEffort> efforts =
        EnumSet.of(
            ReasoningEffort.NONE,
            ReasoningEffort.LOW,
            ReasoningEffort.MEDIUM,
            ReasoningEffort.HIGH,
            ReasoningEffort.XHIGH);
    return List.of(
        new ModelInfo(
            "openai/gpt-5.4-pro",
            1_050_000,
            128_000,
            Pricing.perMillion("30", "180", null)
                .withTier(new Pricing.Tier(272_000, perMillion("60"), perMillion("270"), null)),
            proEfforts,
            true),
        new ModelInfo(
            "openai/gpt-5.4",
            1_050_000,
            128_000,
            Pricing.perMillion("2.50", "15", "0.25")
                .withTier(new Pricing.Tier(272_000, perMillion("5"), perMillion("22.50"), null)),
            efforts,
            true),
        new ModelInfo(
            "openai/gpt-5.4-mini",
            400_000,
            128_000,
            Pricing.perMillion("0.75", "4.50", "0.075"),
            efforts,
            true),
        new ModelInfo(
            "openai/gpt-5.4-nano",
            400_000,
            128_000,
            Pricing.perMillion("0.20", "1.25", "0.02"),
            efforts,
            true));
  }

  private static BigDecimal perMillion(String dollars) {
    return new BigDecimal(dollars).movePointLeft(6);
  }
}
