package dev.taskforce.examples.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A stand-in for a real order service: in memory, thread-safe, with a few orders. */
public final class OrderService {

  /** An order. */
  public record Order(
      String id,
      String customer,
      List<String> items,
      BigDecimal total,
      LocalDate placed,
      String status) {}

  /** A shipment of an order. */
  public record Shipment(
      String orderId,
      String carrier,
      String trackingId,
      String lastEvent,
      LocalDate lastEventDate) {}

  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final Map<String, Shipment> shipments = new ConcurrentHashMap<>();
  private final Map<String, BigDecimal> refunds = new ConcurrentHashMap<>();

  /** Creates the service with its sample data. */
  public OrderService() {
    add(
        new Order(
            "A-1042",
            "Dana Whitfield",
            List.of("Espresso grinder"),
            new BigDecimal("129.00"),
            LocalDate.parse("2026-11-18"),
            "SHIPPED"));
    add(
        new Order(
            "A-1043",
            "Dana Whitfield",
            List.of("Milk frother"),
            new BigDecimal("39.90"),
            LocalDate.parse("2026-11-25"),
            "PROCESSING"));
    add(
        new Order(
            "A-1050",
            "Ravi Menon",
            List.of("Kettle", "Filter papers"),
            new BigDecimal("64.50"),
            LocalDate.parse("2026-11-20"),
            "DELIVERED"));
    shipments.put(
        "A-1042",
        new Shipment(
            "A-1042",
            "PostNord",
            "PN77120034",
            "Held at depot: address incomplete",
            LocalDate.parse("2026-11-22")));
    shipments.put(
        "A-1050",
        new Shipment(
            "A-1050", "DHL", "DH55100981", "Delivered to mailbox", LocalDate.parse("2026-11-23")));
  }

  private void add(Order o) {
    orders.put(o.id(), o);
  }

  /**
   * @param id the order id
   * @return the order, if it exists
   */
  public Optional<Order> find(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  /**
   * @param orderId the order id
   * @return its shipment, if it has shipped
   */
  public Optional<Shipment> shipment(String orderId) {
    return Optional.ofNullable(shipments.get(orderId));
  }

  /**
   * @param customer the customer's name
   * @return their orders
   */
  public List<Order> ordersOf(String customer) {
    return orders.values().stream()
        .filter(o -> o.customer().equalsIgnoreCase(customer))
        .sorted(java.util.Comparator.comparing(Order::id))
        .toList();
  }

  /**
   * Records a refund.
   *
   * @param orderId the order
   * @param amount the amount
   * @return the refund reference
   */
  public String refund(String orderId, BigDecimal amount) {
    Order o = find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
    if (amount.compareTo(o.total()) > 0) {
      throw new IllegalArgumentException(
          "refund " + amount + " exceeds the order total " + o.total());
    }
    refunds.merge(orderId, amount, BigDecimal::add);
    return "R-" + orderId.substring(2) + "-" + refunds.size();
  }

  /**
   * @return refunds recorded so far, by order
   */
  public Map<String, BigDecimal> refunds() {
    return Map.copyOf(refunds);
  }
}
