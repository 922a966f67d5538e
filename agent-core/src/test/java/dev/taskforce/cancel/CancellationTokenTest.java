package dev.taskforce.cancel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTokenTest {

  @Test
  void runsCallbacksOnceWhenCancelledAndAtOnceWhenAlreadyCancelled() {
    CancellationToken t = new CancellationToken();
    AtomicInteger runs = new AtomicInteger();
    t.onCancel(runs::incrementAndGet);
    t.cancel();
    t.cancel();
    assertThat(runs).hasValue(1);
    t.onCancel(runs::incrementAndGet);
    assertThat(runs).hasValue(2);
    assertThatThrownBy(t::throwIfCancelled).isInstanceOf(CancelledException.class);
  }

  @Test
  void aRemovedCallbackDoesNotRunAndAThrowingOneDoesNotStopTheOthers() {
    CancellationToken t = new CancellationToken();
    AtomicInteger runs = new AtomicInteger();
    t.onCancel(runs::incrementAndGet).remove();
    t.onCancel(
        () -> {
          throw new IllegalStateException("boom");
        });
    t.onCancel(runs::incrementAndGet);
    t.cancel();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aChildIsCancelledWithItsParentButNotTheOtherWayRound() {
    CancellationToken parent = new CancellationToken();
    CancellationToken child = parent.child();
    CancellationToken other = parent.child();
    child.cancel();
    assertThat(parent.isCancelled()).isFalse();
    parent.cancel();
    assertThat(other.isCancelled()).isTrue();
  }

  @Test
  void noneIsNeverCancelled() {
    CancellationToken.NONE.cancel();
    assertThat(CancellationToken.NONE.isCancelled()).isFalse();
    assertThat(CancellationToken.NONE.child().isCancelled()).isFalse();
  }
}
