package dev.taskforce.bench.perturn;

import java.util.Locale;

/**
 * The ten trivial tools every driver offers and calls, as plain static methods. The Taskforce and
 * LangChain4j tool classes and the hand-written floors all delegate here, so the tools cost the
 * same whichever driver calls them and only the framework around them differs.
 */
final class Toolbox {

  private Toolbox() {}

  static String currentWeather(String city, TemperatureUnit unit) {
    return city
        + ": clear, "
        + (unit == TemperatureUnit.CELSIUS ? "14 C" : "57 F")
        + ", wind 3 m/s";
  }

  static String findOrder(String orderId, boolean includeItems) {
    return includeItems
        ? "order " + orderId + ": shipped 2026-08-20 from Oslo; items: 1x SKU-77-BLUE"
        : "order " + orderId + ": shipped 2026-08-20 from Oslo";
  }

  static String searchOrders(String customerEmail, String status, int limit) {
    return "orders of "
        + customerEmail
        + " with status "
        + status
        + " (at most "
        + limit
        + "): A-1042, A-1043";
  }

  static String convertCurrency(double amount, String from, String to) {
    return String.format(Locale.ROOT, "%.2f %s = %.2f %s", amount, from, amount * 0.0921, to);
  }

  static String shippingQuote(
      double weightKg, String fromCountry, String toCountry, boolean express) {
    return fromCountry
        + "->"
        + toCountry
        + ", "
        + weightKg
        + " kg: "
        + (express ? "1 day, 39 EUR" : "4 days, 12 EUR");
  }

  static String checkInventory(String sku, String warehouse) {
    return sku + " in " + warehouse + ": 17 in stock, next delivery 2026-08-25";
  }

  static String createTicket(String subject, String body, int priority) {
    return "ticket T-"
        + (9000 + priority)
        + " created: "
        + subject
        + " ("
        + body.length()
        + " chars)";
  }

  static String lookupCustomer(String email, boolean includeHistory) {
    return includeHistory
        ? email + ": Ada Lovelace, gold tier, customer since 2019, 12 orders, 1 complaint"
        : email + ": Ada Lovelace, gold tier";
  }

  static String scheduleCallback(String phone, String date, int durationMinutes) {
    return "callback to " + phone + " booked for " + date + " (" + durationMinutes + " min)";
  }

  static String translate(String text, String targetLanguage) {
    return "[" + targetLanguage + "] " + text;
  }
}
