package dev.taskforce.tools;

import dev.taskforce.tool.ToolContext;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Tools for the binding tests; counts every call so tests can prove a method did not run. */
public final class Shop {

  final AtomicInteger calls = new AtomicInteger();
  final AtomicReference<Object> seen = new AtomicReference<>();
  final CountDownLatch release = new CountDownLatch(1);

  public record Line(@NotBlank String sku, @Min(1) int quantity) {}

  public record Receipt(String id, int items) {}

  public record Tenant(String id) {}

  @Tool("Places an order for a customer")
  public Receipt order(
      @Param("Customer id, e.g. C-17") @Pattern(regexp = "C-\\d+") String customer,
      @Param("The order lines") @Size(min = 1) List<Line> lines,
      @Param(value = "Note for the courier", optional = true) @Nullable String note,
      @Param("Latest delivery day") Optional<LocalDate> by,
      Tenant tenant,
      ToolContext context) {
    calls.incrementAndGet();
    seen.set(List.of(tenant, context.toolCallId().orElse("?"), String.valueOf(note), by));
    return new Receipt(tenant.id() + "-" + customer, lines.size());
  }

  @Tool(name = "ping", value = "Checks the shop is open")
  public void ping() {
    calls.incrementAndGet();
  }

  @Tool("Repeats a text")
  public String echo(@Param("The text") String text) {
    calls.incrementAndGet();
    return text;
  }

  @Tool("Totals the stock per warehouse")
  public int stock(@Param("Units per warehouse") Map<String, Integer> units) {
    calls.incrementAndGet();
    return units.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Tool("Always fails")
  public String broken(@Param("Why it fails") String why) {
    calls.incrementAndGet();
    throw new IllegalStateException(why);
  }

  @Tool(value = "Waits until released", timeoutMillis = 5)
  public String slow() throws InterruptedException {
    calls.incrementAndGet();
    release.await();
    return "released";
  }

  @Tool("Checks a tenant is set, if there is one")
  public String whoami(@Nullable Tenant tenant) {
    return tenant == null ? "nobody" : tenant.id();
  }
}
