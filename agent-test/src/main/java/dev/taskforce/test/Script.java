package dev.taskforce.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The queue of scripted replies, and the rule that answers once the queue is empty. */
final class Script {

  private final Deque<Reply> queue = new ArrayDeque<>();
  private final @Nullable Function<RecordedRequest, Reply> rule;
  private final List<String> unanswered = new ArrayList<>();

  Script(@Nullable Function<RecordedRequest, Reply> rule) {
    this.rule = rule;
  }

  synchronized void add(List<Reply> replies) {
    queue.addAll(replies);
  }

  synchronized List<Reply> pending() {
    return List.copyOf(queue);
  }

  /**
   * The reply for a request: the next queued one, else the rule's.
   *
   * @return the reply, or {@code null} when the queue is empty and there is no rule
   * @throws RuntimeException whatever the rule throws
   */
  @Nullable Reply next(RecordedRequest request, int number) {
    synchronized (this) {
      Reply r = queue.poll();
      if (r != null) {
        return r;
      }
      if (rule == null) {
        unanswered.add("request #" + number + " (" + request + ")");
        return null;
      }
    }
    Reply r = rule.apply(request); // Outside the lock: a rule may be slow or block on a latch.
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
    StringBuilder sb = new StringBuilder("FakeOpenRouter script was not followed:");
    if (!queue.isEmpty()) {
      sb.append("\n  ").append(queue.size()).append(" scripted replies were never served:");
      for (Reply r : queue) {
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
