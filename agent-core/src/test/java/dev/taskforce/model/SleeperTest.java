package dev.taskforce.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SleeperTest {

  @Test
  void theSystemSleeperWakesUpWhenCancelled() {
    CancellationToken token = new CancellationToken();
    CompletableFuture<Void> sleeping =
        CompletableFuture.runAsync(() -> Sleeper.SYSTEM.sleep(Duration.ofHours(1), token));
    token.cancel();
    assertThatThrownBy(() -> sleeping.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(CancelledException.class);
  }

  @Test
  void theSystemSleeperRefusesToStartWhenAlreadyCancelled() {
    CancellationToken token = new CancellationToken();
    token.cancel();
    assertThatThrownBy(() -> Sleeper.SYSTEM.sleep(Duration.ofHours(1), token))
        .isInstanceOf(CancelledException.class);
  }
}
