package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import dev.taskforce.message.Message;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.tool.ToolSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ScriptedModel} expects of a request, and what it says when a request is otherwise.
 *
 * <p>The factories for common checks say what they found instead ({@code the last message is user
 * "Weather in Bergen?"}); {@link #that(String, Predicate)} takes any predicate and says only that
 * it was not met.
 *
 * <pre>{@code
 * model.expectRequest(
 *     RequestExpectation.lastMessageContains("Oslo"),
 *     RequestExpectation.toolNames("get_weather"));
 * model.expectRequest(
 *     RequestExpectation.that("carries the tool result", r -> r.messages().size() == 4));
 * }</pre>
 *
 * <p>Immutable; thread-safe when its predicate is.
 */
public final class RequestExpectation {

  private final String description;
  private final Function<ChatRequest, @Nullable String> check;

  private RequestExpectation(String description, Function<ChatRequest, @Nullable String> check) {
    this.description = description;
    this.check = check;
  }

  /**
   * An expectation given by a predicate.
   *
   * @param description what a request must be, for example {@code "asks about Oslo"}; shown when a
   *     request is otherwise
   * @param predicate true for a request that meets it; it may be called more than once per request,
   *     from any thread, and should have no side effects
   * @return the expectation
   */
  public static RequestExpectation that(String description, Predicate<ChatRequest> predicate) {
    requireNonNull(description, "description == null");
    requireNonNull(predicate, "predicate == null");
    return new RequestExpectation(
        description, r -> predicate.test(r) ? null : "the predicate returned false");
  }

  /**
   * The request carries exactly this many messages.
   *
   * @param count the number of messages
   * @return the expectation
   */
  public static RequestExpectation messageCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("messageCount(): count must be positive, was " + count);
    }
    return new RequestExpectation(
        "has " + count + " messages",
        r -> r.messages().size() == count ? null : "it has " + r.messages().size());
  }

  /**
   * The last message's text (user text, tool result, assistant text) contains this text.
   *
   * @param text the text to find
   * @return the expectation
   */
  public static RequestExpectation lastMessageContains(String text) {
    requireNonNull(text, "text == null");
    return new RequestExpectation(
        "the last message contains " + Texts.quote(text),
        r -> {
          Message last = r.messages().get(r.messages().size() - 1);
          return Texts.textOf(last).contains(text) ? null : "it is " + Texts.describe(last);
        });
  }

  /**
   * Some system message contains this text.
   *
   * @param text the text to find
   * @return the expectation
   */
  public static RequestExpectation systemMessageContains(String text) {
    requireNonNull(text, "text == null");
    return new RequestExpectation(
        "a system message contains " + Texts.quote(text),
        r -> {
          List<String> found = new ArrayList<>();
          for (Message m : r.messages()) {
            if (m instanceof SystemMessage s) {
              if (s.text().contains(text)) {
                return null;
              }
              found.add(Texts.quote(s.text()));
            }
          }
          return found.isEmpty() ? "there is none" : "they are " + String.join(", ", found);
        });
  }

  /**
   * The request offers exactly these tools, in this order.
   *
   * @param names the tool names; none for a request without tools
   * @return the expectation
   */
  public static RequestExpectation toolNames(String... names) {
    List<String> expected = List.copyOf(Arrays.asList(requireNonNull(names, "names == null")));
    return new RequestExpectation(
        "offers the tools " + expected,
        r -> {
          List<String> actual = r.tools().stream().map(ToolSpec::name).toList();
          return actual.equals(expected) ? null : "it offers " + actual;
        });
  }

  /**
   * The request asks for this reasoning effort.
   *
   * @param effort the effort, or {@code null} for a request that sets none
   * @return the expectation
   */
  public static RequestExpectation reasoningEffort(@Nullable ReasoningEffort effort) {
    String shown =
        effort == null ? "no reasoning effort" : "reasoning effort " + effort.wireValue();
    return new RequestExpectation(
        "asks for " + shown,
        r -> {
          ReasoningConfig c = r.reasoning();
          ReasoningEffort actual = c == null ? null : c.effort();
          if (actual == effort) {
            return null;
          }
          return actual == null ? "it sets none" : "it asks for " + actual.wireValue();
        });
  }

  /**
   * The request limits the output to this many tokens.
   *
   * @param maxOutputTokens the limit, or {@code null} for a request that sets none
   * @return the expectation
   */
  public static RequestExpectation maxOutputTokens(@Nullable Integer maxOutputTokens) {
    return new RequestExpectation(
        maxOutputTokens == null ? "sets no output limit" : "limits output to " + maxOutputTokens,
        r -> {
          Integer actual = r.maxOutputTokens();
          if (java.util.Objects.equals(actual, maxOutputTokens)) {
            return null;
          }
          return actual == null ? "it sets none" : "it limits output to " + actual;
        });
  }

  /**
   * What a request must be.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Checks a request.
   *
   * @param request the request
   * @return empty when the request meets this expectation, else what was found instead; an
   *     exception thrown by the check is reported as what was found
   */
  public Optional<String> mismatch(ChatRequest request) {
    requireNonNull(request, "request == null");
    try {
      return Optional.ofNullable(check.apply(request));
    } catch (RuntimeException e) {
      return Optional.of("the check threw " + e);
    }
  }

  /** Shows the description. */
  @Override
  public String toString() {
    return description;
  }
}
