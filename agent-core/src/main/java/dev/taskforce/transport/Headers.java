package dev.taskforce.transport;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Immutable HTTP headers: names compared without regard to case, each with one or more values.
 *
 * <p>{@link #toString()} hides the values of credential headers, so headers can be logged safely:
 * every header whose name contains {@code auth}, {@code key}, {@code secret}, {@code cookie} or
 * {@code password}, or ends with {@code token}, in any case ({@code Authorization}, {@code
 * X-Api-Key}, {@code Cookie}, gateway headers such as {@code cf-aig-authorization}). Thread-safe.
 */
public final class Headers {

  /** No headers. */
  public static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private static final List<String> SECRET_WORDS =
      List.of("auth", "key", "secret", "cookie", "password");

  private final TreeMap<String, List<String>> map;

  private Headers(TreeMap<String, List<String>> map) {
    this.map = map;
  }

  /**
   * Headers from alternating names and values, for example {@code of("Accept",
   * "application/json")}. A repeated name adds a value.
   *
   * @param namesAndValues name, value, name, value, ...
   * @return the headers
   * @throws IllegalArgumentException if the count is odd
   */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("namesAndValues must alternate names and values");
    }
    TreeMap<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = requireNonNull(namesAndValues[i], "header name == null");
      String value = requireNonNull(namesAndValues[i + 1], "value of header " + name + " == null");
      m.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    return new Headers(freeze(m));
  }

  /**
   * Headers from a map, as HTTP clients report them. Entries with a {@code null} name (the status
   * line, in {@code HttpURLConnection}) are skipped.
   *
   * @param map names to values
   * @return the headers
   */
  public static Headers of(Map<String, List<String>> map) {
    requireNonNull(map, "map == null");
    TreeMap<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            m.computeIfAbsent(name, k -> new ArrayList<>(values.size())).addAll(values);
          }
        });
    return new Headers(freeze(m));
  }

  /**
   * Headers from a map built by a parser in this package, which hands it over: the map is kept, its
   * value lists frozen.
   */
  static Headers parsed(TreeMap<String, List<String>> caseInsensitive) {
    return new Headers(freeze(caseInsensitive));
  }

  private static TreeMap<String, List<String>> freeze(TreeMap<String, List<String>> m) {
    m.replaceAll((k, v) -> List.copyOf(v));
    return m;
  }

  /**
   * A copy with one more value for a header.
   *
   * @param name the header name
   * @param value the value to add
   * @return the new headers; this one is unchanged
   */
  public Headers with(String name, String value) {
    requireNonNull(name, "name == null");
    requireNonNull(value, "value == null");
    TreeMap<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.forEach((k, v) -> m.put(k, new ArrayList<>(v)));
    m.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    return new Headers(freeze(m));
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header is absent
   */
  public Optional<String> value(String name) {
    List<String> values = map.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Every value of a header.
   *
   * @param name the header name, in any case
   * @return the values, in order; empty when the header is absent
   */
  public List<String> values(String name) {
    List<String> values = map.get(name);
    return values == null ? List.of() : values;
  }

  /**
   * All headers.
   *
   * @return an unmodifiable map from name (as first given) to values, ordered by name ignoring case
   */
  public Map<String, List<String>> map() {
    return Collections.unmodifiableMap(map);
  }

  /**
   * The {@code Retry-After} header as a delay, when it is a number of seconds (fractions allowed).
   * An HTTP date is not interpreted.
   *
   * @return the delay, or empty when the header is absent, negative or not a number
   */
  public Optional<Duration> retryAfter() {
    return value("Retry-After").map(Headers::seconds);
  }

  /**
   * Reads a number of seconds such as {@code "17"} or {@code "0.5"}.
   *
   * @param text the text
   * @return the duration, or {@code null} when the text is not a non-negative number
   */
  static @Nullable Duration seconds(String text) {
    try {
      BigDecimal s = new BigDecimal(text.trim());
      if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
        return null;
      }
      return Duration.ofMillis(s.movePointRight(3).longValue());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Headers other && map.equals(other.map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  private static boolean isSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith("token")) {
      return true;
    }
    for (String word : SECRET_WORDS) {
      if (n.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Lists the headers with the values of credential headers replaced by {@code <redacted>}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    map.forEach(
        (name, values) -> {
          if (sb.length() > 1) {
            sb.append(", ");
          }
          sb.append(name).append('=');
          sb.append(isSecret(name) ? "<redacted>" : values);
        });
    return sb.append('}').toString();
  }
}
