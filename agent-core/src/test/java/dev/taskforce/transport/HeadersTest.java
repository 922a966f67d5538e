package dev.taskforce.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void looksUpNamesIgnoringCase() {
    Headers h = Headers.of("X-Generation-Id", "gen-1");
    assertThat(h.value("x-generation-id")).contains("gen-1");
    assertThat(h.values("X-GENERATION-ID")).containsExactly("gen-1");
    assertThat(h.value("missing")).isEmpty();
  }

  @Test
  void repeatedNamesAddValuesAndWithReturnsACopy() {
    Headers h = Headers.of("A", "1", "a", "2");
    Headers more = h.with("A", "3");
    assertThat(h.values("a")).containsExactly("1", "2");
    assertThat(more.values("a")).containsExactly("1", "2", "3");
  }

  @Test
  void skipsTheNullStatusLineKeyOfHttpUrlConnection() {
    Map<String, List<String>> raw = new HashMap<>();
    raw.put(null, List.of("HTTP/1.1 200 OK"));
    raw.put("Content-Type", List.of("application/json"));
    assertThat(Headers.of(raw).map()).containsOnlyKeys("Content-Type");
  }

  @Test
  void toStringHidesCredentials() {
    Headers h =
        Headers.of("Authorization", "Bearer sk-or-v1-secret", "X-Api-Key", "k2", "Accept", "x");
    assertThat(h.toString())
        .doesNotContain("sk-or-v1-secret")
        .doesNotContain("k2")
        .contains("Accept=[x]");
    TransportRequest r =
        new TransportRequest("POST", java.net.URI.create("https://x.test/a"), h, new byte[3]);
    assertThat(r.toString()).doesNotContain("secret").contains("3 bytes");
  }

  @Test
  void toStringHidesGatewayCredentialsButNotRateLimitCounts() {
    Headers h =
        Headers.of(
            "cf-aig-authorization", "Bearer cf-secret-1",
            "Helicone-Auth", "Bearer h-secret-2",
            "X-Session-Token", "t-secret-3",
            "x-ratelimit-remaining-tokens", "9000");
    assertThat(h.toString())
        .doesNotContain("cf-secret-1")
        .doesNotContain("h-secret-2")
        .doesNotContain("t-secret-3")
        .contains("x-ratelimit-remaining-tokens=[9000]");
  }

  @Test
  void readsRetryAfterSeconds() {
    assertThat(Headers.of("Retry-After", "17").retryAfter()).contains(Duration.ofSeconds(17));
    assertThat(Headers.of("Retry-After", "0.5").retryAfter()).contains(Duration.ofMillis(500));
    assertThat(Headers.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT").retryAfter()).isEmpty();
    assertThat(Headers.of("Retry-After", "-1").retryAfter()).isEmpty();
    assertThat(Headers.EMPTY.retryAfter()).isEmpty();
  }

  @Test
  void rejectsAnOddNumberOfNamesAndValues() {
    assertThatThrownBy(() -> Headers.of("A")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestsCheckMethodAndUri() {
    assertThatThrownBy(
            () ->
                new TransportRequest(
                    "post", java.net.URI.create("https://x.test"), Headers.EMPTY, null))
        .hasMessageContaining("upper case");
    assertThatThrownBy(
            () -> TransportRequest.get(java.net.URI.create("ftp://x.test"), Headers.EMPTY))
        .hasMessageContaining("http(s)");
    assertThat(Arrays.asList(TransportConfig.DEFAULT.readTimeout()))
        .containsExactly(Duration.ofMinutes(10));
  }
}
