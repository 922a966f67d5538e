package dev.taskforce.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A queue of scripted replies, and the rule that answers once the queue is empty: the script of
 * {@link FakeOpenRouter} (requests and replies on the wire) and of {@link ScriptedModel} (chat
 * requests and answers).
 *
 * @param <R> what asks: a request
 * @param <A> what answers it
 */
final class Script<R, A> {

  private final String owner;
  private final String replies;
  private final Deque<A> queue = new ArrayDeque<>();
  private final @Nullable Function<R, A> rule;
  private final List<String> unanswered = new ArrayList<>();

  /**
   * @param owner names the scripted thing in failure messages, for example {@code FakeOpenRouter}
   * @param replies what the queued items are called in failure messages, for example {@code
   *     scripted replies}
   */
  Script(String owner, String replies, @Nullable Function<R, A> rule) {
    this.owner = owner;
    this.replies = replies;
    this.rule = rule;
  }

  synchronized void add(List<? extends A> items) {
    queue.addAll(items);
  }

  synchronized List<A> pending() {
    return List.copyOf(queue);
  }

  /**
   * The reply for a request: the next queued one, else the rule's.
   *
   * @param description how the request is named when it finds no reply
   * @return the reply, or {@code null} when the queue is empty and there is no rule
   * @throws RuntimeException whatever the rule throws
   */
  @Nullable A next(R request, int number, String description) {
    synchronized (this) {
      A r = queue.poll();
      if (r != null) {
        return r;
      }
      if (rule == null) {
        unanswered.add("request #" + number + " (" + description + ")");
        return null;
      }
    }
    A r = rule.apply(request); // Outside the lock: a rule may be slow or block on a latch.
    if (r == null) {
      throw new IllegalStateException("the rule returned null for request #" + number);
    }
    return r;
  }

  /** Fails when replies are left or some request found the script empty. */
  synchronized void assertUsed() {
    if (queue.isEmpty() && unanswered.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(owner).append(" script was not followed:");
    if (!queue.isEmpty()) {
      sb.append("\n  ").append(queue.size()).append(' ').append(replies);
      sb.append(" were never served:");
      for (A r : queue) {
        sb.append("\n    ").append(r);
      }
    }
    if (!unanswered.isEmpty()) {
      sb.append("\n  ")
          .append(unanswered.size())
          .append(" chat requests came after the script ran out:");
      for (String u : unanswered) {
        sb.append("\n    ").append(u);
      }
    }
    throw new AssertionError(sb.toString());
  }
}
