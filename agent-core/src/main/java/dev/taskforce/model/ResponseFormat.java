package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import dev.taskforce.schema.JsonSchema;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The shape the answer text must take. */
public sealed interface ResponseFormat {

  /** Free text (the default). */
  ResponseFormat TEXT = new Text();

  /** Any valid JSON object; the instructions must mention JSON. */
  ResponseFormat JSON_OBJECT = new JsonObject();

  /** Free text. */
  record Text() implements ResponseFormat {}

  /** Any valid JSON object. */
  record JsonObject() implements ResponseFormat {}

  /**
   * JSON that follows a schema.
   *
   * @param name the schema's name, matching {@code ^[a-zA-Z0-9_-]{1,64}$}
   * @param schema the schema
   * @param strict whether the provider must enforce the schema exactly (the schema must then follow
   *     the strict rules)
   * @param description what the answer is, or {@code null}
   */
  record JsonSchemaFormat(
      String name, JsonSchema schema, boolean strict, @Nullable String description)
      implements ResponseFormat {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    /** Checks the name is one providers accept. */
    public JsonSchemaFormat {
      requireNonNull(name, "name == null");
      requireNonNull(schema, "schema == null");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "schema name must match ^[a-zA-Z0-9_-]{1,64}$, was: \"" + name + "\"");
      }
    }
  }
}
