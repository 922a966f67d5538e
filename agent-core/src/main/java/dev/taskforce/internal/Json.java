package dev.taskforce.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
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

  /** Buffer sets kept for reuse when threads are virtual; beyond, a parse makes its own. */
  private static final int SHARED_BUFFERS =
      Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

  /**
   * The shared mapper: thread-safe once configured, never reconfigured after class loading. Big
   * decimals are kept exact (trailing zeros included), java.time and Optional are supported, and
   * unknown properties are errors (callers that want leniency configure a reader).
   *
   * <p>Its parse and write buffers are recycled per thread on Java 17, where Taskforce runs on
   * pooled platform threads, and through a bounded pool shared by all threads when Taskforce uses
   * virtual threads: a thread-local buffer would be made anew for every short-lived virtual thread
   * (16 KB for each tool call's arguments, for example).
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .recyclerPool(
                      Concurrency.usesVirtualThreads()
                          ? JsonRecyclerPools.newBoundedPool(SHARED_BUFFERS)
                          : JsonRecyclerPools.threadLocalPool())
                  .build())
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // Keep numbers exactly as written (2.50 stays 2.50): provider items are resent verbatim.
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
