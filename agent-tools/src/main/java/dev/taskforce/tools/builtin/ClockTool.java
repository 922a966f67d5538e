package dev.taskforce.tools.builtin;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A tool that tells the model the current date and time in a time zone.
 *
 * <pre>{@code
 * Tools.from(ClockTool.create());                                        // UTC unless asked
 * Tools.from(ClockTool.builder().defaultZone(ZoneId.of("Europe/Berlin")).build());
 * }</pre>
 *
 * <p>Safety: the tool only reads the clock. A zone the model names must be an IANA zone id (such as
 * {@code Europe/Berlin}) or an offset (such as {@code +02:00}); anything else is an error that
 * shows a valid example. Immutable and thread-safe.
 */
public final class ClockTool {

  /** Longest zone text the tool reads; no IANA id is nearly this long. */
  static final int MAX_ZONE_LENGTH = 64;

  private final Clock clock;
  private final ZoneId defaultZone;

  private ClockTool(Builder b) {
    this.clock = b.clock;
    this.defaultZone = b.defaultZone;
  }

  /**
   * A clock tool on the system clock, answering in UTC when the model names no zone.
   *
   * @return the tool
   */
  public static ClockTool create() {
    return builder().build();
  }

  /**
   * Starts a clock tool.
   *
   * @return a builder with the system clock and UTC as the default zone
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The current date and time.
   *
   * @param zone an IANA zone id such as {@code America/New_York}, or an offset such as {@code
   *     +05:30}; {@code null} or blank for the default zone
   * @return the time in that zone, to the second
   * @throws TaskforceException if the zone is not a known zone id or offset
   */
  @Tool(
      name = "current_time",
      value =
          "Returns the current date and time (ISO 8601, to the second) and the day of the week in"
              + " a time zone.")
  public Now currentTime(
      @Param(
              value =
                  "IANA time zone id such as Europe/Berlin or America/New_York, or an offset such as"
                      + " +05:30; the default zone when omitted",
              optional = true)
          @Nullable String zone) {
    ZoneId zoneId = zone == null || zone.isBlank() ? defaultZone : parseZone(zone.strip());
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zoneId)).truncatedTo(ChronoUnit.SECONDS);
    return new Now(
        zoneId.getId(),
        now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
        now.getOffset().getId(),
        now.toEpochSecond());
  }

  private static ZoneId parseZone(String zone) {
    if (zone.length() <= MAX_ZONE_LENGTH) {
      try {
        return ZoneId.of(zone);
      } catch (DateTimeException e) {
        // Reported below, without the JDK's message.
      }
    }
    String shown = zone.length() <= MAX_ZONE_LENGTH ? zone : zone.substring(0, MAX_ZONE_LENGTH);
    throw new TaskforceException(
        "unknown time zone \""
            + shown
            + (shown.length() < zone.length() ? "...\"" : "\"")
            + "; use an IANA zone id such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\","
            + " or an offset such as \"+05:30\"");
  }

  @Override
  public String toString() {
    return "ClockTool{defaultZone=" + defaultZone + "}";
  }

  /**
   * The current time as the model reads it.
   *
   * @param zone the zone id the time is in, e.g. {@code Europe/Berlin}
   * @param dateTime the date and time with its offset, ISO 8601, e.g. {@code
   *     2026-08-14T10:15:30+02:00}
   * @param dayOfWeek the day of the week in English, e.g. {@code Friday}
   * @param utcOffset the offset from UTC, e.g. {@code +02:00} ({@code Z} for UTC)
   * @param epochSecond seconds since 1970-01-01T00:00:00Z
   */
  public record Now(
      String zone, String dateTime, String dayOfWeek, String utcOffset, long epochSecond) {

    /** Checks every part is present. */
    public Now {
      requireNonNull(zone, "zone == null");
      requireNonNull(dateTime, "dateTime == null");
      requireNonNull(dayOfWeek, "dayOfWeek == null");
      requireNonNull(utcOffset, "utcOffset == null");
    }
  }

  /** Builds a {@link ClockTool}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private ZoneId defaultZone = ZoneId.of("UTC");

    private Builder() {}

    /**
     * Sets the clock to read; tests pass a {@link Clock#fixed fixed} clock. Its zone is ignored.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the zone used when the model names none.
     *
     * @param defaultZone the zone; UTC unless set
     * @return this builder
     */
    public Builder defaultZone(ZoneId defaultZone) {
      this.defaultZone = requireNonNull(defaultZone, "defaultZone == null");
      return this;
    }

    /**
     * Builds the tool.
     *
     * @return the tool
     */
    public ClockTool build() {
      return new ClockTool(this);
    }
  }
}
