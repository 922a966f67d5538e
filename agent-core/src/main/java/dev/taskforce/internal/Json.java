package dev.taskforce.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one shared, configured Jackson mapper, and small helpers around it. */
public final class Json {

  /**
   * The shared mapper: thread-safe once configured, never reconfigured after class loading. Big
   * decimals are kept exact, java.time and Optional are supported, and unknown properties are
   * errors (callers that want leniency configure a reader).
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // Trees keep numbers as written (2.50 stays 2.50): reasoning items are sent back
          // verbatim.
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private Json() {}

  /**
   * Parses a JSON text into a tree.
   *
   * @param json the text
   * @return the tree
   * @throws IllegalArgumentException if the text is not JSON
   */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a value or tree as compact JSON.
   *
   * @param value a tree or any value Jackson can write
   * @return the JSON text
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
