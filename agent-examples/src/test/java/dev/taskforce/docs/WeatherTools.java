package dev.taskforce.docs;

import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;

/** The tool of docs/testing.md's examples. */
public final class WeatherTools {
  @Tool(name = "get_weather", value = "The current weather in a city")
  public String weather(@Param("City name") String city) {
    return "3 °C";
  }
}
