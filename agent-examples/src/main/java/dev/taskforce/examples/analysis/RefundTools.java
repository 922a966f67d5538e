package dev.taskforce.examples.analysis;

import dev.taskforce.examples.analysis.RefundData.Refund;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read-only queries over the refund data, as tools for the data executor. */
public final class RefundTools {

  private final RefundData data;

  /**
   * @param data the data set
   */
  public RefundTools(RefundData data) {
    this.data = data;
  }

  /** Refund count and amount of one group. */
  public record Total(String key, long refunds, BigDecimal amount) {}

  /** Refunds and orders of one day. */
  public record Day(LocalDate day, long refunds, BigDecimal amount, int orders) {}

  /**
   * @param from first day
   * @param to last day
   * @return refunds per day
   */
  @Tool("Refunds per day between two dates (inclusive), with the orders of each day")
  public List<Day> refundsByDay(
      @Param("First day, ISO date") LocalDate from, @Param("Last day, ISO date") LocalDate to) {
    Map<LocalDate, List<Refund>> byDay =
        data.refunds().stream()
            .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to))
            .collect(Collectors.groupingBy(Refund::day, TreeMap::new, Collectors.toList()));
    return byDay.entrySet().stream()
        .map(
            e ->
                new Day(
                    e.getKey(), e.getValue().size(), sum(e.getValue()), data.ordersOn(e.getKey())))
        .toList();
  }

  /**
   * @param from first day
   * @param to last day
   * @param groupBy the field to group by
   * @return totals per group, largest first
   */
  @Tool("Refund totals between two dates (inclusive), grouped by reason, product or warehouse")
  public List<Total> refundTotals(
      @Param("First day, ISO date") LocalDate from,
      @Param("Last day, ISO date") LocalDate to,
      @Param("What to group by") GroupBy groupBy) {
    Function<Refund, String> key = switch0(groupBy);
    Map<String, List<Refund>> groups =
        data.refunds().stream()
            .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to))
            .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    return groups.entrySet().stream()
        .map(e -> new Total(e.getKey(), e.getValue().size(), sum(e.getValue())))
        .sorted((a, b) -> Long.compare(b.refunds(), a.refunds()))
        .toList();
  }

  /** Fields refunds can be grouped by. */
  public enum GroupBy {
    /** The customer's stated reason. */
    REASON,
    /** The product refunded. */
    PRODUCT,
    /** The warehouse that shipped it. */
    WAREHOUSE
  }

  private static Function<Refund, String> switch0(GroupBy g) {
    if (g == GroupBy.REASON) {
      return Refund::reason;
    }
    if (g == GroupBy.PRODUCT) {
      return Refund::product;
    }
    return Refund::warehouse;
  }

  private static BigDecimal sum(List<Refund> rs) {
    return rs.stream().map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
