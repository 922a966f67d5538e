package dev.taskforce.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Schemas of value types that Jackson writes as strings or numbers, matching what the shared mapper
 * reads: java.time in ISO-8601 text, UUIDs, byte arrays as Base64.
 *
 * <p>Local date-times and times have no offset, so they get a pattern instead of the {@code
 * date-time}/{@code time} formats (which require one and would make models write offsets the reader
 * rejects).
 */
final class FixedTypes {

  private static final String LOCAL_TIME = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?";

  private static final Map<Class<?>, String> SCHEMAS =
      Map.ofEntries(
          Map.entry(Instant.class, "{\"type\":\"string\",\"format\":\"date-time\"}"),
          Map.entry(OffsetDateTime.class, "{\"type\":\"string\",\"format\":\"date-time\"}"),
          Map.entry(ZonedDateTime.class, "{\"type\":\"string\",\"format\":\"date-time\"}"),
          Map.entry(LocalDate.class, "{\"type\":\"string\",\"format\":\"date\"}"),
          Map.entry(OffsetTime.class, "{\"type\":\"string\",\"format\":\"time\"}"),
          Map.entry(Duration.class, "{\"type\":\"string\",\"format\":\"duration\"}"),
          Map.entry(
              LocalDateTime.class,
              "{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}T"
                  + LOCAL_TIME.replace("\\", "\\\\")
                  + "$\"}"),
          Map.entry(
              LocalTime.class,
              "{\"type\":\"string\",\"pattern\":\"^" + LOCAL_TIME.replace("\\", "\\\\") + "$\"}"),
          Map.entry(
              Period.class,
              "{\"type\":\"string\",\"pattern\":\"^-?P(\\\\d+Y)?(\\\\d+M)?(\\\\d+W)?(\\\\d+D)?$\"}"),
          Map.entry(Year.class, "{\"type\":\"integer\"}"),
          Map.entry(YearMonth.class, "{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}$\"}"),
          Map.entry(MonthDay.class, "{\"type\":\"string\",\"pattern\":\"^--\\\\d{2}-\\\\d{2}$\"}"),
          Map.entry(ZoneId.class, "{\"type\":\"string\"}"),
          Map.entry(
              ZoneOffset.class,
              "{\"type\":\"string\",\"pattern\":\"^(Z|[+-]\\\\d{2}:\\\\d{2})$\"}"),
          Map.entry(UUID.class, "{\"type\":\"string\",\"format\":\"uuid\"}"),
          Map.entry(byte[].class, "{\"type\":\"string\",\"contentEncoding\":\"base64\"}"));

  private FixedTypes() {}

  /** A new schema for a fixed type, or {@code null} when the type is not one. */
  static @Nullable ObjectNode schema(Class<?> type) {
    String json = SCHEMAS.get(type);
    if (json == null && ZoneId.class.isAssignableFrom(type) && type != ZoneOffset.class) {
      json = SCHEMAS.get(ZoneId.class); // ZoneRegion, the JDK's private subclass
    }
    if (json == null) {
      return null;
    }
    return (ObjectNode) Json.parse(json);
  }
}
