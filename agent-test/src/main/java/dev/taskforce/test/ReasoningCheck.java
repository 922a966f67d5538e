package dev.taskforce.test;

/**
 * How strictly {@link FakeOpenRouter} checks that clients send reasoning back.
 *
 * <p>The server remembers the {@code reasoning_details} it issued with every assistant turn. When a
 * later request carries that assistant message again, the items must be JSON-equal to what was
 * issued: the same items in the same order, every field (unknown ones included) with the same
 * value; only the order of fields inside an item may differ. Items that were altered, reordered,
 * moved to another message, or sent to another model are always rejected, as the real providers do.
 * The modes differ only in what happens when a client leaves the items out.
 */
public enum ReasoningCheck {
  /**
   * Leaving out issued reasoning is an error, as with Gemini models. The default: it catches
   * clients that lose reasoning in tool loops.
   */
  STRICT,
  /**
   * Leaving out issued reasoning, all of it or some items, is allowed (and counted in {@link
   * ReasoningRoundTrips#dropped()}), as with OpenAI and Anthropic models; altering or reordering
   * what is sent is still an error.
   */
  LENIENT,
  /** No reasoning check at all. */
  OFF
}
