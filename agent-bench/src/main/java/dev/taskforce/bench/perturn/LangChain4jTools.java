package dev.taskforce.bench.perturn;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** The same ten tools as LangChain4j {@code @Tool} methods, for {@code AiServices}. */
public final class LangChain4jTools {

  @Tool("Current weather for a city")
  public String currentWeather(
      @P("City name, e.g. Oslo") String city, @P("Temperature unit") TemperatureUnit unit) {
    return Toolbox.currentWeather(city, unit);
  }

  @Tool("Look up an order by its id")
  public String findOrder(
      @P("Order id, e.g. A-1042") String orderId,
      @P("Whether to list the order's items") boolean includeItems) {
    return Toolbox.findOrder(orderId, includeItems);
  }

  @Tool("Search a customer's orders by status")
  public String searchOrders(
      @P("The customer's e-mail address") String customerEmail,
      @P("Order status: open, shipped, delivered or cancelled") String status,
      @P("Most orders to return") int limit) {
    return Toolbox.searchOrders(customerEmail, status, limit);
  }

  @Tool("Convert an amount between currencies at today's rate")
  public String convertCurrency(
      @P("The amount to convert") double amount,
      @P("ISO 4217 code to convert from, e.g. NOK") String from,
      @P("ISO 4217 code to convert to, e.g. EUR") String to) {
    return Toolbox.convertCurrency(amount, from, to);
  }

  @Tool("Quote the price and time of shipping a parcel")
  public String shippingQuote(
      @P("Parcel weight in kilograms") double weightKg,
      @P("ISO 3166 country code of the sender") String fromCountry,
      @P("ISO 3166 country code of the recipient") String toCountry,
      @P("Whether to quote express delivery") boolean express) {
    return Toolbox.shippingQuote(weightKg, fromCountry, toCountry, express);
  }

  @Tool("Stock level of a product in a warehouse")
  public String checkInventory(
      @P("Stock keeping unit, e.g. SKU-77-BLUE") String sku,
      @P("Warehouse city") String warehouse) {
    return Toolbox.checkInventory(sku, warehouse);
  }

  @Tool("Open a support ticket")
  public String createTicket(
      @P("One-line summary") String subject,
      @P("What happened, in full") String body,
      @P("Priority from 1 (urgent) to 4 (low)") int priority) {
    return Toolbox.createTicket(subject, body, priority);
  }

  @Tool("Look up a customer by e-mail address")
  public String lookupCustomer(
      @P("The customer's e-mail address") String email,
      @P("Whether to include the order and complaint history") boolean includeHistory) {
    return Toolbox.lookupCustomer(email, includeHistory);
  }

  @Tool("Book a phone callback with the customer")
  public String scheduleCallback(
      @P("Phone number in E.164 form") String phone,
      @P("Date, as YYYY-MM-DD") String date,
      @P("Length of the call in minutes") int durationMinutes) {
    return Toolbox.scheduleCallback(phone, date, durationMinutes);
  }

  @Tool("Translate a text")
  public String translate(
      @P("The text to translate") String text,
      @P("Target language as an ISO 639-1 code") String targetLanguage) {
    return Toolbox.translate(text, targetLanguage);
  }
}
