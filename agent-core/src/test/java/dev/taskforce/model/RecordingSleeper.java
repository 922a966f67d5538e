package dev.taskforce.model;

import dev.taskforce.cancel.CancellationToken;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records the delays instead of sleeping. For tests of any module. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration, CancellationToken cancellation) {
    cancellation.throwIfCancelled();
    sleeps.add(duration);
    cancellation.throwIfCancelled();
  }

  /**
   * The delays asked for, in order.
   *
   * @return a snapshot
   */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
