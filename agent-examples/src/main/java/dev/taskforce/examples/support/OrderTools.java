package dev.taskforce.examples.support;

import dev.taskforce.examples.support.OrderService.Order;
import dev.taskforce.examples.support.OrderService.Shipment;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;

/** The order service's methods, exposed to the model as tools. */
public final class OrderTools {

  private final OrderService orders;

  /**
   * @param orders the service the tools call
   */
  public OrderTools(OrderService orders) {
    this.orders = orders;
  }

  /**
   * @param id the order id
   * @return the order
   */
  @Tool("Look up an order by its id")
  public Order findOrder(@Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id) {
    return orders
        .find(id)
        .orElseThrow(() -> new IllegalArgumentException("no order with id " + id));
  }

  /**
   * @param orderId the order id
   * @return the latest tracking event
   */
  @Tool("The carrier's latest tracking event for an order that has shipped")
  public Shipment trackShipment(
      @Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String orderId) {
    return orders
        .shipment(orderId)
        .orElseThrow(() -> new IllegalArgumentException("order " + orderId + " has not shipped"));
  }

  /**
   * @param customer the customer's full name
   * @return their orders
   */
  @Tool("All orders of a customer, by full name")
  public List<Order> ordersOfCustomer(
      @Param("The customer's full name") @NotBlank String customer) {
    return orders.ordersOf(customer);
  }

  /**
   * @param orderId the order
   * @param amount the amount to refund
   * @return the refund reference
   */
  @Tool("Refund part or all of an order; returns the refund reference")
  public String refund(
      @Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String orderId,
      @Param("Amount in EUR, at most the order total") @DecimalMin("0.01") BigDecimal amount) {
    return orders.refund(orderId, amount);
  }
}
