package dev.taskforce.tools.builtin;

/** Range checks for the numeric settings of the built-in tools' builders. */
final class Limits {

  private Limits() {}

  /**
   * Returns the value when it is within {@code [min, max]}.
   *
   * @throws IllegalArgumentException naming the setting otherwise
   */
  static int inRange(String name, int value, int min, int max) {
    return (int) inRange(name, (long) value, min, max);
  }

  /**
   * Returns the value when it is within {@code [min, max]}.
   *
   * @throws IllegalArgumentException naming the setting otherwise
   */
  static long inRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }
}
