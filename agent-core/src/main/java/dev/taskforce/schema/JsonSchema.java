package dev.taskforce.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON schema.
 *
 * <p>The schema is held as compact JSON text, which is what clients write into requests (once per
 * schema, not once per request). {@link #node()} returns a fresh tree for inspection.
 *
 * <p>Thread-safe. Two schemas are equal when their JSON texts are equal.
 */
public final class JsonSchema {

  private final String json;

  private JsonSchema(String json) {
    this.json = json;
  }

  /**
   * Reads a schema from JSON text.
   *
   * @param json a JSON object
   * @return the schema, in compact form
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public static JsonSchema fromJson(String json) {
    requireNonNull(json, "json == null");
    return fromTree(Json.parse(json));
  }

  /**
   * Makes a schema from a tree. The tree is not retained, so later changes to it do not show.
   *
   * @param node a JSON object
   * @return the schema
   * @throws IllegalArgumentException if the node is not an object
   */
  public static JsonSchema fromTree(JsonNode node) {
    requireNonNull(node, "node == null");
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "a JSON schema must be a JSON object, was: " + node.getNodeType());
    }
    return new JsonSchema(node.toString());
  }

  /**
   * The schema as compact JSON.
   *
   * @return the JSON text
   */
  public String json() {
    return json;
  }

  /**
   * The schema as a new tree, which the caller may change freely.
   *
   * @return a fresh tree
   */
  public JsonNode node() {
    return Json.parse(json);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JsonSchema other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json;
  }
}
