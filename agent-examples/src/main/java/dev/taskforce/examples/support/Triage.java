package dev.taskforce.examples.support;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The support agent's typed answer.
 *
 * @param category what the ticket is about
 * @param priority 1 (urgent) to 4 (low)
 * @param orderIds the orders the ticket concerns
 * @param summary what happened, for the next human
 * @param nextAction what to do now
 * @param customerReply a short reply to send the customer
 */
public record Triage(
    Category category,
    @Min(1) @Max(4) @JsonPropertyDescription("1 = urgent, 4 = low") int priority,
    List<@jakarta.validation.constraints.Pattern(regexp = "A-\\d+") String> orderIds,
    @NotBlank @Size(max = 400) String summary,
    @NotBlank String nextAction,
    @NotBlank @Size(max = 600) String customerReply) {

  /** Ticket categories. */
  public enum Category {
    /** Shipping and delivery. */
    DELIVERY,
    /** Refunds and billing. */
    BILLING,
    /** Broken or wrong items. */
    PRODUCT,
    /** Anything else. */
    OTHER
  }
}
