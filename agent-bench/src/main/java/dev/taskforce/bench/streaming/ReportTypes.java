package dev.taskforce.bench.streaming;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Realistic answer types for the schema benchmark: a report with nested records, an enum, a list, a
 * map, an optional, java.time values and Jakarta constraints. {@link Report} and {@link Triage}
 * share no types, so the second's first generation is not helped by the first's.
 */
final class ReportTypes {

  private ReportTypes() {}

  enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }

  record Finding(
      @NotBlank @Size(max = 200) String summary,
      Severity severity,
      @Min(0) int ordersAffected,
      List<String> evidence) {}

  record Period(LocalDate from, LocalDate to) {}

  record Report(
      @NotBlank String title,
      Period period,
      List<Finding> findings,
      Map<String, Integer> refundsByRegion,
      Optional<String> recommendation,
      @Min(0) @Max(1) double confidence,
      Instant generatedAt) {}

  enum Queue {
    BILLING,
    SHIPPING,
    ACCOUNT
  }

  record Customer(@NotBlank String id, Optional<String> email) {}

  record Triage(
      Queue queue,
      @Min(1) @Max(5) int priority,
      Customer customer,
      @Size(max = 10) List<String> tags,
      String reply) {}
}
