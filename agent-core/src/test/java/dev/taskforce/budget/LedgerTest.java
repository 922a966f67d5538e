package dev.taskforce.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {

  // $1 per million input and output tokens: 1,000,000 tokens = $1.
  private static final ModelInfo MODEL =
      new ModelInfo("m", 400_000, 10_000, Pricing.perMillion("1", "1", null), Set.of(), true);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

  private final List<String> warnings = new ArrayList<>();

  private Ledger ledger(Budget budget) {
    return Ledger.open(budget, CLOCK, (limit, used) -> warnings.add(limit + "@" + used));
  }

  @Test
  void reservationsOfConcurrentCallsCountAgainstTheBudgetUntilSettled() {
    Ledger l = ledger(Budget.usd("0.025"));
    // Worst case of one call: 1,000 prompt + 10,000 output tokens = $0.011.
    Ledger.Reservation a = l.reserve("x", MODEL, 1_000, 0);
    Ledger.Reservation b = l.reserve("y", MODEL, 1_000, 0);
    // Only $0.003 is left unreserved: a third call would get at most ~2,000 output tokens.
    Ledger.Reservation c = l.reserve("z", MODEL, 1_000, 0);
    assertThat(c.maxOutputTokens()).isBetween(256L, 2_000L);
    assertThatThrownBy(() -> l.reserve("w", MODEL, 1_000, 0))
        .isInstanceOfSatisfying(
            BudgetExceededException.class, e -> assertThat(e.limit()).isEqualTo(Limit.COST));

    a.settle(new Usage(1_000, 100, 0, 0, new BigDecimal("0.0011")));
    b.release();
    c.release();

    assertThat(l.reserve("w", MODEL, 1_000, 0).maxOutputTokens()).isEqualTo(10_000);
    assertThat(l.snapshot().total().costUsd()).isEqualByComparingTo("0.0011");
    assertThat(l.snapshot().byRole()).containsOnlyKeys("x");
  }

  @Test
  void settlingTwiceCountsOnce() {
    Ledger l = ledger(Budget.UNLIMITED);
    Ledger.Reservation r = l.reserve("x", MODEL, 10, 0);
    r.settle(new Usage(10, 1, 0, 0, BigDecimal.ONE));
    r.settle(new Usage(10, 1, 0, 0, BigDecimal.ONE));
    assertThat(l.snapshot().modelCalls()).isEqualTo(1);
    assertThat(l.snapshot().total().costUsd()).isEqualByComparingTo("1");
  }

  @Test
  void warnsOnceWhenALimitsWarningLevelIsPassed() {
    Ledger l = ledger(Budget.UNLIMITED.withMaxModelCalls(4).withWarnAt(0.5));
    l.charge("x", "m", Usage.ZERO);
    assertThat(warnings).isEmpty();
    l.charge("x", "m", Usage.ZERO);
    l.charge("x", "m", Usage.ZERO);
    assertThat(warnings).containsExactly("MODEL_CALLS@0.5");
  }

  @Test
  void countsToolCallsAndRefusesOnesPastTheLimit() {
    Ledger l = ledger(Budget.UNLIMITED.withMaxToolCalls(3));
    l.chargeToolCalls(2);
    assertThatThrownBy(() -> l.chargeToolCalls(2)).hasMessageContaining("tool call budget of 3");
    l.chargeToolCalls(1);
    assertThat(l.snapshot().toolCalls()).isEqualTo(3);
  }

  @Test
  void budgetsRejectNonsenseLimits() {
    assertThatThrownBy(() -> Budget.usd("0")).hasMessageContaining("maxCostUsd must be positive");
    assertThatThrownBy(() -> Budget.UNLIMITED.withMaxTokens(-1L)).hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> Budget.UNLIMITED.withWarnAt(1.5)).hasMessageContaining("warnAt");
  }
}
