package dev.taskforce.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  private final ModelCatalog catalog = ModelCatalog.builtIn();

  @Test
  void knowsGpt54ProWithItsLongPromptTier() {
    ModelInfo pro = catalog.info("openai/gpt-5.4-pro");
    assertThat(pro.contextLength()).isEqualTo(1_050_000);
    assertThat(pro.maxOutputTokens()).isEqualTo(128_000);
    assertThat(pro.reasoningEfforts())
        .containsExactlyInAnyOrder(
            ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH);
    assertThat(pro.pricing().cachedInputPerToken()).isNull();
    // 1M prompt tokens at $30 and 1M output at $180 below the tier ...
    assertThat(pro.pricing().cost(272_000, 0, 0)).isEqualByComparingTo("8.16");
    // ... and $60 / $270 above 272K prompt tokens; cached tokens get no discount.
    assertThat(pro.pricing().cost(300_000, 100_000, 1_000)).isEqualByComparingTo("18.27");
  }

  @Test
  void knowsMiniNanoAndGpt54() {
    ModelInfo mini = catalog.info("openai/gpt-5.4-mini");
    assertThat(mini.contextLength()).isEqualTo(400_000);
    assertThat(mini.pricing().cost(1_000_000, 0, 1_000_000)).isEqualByComparingTo("5.25");
    assertThat(mini.pricing().cost(1_000_000, 1_000_000, 0)).isEqualByComparingTo("0.075");
    ModelInfo nano = catalog.info("openai/gpt-5.4-nano");
    assertThat(nano.pricing().cost(1_000_000, 500_000, 1_000_000)).isEqualByComparingTo("1.36");
    assertThat(nano.reasoningEfforts()).contains(ReasoningEffort.NONE, ReasoningEffort.XHIGH);
    ModelInfo full = catalog.info("openai/gpt-5.4");
    assertThat(full.pricing().cost(1_000_000, 0, 1_000_000)).isEqualByComparingTo("27.50");
    assertThat(full.pricing().cost(100_000, 100_000, 0)).isEqualByComparingTo("0.025");
  }

  @Test
  void unknownModelsGetAnUnknownEntry() {
    assertThat(catalog.find("x/y")).isEmpty();
    assertThat(catalog.info("x/y").isUnknown()).isTrue();
  }

  @Test
  void mergingKeepsBuiltInFactsTheFreshEntryLacks() {
    ModelInfo fresh =
        new ModelInfo(
            "openai/gpt-5.4-pro",
            0,
            100_000,
            Pricing.perMillion("31", "181", null),
            Set.of(),
            true);
    ModelInfo added = new ModelInfo("x/new", 8_000, 1_000, Pricing.UNKNOWN, Set.of(), false);
    ModelCatalog merged = catalog.mergedWith(List.of(fresh, added));

    ModelInfo pro = merged.info("openai/gpt-5.4-pro");
    assertThat(pro.contextLength()).isEqualTo(1_050_000);
    assertThat(pro.maxOutputTokens()).isEqualTo(100_000);
    assertThat(pro.pricing().inputPerToken()).isEqualByComparingTo(new BigDecimal("0.000031"));
    assertThat(pro.reasoningEfforts())
        .isEqualTo(EnumSet.of(ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH));
    assertThat(merged.find("x/new")).contains(added);
    assertThat(catalog.find("x/new")).isEmpty();
  }
}
