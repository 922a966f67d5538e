package dev.taskforce.bench.perturn;

/** A temperature unit, so that one of the tools has an enum parameter. */
public enum TemperatureUnit {
  CELSIUS,
  FAHRENHEIT
}
