package dev.taskforce.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoffDoublesFromTheInitialDelayUpToTheCap() {
    RetryPolicy p = RetryPolicy.builder().random(() -> 0.0).build();
    assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoff(40)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoff(100)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void jitterTakesOffUpToAQuarter() {
    RetryPolicy p = RetryPolicy.builder().random(() -> 1.0).build();
    assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(375));
    assertThat(RetryPolicy.builder().random(() -> 0.5).build().backoff(5))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsHonouredExactlyUpToItsLimit() {
    RetryPolicy p = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(30)).build();
    assertThat(p.delayAfter(1, withRetryAfter(Duration.ofSeconds(17))))
        .contains(Duration.ofSeconds(17));
    assertThat(p.delayAfter(1, withRetryAfter(Duration.ofSeconds(31)))).isEmpty();
  }

  @Test
  void givesUpAfterTheLastAttemptOrOnANonRetryableError() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    ModelException rateLimited = withRetryAfter(Duration.ZERO);
    assertThat(p.delayAfter(2, rateLimited)).isPresent();
    assertThat(p.delayAfter(3, rateLimited)).isEmpty();
    ModelError bad =
        new ModelError(400, null, null, "bad", null, null, null, ErrorOrigin.HTTP_STATUS, null);
    assertThat(p.delayAfter(1, ModelException.of(bad, null))).isEmpty();
    assertThat(RetryPolicy.NONE.delayAfter(1, rateLimited)).isEmpty();
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(9)).build())
        .hasMessageContaining("initialBackoff");
  }

  static ModelException withRetryAfter(Duration d) {
    return ModelException.of(
        new ModelError(429, "429", null, "slow down", null, null, d, ErrorOrigin.HTTP_STATUS, null),
        null);
  }
}
