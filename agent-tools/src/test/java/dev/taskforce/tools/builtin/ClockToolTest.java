package dev.taskforce.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.TaskforceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockToolTest {

  private static final Instant NOW = Instant.parse("2026-08-14T08:15:30.123456Z");
  private final Clock fixed = Clock.fixed(NOW, ZoneOffset.ofHours(9));
  private final ClockTool clock = ClockTool.builder().clock(fixed).build();

  @Test
  void answersInUtcWhenNoZoneIsGiven() {
    assertThat(clock.currentTime(null))
        .isEqualTo(
            new ClockTool.Now("UTC", "2026-08-14T08:15:30Z", "Friday", "Z", NOW.getEpochSecond()));
    assertThat(clock.currentTime("  ").zone()).isEqualTo("UTC");
  }

  @Test
  void answersInTheRequestedIanaZone() {
    ClockTool.Now now = clock.currentTime("Europe/Berlin");
    assertThat(now.zone()).isEqualTo("Europe/Berlin");
    assertThat(now.dateTime()).isEqualTo("2026-08-14T10:15:30+02:00");
    assertThat(now.utcOffset()).isEqualTo("+02:00");
    assertThat(now.epochSecond()).isEqualTo(NOW.getEpochSecond());
  }

  @Test
  void crossesTheDateLineWithTheZone() {
    ClockTool.Now now = clock.currentTime("Pacific/Kiritimati");
    assertThat(now.dateTime()).isEqualTo("2026-08-14T22:15:30+14:00");
    assertThat(clock.currentTime("Pacific/Pago_Pago").dayOfWeek()).isEqualTo("Thursday");
  }

  @Test
  void acceptsAnOffsetAsTheZone() {
    assertThat(clock.currentTime("+05:30").dateTime()).isEqualTo("2026-08-14T13:45:30+05:30");
  }

  @Test
  void usesTheConfiguredDefaultZone() {
    ClockTool tokyo = ClockTool.builder().clock(fixed).defaultZone(ZoneId.of("Asia/Tokyo")).build();
    assertThat(tokyo.currentTime(null).dateTime()).isEqualTo("2026-08-14T17:15:30+09:00");
  }

  @Test
  void refusesAnUnknownZoneShowingAValidExample() {
    assertThatThrownBy(() -> clock.currentTime("Mars/Olympus"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage(
            "unknown time zone \"Mars/Olympus\"; use an IANA zone id such as \"Europe/Berlin\","
                + " \"America/New_York\" or \"UTC\", or an offset such as \"+05:30\"")
        .hasNoCause();
  }

  @Test
  void shortensAnOverlongZoneInTheError() {
    String zone = "X".repeat(5_000);
    assertThatThrownBy(() -> clock.currentTime(zone))
        .hasMessageStartingWith("unknown time zone \"" + "X".repeat(64) + "...\";");
  }
}
