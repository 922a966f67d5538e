package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which upstream providers may serve a request, and how to choose among them (OpenRouter's {@code
 * provider} object). Every setting is optional; an unset one is not sent.
 *
 * <pre>{@code
 * ProviderPreferences p = ProviderPreferences.builder()
 *     .requireParameters(true)          // only endpoints that honour every parameter sent
 *     .dataCollection(DataCollection.DENY)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. A class with a builder rather than a record: it has thirteen
 * optional settings.
 */
public final class ProviderPreferences {

  /** Whether providers that may store or train on prompts are allowed. */
  public enum DataCollection {
    /** Allowed (the default). */
    ALLOW,
    /** Only providers that do not collect data. */
    DENY;

    /**
     * The wire value.
     *
     * @return {@code "allow"} or {@code "deny"}
     */
    public String wireValue() {
      return this == ALLOW ? "allow" : "deny";
    }
  }

  /**
   * Price ceilings, in US dollars per million tokens (per image or request for those fields); a
   * {@code null} field sets no ceiling.
   *
   * @param prompt per million prompt tokens
   * @param completion per million completion tokens
   * @param request per request
   * @param image per image
   * @param audio per million audio tokens
   */
  public record MaxPrice(
      @Nullable BigDecimal prompt,
      @Nullable BigDecimal completion,
      @Nullable BigDecimal request,
      @Nullable BigDecimal image,
      @Nullable BigDecimal audio) {}

  private final List<String> order;
  private final List<String> only;
  private final List<String> ignore;
  private final @Nullable Boolean allowFallbacks;
  private final @Nullable Boolean requireParameters;
  private final @Nullable DataCollection dataCollection;
  private final @Nullable Boolean zdr;
  private final @Nullable Boolean enforceDistillableText;
  private final List<String> quantizations;
  private final @Nullable String sort;
  private final @Nullable MaxPrice maxPrice;
  private final @Nullable Double preferredMinThroughput;
  private final @Nullable Double preferredMaxLatency;

  private ProviderPreferences(Builder b) {
    order = List.copyOf(b.order);
    only = List.copyOf(b.only);
    ignore = List.copyOf(b.ignore);
    allowFallbacks = b.allowFallbacks;
    requireParameters = b.requireParameters;
    dataCollection = b.dataCollection;
    zdr = b.zdr;
    enforceDistillableText = b.enforceDistillableText;
    quantizations = List.copyOf(b.quantizations);
    sort = b.sort;
    maxPrice = b.maxPrice;
    preferredMinThroughput = b.preferredMinThroughput;
    preferredMaxLatency = b.preferredMaxLatency;
  }

  /**
   * Starts a set of preferences.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return provider slugs to try in this order (for example {@code openai}); empty for none
   */
  public List<String> order() {
    return order;
  }

  /**
   * @return the only providers allowed; empty for no allow-list
   */
  public List<String> only() {
    return only;
  }

  /**
   * @return providers never to use; empty for none
   */
  public List<String> ignore() {
    return ignore;
  }

  /**
   * @return whether other providers may serve when the preferred ones fail, or {@code null}
   */
  public @Nullable Boolean allowFallbacks() {
    return allowFallbacks;
  }

  /**
   * @return whether only providers supporting every parameter sent may serve, or {@code null}
   */
  public @Nullable Boolean requireParameters() {
    return requireParameters;
  }

  /**
   * @return the data collection rule, or {@code null}
   */
  public @Nullable DataCollection dataCollection() {
    return dataCollection;
  }

  /**
   * @return whether only zero-data-retention endpoints may serve, or {@code null}
   */
  public @Nullable Boolean zdr() {
    return zdr;
  }

  /**
   * @return whether only endpoints allowing distillation of their output may serve, or {@code null}
   */
  public @Nullable Boolean enforceDistillableText() {
    return enforceDistillableText;
  }

  /**
   * @return the allowed quantizations (for example {@code fp8}); empty for any
   */
  public List<String> quantizations() {
    return quantizations;
  }

  /**
   * @return how to rank providers ({@code price}, {@code throughput}, {@code latency}), or {@code
   *     null} for OpenRouter's load balancing
   */
  public @Nullable String sort() {
    return sort;
  }

  /**
   * @return the price ceilings, or {@code null}
   */
  public @Nullable MaxPrice maxPrice() {
    return maxPrice;
  }

  /**
   * @return the preferred minimum throughput in tokens per second, or {@code null}
   */
  public @Nullable Double preferredMinThroughput() {
    return preferredMinThroughput;
  }

  /**
   * @return the preferred maximum latency in seconds, or {@code null}
   */
  public @Nullable Double preferredMaxLatency() {
    return preferredMaxLatency;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ProviderPreferences p
        && order.equals(p.order)
        && only.equals(p.only)
        && ignore.equals(p.ignore)
        && Objects.equals(allowFallbacks, p.allowFallbacks)
        && Objects.equals(requireParameters, p.requireParameters)
        && dataCollection == p.dataCollection
        && Objects.equals(zdr, p.zdr)
        && Objects.equals(enforceDistillableText, p.enforceDistillableText)
        && quantizations.equals(p.quantizations)
        && Objects.equals(sort, p.sort)
        && Objects.equals(maxPrice, p.maxPrice)
        && Objects.equals(preferredMinThroughput, p.preferredMinThroughput)
        && Objects.equals(preferredMaxLatency, p.preferredMaxLatency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        order, only, ignore, allowFallbacks, requireParameters, dataCollection, sort);
  }

  @Override
  public String toString() {
    return "ProviderPreferences{order="
        + order
        + ", only="
        + only
        + ", ignore="
        + ignore
        + ", allowFallbacks="
        + allowFallbacks
        + ", requireParameters="
        + requireParameters
        + ", dataCollection="
        + dataCollection
        + ", zdr="
        + zdr
        + ", sort="
        + sort
        + "}";
  }

  /** Builds {@link ProviderPreferences}. Not thread-safe. */
  public static final class Builder {
    private final List<String> order = new ArrayList<>();
    private final List<String> only = new ArrayList<>();
    private final List<String> ignore = new ArrayList<>();
    private @Nullable Boolean allowFallbacks;
    private @Nullable Boolean requireParameters;
    private @Nullable DataCollection dataCollection;
    private @Nullable Boolean zdr;
    private @Nullable Boolean enforceDistillableText;
    private final List<String> quantizations = new ArrayList<>();
    private @Nullable String sort;
    private @Nullable MaxPrice maxPrice;
    private @Nullable Double preferredMinThroughput;
    private @Nullable Double preferredMaxLatency;

    private Builder() {}

    /**
     * @param order provider slugs to try in order
     * @return this builder
     */
    public Builder order(List<String> order) {
      replace(this.order, order, "order");
      return this;
    }

    /**
     * @param only the only providers allowed
     * @return this builder
     */
    public Builder only(List<String> only) {
      replace(this.only, only, "only");
      return this;
    }

    /**
     * @param ignore providers never to use
     * @return this builder
     */
    public Builder ignore(List<String> ignore) {
      replace(this.ignore, ignore, "ignore");
      return this;
    }

    /**
     * @param allowFallbacks whether other providers may serve, or {@code null}
     * @return this builder
     */
    public Builder allowFallbacks(@Nullable Boolean allowFallbacks) {
      this.allowFallbacks = allowFallbacks;
      return this;
    }

    /**
     * @param requireParameters whether only providers supporting every parameter may serve, or
     *     {@code null}
     * @return this builder
     */
    public Builder requireParameters(@Nullable Boolean requireParameters) {
      this.requireParameters = requireParameters;
      return this;
    }

    /**
     * @param dataCollection the data collection rule, or {@code null}
     * @return this builder
     */
    public Builder dataCollection(@Nullable DataCollection dataCollection) {
      this.dataCollection = dataCollection;
      return this;
    }

    /**
     * @param zdr whether only zero-data-retention endpoints may serve, or {@code null}
     * @return this builder
     */
    public Builder zdr(@Nullable Boolean zdr) {
      this.zdr = zdr;
      return this;
    }

    /**
     * @param enforceDistillableText whether only distillable endpoints may serve, or {@code null}
     * @return this builder
     */
    public Builder enforceDistillableText(@Nullable Boolean enforceDistillableText) {
      this.enforceDistillableText = enforceDistillableText;
      return this;
    }

    /**
     * @param quantizations the allowed quantizations
     * @return this builder
     */
    public Builder quantizations(List<String> quantizations) {
      replace(this.quantizations, quantizations, "quantizations");
      return this;
    }

    /**
     * @param sort {@code price}, {@code throughput} or {@code latency}, or {@code null}
     * @return this builder
     */
    public Builder sort(@Nullable String sort) {
      if (sort != null && sort.isBlank()) {
        throw new IllegalArgumentException("sort must not be blank");
      }
      this.sort = sort;
      return this;
    }

    /**
     * @param maxPrice the price ceilings, or {@code null}
     * @return this builder
     */
    public Builder maxPrice(@Nullable MaxPrice maxPrice) {
      this.maxPrice = maxPrice;
      return this;
    }

    /**
     * @param tokensPerSecond the preferred minimum throughput, or {@code null}
     * @return this builder
     */
    public Builder preferredMinThroughput(@Nullable Double tokensPerSecond) {
      this.preferredMinThroughput = tokensPerSecond;
      return this;
    }

    /**
     * @param seconds the preferred maximum latency, or {@code null}
     * @return this builder
     */
    public Builder preferredMaxLatency(@Nullable Double seconds) {
      this.preferredMaxLatency = seconds;
      return this;
    }

    /**
     * Builds the preferences.
     *
     * @return the preferences
     */
    public ProviderPreferences build() {
      return new ProviderPreferences(this);
    }

    private static void replace(List<String> target, List<String> values, String name) {
      requireNonNull(values, name + " == null");
      target.clear();
      for (String v : values) {
        target.add(requireNonNull(v, name + " contains null"));
      }
    }
  }
}
