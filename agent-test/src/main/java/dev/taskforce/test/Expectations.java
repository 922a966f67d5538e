package dev.taskforce.test;

import dev.taskforce.model.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The expectations of a {@link ScriptedModel}: some for one request each, in order, and some for
 * every request. Thread-safe.
 */
final class Expectations {

  private final List<List<RequestExpectation>> ordinal = new ArrayList<>();
  private final List<RequestExpectation> every = new ArrayList<>();

  synchronized void expectNext(List<RequestExpectation> expectations) {
    ordinal.add(List.copyOf(expectations));
  }

  synchronized void expectEvery(List<RequestExpectation> expectations) {
    every.addAll(expectations);
  }

  /**
   * What request {@code number} (from 1) failed to meet, one line per expectation.
   *
   * @return the lines; empty when it met them all
   */
  List<String> check(ChatRequest request, int number) {
    List<RequestExpectation> all = new ArrayList<>();
    synchronized (this) {
      all.addAll(every);
      if (number <= ordinal.size()) {
        all.addAll(ordinal.get(number - 1));
      }
    }
    List<String> lines = new ArrayList<>();
    for (RequestExpectation e : all) {
      e.mismatch(request).ifPresent(found -> lines.add("expected " + e + ", but " + found));
    }
    return lines;
  }

  /** Why request {@code number} fails, or {@code null} when it does not. */
  @Nullable String failure(String owner, ChatRequest request, int number) {
    List<String> lines = check(request, number);
    if (lines.isEmpty()) {
      return null;
    }
    return owner + " request #" + number + " did not meet its expectations:" + indent(lines);
  }

  /** Checks every request made so far, and that each ordinal expectation met its request. */
  void assertMet(String owner, List<ChatRequest> requests) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < requests.size(); i++) {
      List<String> lines = check(requests.get(i), i + 1);
      if (!lines.isEmpty()) {
        sb.append("\n  request #").append(i + 1).append(':').append(indent(lines));
      }
    }
    synchronized (this) {
      for (int n = requests.size() + 1; n <= ordinal.size(); n++) {
        sb.append("\n  request #")
            .append(n)
            .append(" was expected (")
            .append(describe(ordinal.get(n - 1)))
            .append(") but only ")
            .append(requests.size())
            .append(" came");
      }
    }
    if (sb.length() > 0) {
      throw new AssertionError(owner + " requests did not meet expectations:" + sb);
    }
  }

  private static String describe(List<RequestExpectation> expectations) {
    List<String> parts = new ArrayList<>();
    expectations.forEach(e -> parts.add(e.description()));
    return parts.isEmpty() ? "anything" : String.join("; ", parts);
  }

  private static String indent(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    lines.forEach(l -> sb.append("\n    - ").append(l));
    return sb.toString();
  }
}
