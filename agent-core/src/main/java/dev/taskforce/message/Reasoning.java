package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reasoning attached to one assistant message: the provider's {@code reasoning_details} items,
 * verbatim, and its plain {@code reasoning} text.
 *
 * @param text the plain reasoning text or summary, or {@code null} when the provider sent none
 * @param details the provider's reasoning items in the order it sent them; send them back unchanged
 */
public record Reasoning(@Nullable String text, List<ReasoningDetail> details) {

  /** No reasoning. */
  public static final Reasoning NONE = new Reasoning(null, List.of());

  /** Copies the details. */
  public Reasoning {
    details = List.copyOf(requireNonNull(details, "details == null"));
  }

  /**
   * Whether there is neither text nor any item.
   *
   * @return {@code true} when there is nothing to send back
   */
  public boolean isEmpty() {
    return (text == null || text.isEmpty()) && details.isEmpty();
  }
}
