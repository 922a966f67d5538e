package dev.taskforce.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskforce.model.ProviderPreferences;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes {@link ProviderPreferences} as OpenRouter's {@code provider} object. */
public final class ProviderWriter {

  private ProviderWriter() {}

  /**
   * Writes the object at the generator's current position.
   *
   * @param g the generator, positioned where a value goes
   * @param p the preferences
   * @throws IOException if writing fails
   */
  public static void write(JsonGenerator g, ProviderPreferences p) throws IOException {
    g.writeStartObject();
    strings(g, "order", p.order());
    bool(g, "allow_fallbacks", p.allowFallbacks());
    bool(g, "require_parameters", p.requireParameters());
    if (p.dataCollection() != null) {
      g.writeStringField("data_collection", p.dataCollection().wireValue());
    }
    bool(g, "zdr", p.zdr());
    bool(g, "enforce_distillable_text", p.enforceDistillableText());
    strings(g, "only", p.only());
    strings(g, "ignore", p.ignore());
    strings(g, "quantizations", p.quantizations());
    if (p.sort() != null) {
      g.writeStringField("sort", p.sort());
    }
    ProviderPreferences.MaxPrice m = p.maxPrice();
    if (m != null) {
      g.writeObjectFieldStart("max_price");
      number(g, "prompt", m.prompt());
      number(g, "completion", m.completion());
      number(g, "request", m.request());
      number(g, "image", m.image());
      number(g, "audio", m.audio());
      g.writeEndObject();
    }
    if (p.preferredMinThroughput() != null) {
      g.writeNumberField("preferred_min_throughput", p.preferredMinThroughput());
    }
    if (p.preferredMaxLatency() != null) {
      g.writeNumberField("preferred_max_latency", p.preferredMaxLatency());
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void bool(JsonGenerator g, String name, @Nullable Boolean value)
      throws IOException {
    if (value != null) {
      g.writeBooleanField(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, @Nullable BigDecimal value)
      throws IOException {
    if (value != null) {
      g.writeNumberField(name, value);
    }
  }
}
