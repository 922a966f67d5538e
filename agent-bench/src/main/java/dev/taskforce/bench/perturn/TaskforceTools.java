package dev.taskforce.bench.perturn;

import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;

/** The ten tools as Taskforce {@code @Tool} methods, read by {@code Tools.from}. */
public final class TaskforceTools {

  @Tool("Current weather for a city")
  public String currentWeather(
      @Param("City name, e.g. Oslo") String city, @Param("Temperature unit") TemperatureUnit unit) {
    return Toolbox.currentWeather(city, unit);
  }

  @Tool("Look up an order by its id")
  public String findOrder(
      @Param("Order id, e.g. A-1042") String orderId,
      @Param("Whether to list the order's items") boolean includeItems) {
    return Toolbox.findOrder(orderId, includeItems);
  }

  @Tool("Search a customer's orders by status")
  public String searchOrders(
      @Param("The customer's e-mail address") String customerEmail,
      @Param("Order status: open, shipped, delivered or cancelled") String status,
      @Param("Most orders to return") int limit) {
    return Toolbox.searchOrders(customerEmail, status, limit);
  }

  @Tool("Convert an amount between currencies at today's rate")
  public String convertCurrency(
      @Param("The amount to convert") double amount,
      @Param("ISO 4217 code to convert from, e.g. NOK") String from,
      @Param("ISO 4217 code to convert to, e.g. EUR") String to) {
    return Toolbox.convertCurrency(amount, from, to);
  }

  @Tool("Quote the price and time of shipping a parcel")
  public String shippingQuote(
      @Param("Parcel weight in kilograms") double weightKg,
      @Param("ISO 3166 country code of the sender") String fromCountry,
      @Param("ISO 3166 country code of the recipient") String toCountry,
      @Param("Whether to quote express delivery") boolean express) {
    return Toolbox.shippingQuote(weightKg, fromCountry, toCountry, express);
  }

  @Tool("Stock level of a product in a warehouse")
  public String checkInventory(
      @Param("Stock keeping unit, e.g. SKU-77-BLUE") String sku,
      @Param("Warehouse city") String warehouse) {
    return Toolbox.checkInventory(sku, warehouse);
  }

  @Tool("Open a support ticket")
  public String createTicket(
      @Param("One-line summary") String subject,
      @Param("What happened, in full") String body,
      @Param("Priority from 1 (urgent) to 4 (low)") int priority) {
    return Toolbox.createTicket(subject, body, priority);
  }

  @Tool("Look up a customer by e-mail address")
  public String lookupCustomer(
      @Param("The customer's e-mail address") String email,
      @Param("Whether to include the order and complaint history") boolean includeHistory) {
    return Toolbox.lookupCustomer(email, includeHistory);
  }

  @Tool("Book a phone callback with the customer")
  public String scheduleCallback(
      @Param("Phone number in E.164 form") String phone,
      @Param("Date, as YYYY-MM-DD") String date,
      @Param("Length of the call in minutes") int durationMinutes) {
    return Toolbox.scheduleCallback(phone, date, durationMinutes);
  }

  @Tool("Translate a text")
  public String translate(
      @Param("The text to translate") String text,
      @Param("Target language as an ISO 639-1 code") String targetLanguage) {
    return Toolbox.translate(text, targetLanguage);
  }
}
