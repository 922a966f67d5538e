package dev.taskforce.examples.extraction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice extracted from a document, valid by construction.
 *
 * @param vendor who issued it
 * @param number the invoice number
 * @param date the invoice date
 * @param currency ISO 4217 code
 * @param lines the invoice lines
 * @param total the total, as printed
 */
public record Invoice(
    @NotBlank String vendor,
    @Pattern(regexp = "[A-Z0-9-]{3,20}") String number,
    LocalDate date,
    @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotEmpty List<@Valid Line> lines,
    @DecimalMin("0.00") BigDecimal total) {

  /**
   * One line.
   *
   * @param description what was sold
   * @param quantity how many
   * @param unitPrice the price of one
   */
  public record Line(
      @NotBlank String description,
      @Positive int quantity,
      @DecimalMin("0.00") BigDecimal unitPrice) {}
}
