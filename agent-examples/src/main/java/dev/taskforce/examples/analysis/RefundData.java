package dev.taskforce.examples.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Two weeks of refunds and orders, in memory: the data the analysis team digs through. */
public final class RefundData {

  /** One refund. */
  public record Refund(
      LocalDate day, String product, String reason, BigDecimal amount, String warehouse) {}

  private final List<Refund> refunds = new ArrayList<>();
  private final int[] ordersPerDay = {
    410, 395, 402, 388, 420, 515, 530, 405, 398, 412, 401, 417, 522, 540
  };

  /** Creates the data set (2026-11-16 to 2026-11-29; the spike is in the second week). */
  public RefundData() {
    LocalDate start = LocalDate.parse("2026-11-16");
    for (int d = 0; d < 14; d++) {
      LocalDate day = start.plusDays(d);
      int base = 6 + (d % 3);
      for (int i = 0; i < base; i++) {
        refunds.add(
            new Refund(
                day,
                i % 2 == 0 ? "Kettle" : "Grinder",
                i % 3 == 0 ? "changed mind" : "late delivery",
                new BigDecimal("35.00"),
                "Oslo"));
      }
      if (d >= 8) {
        // The second week: a batch of grinders from the Bergen warehouse arrives damaged.
        for (int i = 0; i < 9 + d - 8; i++) {
          refunds.add(
              new Refund(day, "Grinder", "arrived damaged", new BigDecimal("129.00"), "Bergen"));
        }
      }
    }
  }

  /**
   * @return every refund
   */
  public List<Refund> refunds() {
    return refunds;
  }

  /**
   * @param day a day of the data set
   * @return the orders placed that day, or 0 outside the data set
   */
  public int ordersOn(LocalDate day) {
    int i = (int) (day.toEpochDay() - LocalDate.parse("2026-11-16").toEpochDay());
    return i >= 0 && i < ordersPerDay.length ? ordersPerDay[i] : 0;
  }
}
