package dev.taskforce.examples.analysis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * The analysis team's typed answer.
 *
 * @param headline the answer in one sentence
 * @param findings what the data shows, most important first
 * @param recommendations what to do about it
 */
public record Report(
    @NotBlank String headline,
    @NotEmpty List<@Valid Finding> findings,
    @NotEmpty List<@NotBlank String> recommendations) {

  /**
   * One finding.
   *
   * @param cause what drives it
   * @param evidence the figures that show it
   * @param extraRefunds refunds above the usual level it explains
   */
  public record Finding(
      @NotBlank String cause, @NotBlank String evidence, @PositiveOrZero int extraRefunds) {}
}
