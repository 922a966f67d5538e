package dev.taskforce.schema;

import static java.util.Objects.requireNonNull;

/**
 * One reason a provider would reject a schema in strict mode.
 *
 * @param path where in the schema, as a JSON pointer such as {@code
 *     /properties/items/items/properties/price}; empty for the schema as a whole
 * @param message what is wrong and how to fix it
 */
public record SchemaProblem(String path, String message) {

  /** Checks both parts are present. */
  public SchemaProblem {
    requireNonNull(path, "path == null");
    requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + ": " + message;
  }
}
