package dev.taskforce.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * JSON schemas generated from Java types, in a normal and a strict (OpenAI structured outputs)
 * form, and a checker for the strict rules.
 *
 * <pre>{@code
 * record Forecast(String city, @Min(-90) @Max(60) int celsius, Optional<String> note) {}
 *
 * JsonSchema normal = JsonSchemas.of(Forecast.class);       // note not required
 * JsonSchema strict = JsonSchemas.strictOf(Forecast.class); // note required, "type":["string","null"]
 * List<SchemaProblem> problems = JsonSchemas.checkStrict(strict); // empty
 * Forecast f = JsonSchemas.reader(Forecast.class).readValue(answerJson);
 * }</pre>
 *
 * <p>Schemas are JSON Schema draft 2020-12 without a {@code $schema} keyword; types used more than
 * once, and recursive types, are defined once under {@code $defs} and referenced with {@code $ref}
 * ({@code "#"} for the root). Every property is required unless its type is {@code Optional} or it
 * is annotated {@code @Nullable}. See docs/json-schema.md for the schema of each kind of Java type.
 *
 * <p>Each schema is generated once per type and cached; all methods are thread-safe. Types that
 * cannot be described are configuration errors and throw {@link IllegalArgumentException}, which
 * lists every problem.
 */
public final class JsonSchemas {

  private static final Map<Type, JsonSchema> NORMAL = new ConcurrentHashMap<>();
  private static final Map<Type, JsonSchema> STRICT = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /**
   * The normal-form schema of a type: optional properties are left out of {@code required}, and
   * Jakarta constraints become keywords ({@code minLength}, {@code maximum}, {@code pattern}, ...).
   *
   * @param type a class, or a parameterized type such as {@code List<Order>}
   * @return the schema, cached per type
   * @throws IllegalArgumentException if the type cannot be described (a sealed type without Jackson
   *     type information, for example)
   */
  public static JsonSchema of(Type type) {
    requireNonNull(type, "type == null");
    return NORMAL.computeIfAbsent(type, t -> JsonSchema.fromTree(normal(t)));
  }

  /**
   * The strict-form schema of a type, which OpenAI-compatible providers accept with {@code strict:
   * true}: the root is an object, every property is required (optional ones accept {@code null}),
   * every object has {@code additionalProperties: false}, unsupported keywords are dropped, and
   * maps become arrays of {@code {key, value}} entries (read them back with {@link #reader}).
   *
   * @param type a record or class whose schema is an object
   * @return the schema, cached per type; {@link #checkStrict} finds no problem in it
   * @throws IllegalArgumentException listing every problem, if the type cannot be made strict (not
   *     an object, a field of type {@code Object}, too large, ...)
   */
  public static JsonSchema strictOf(Type type) {
    requireNonNull(type, "type == null");
    return STRICT.computeIfAbsent(type, t -> strict(StrictForm.of(normal(t)), "type " + name(t)));
  }

  /**
   * The normal-form schema of an object assembled from separately typed properties, such as a tool
   * method's parameters. Not cached.
   *
   * @param properties the properties in order; names must be distinct
   * @return the schema of the object
   * @throws IllegalArgumentException if two properties share a name or a type cannot be described
   */
  public static JsonSchema objectOf(List<SchemaProperty> properties) {
    return JsonSchema.fromTree(assembled(properties));
  }

  /**
   * The strict-form schema of an object assembled from separately typed properties. Not cached.
   *
   * @param properties the properties in order; names must be distinct
   * @return the strict schema of the object
   * @throws IllegalArgumentException listing every problem, if it cannot be made strict
   */
  public static JsonSchema strictObjectOf(List<SchemaProperty> properties) {
    return strict(StrictForm.of(assembled(properties)), "the object");
  }

  /**
   * Checks a schema against the strict-mode rules of OpenAI structured outputs (also used for
   * strict function tools): root object, {@code additionalProperties: false} and every property
   * required in every object, only supported keywords and formats, {@code $ref} only to {@code #}
   * or root {@code $defs}, and the size limits (5000 properties, 10 levels of nesting, 120,000
   * characters of names and values, 1000 enum values).
   *
   * @param schema any schema
   * @return every problem found, each with the JSON pointer of where it is; empty when a provider
   *     would accept the schema
   */
  public static List<SchemaProblem> checkStrict(JsonSchema schema) {
    requireNonNull(schema, "schema == null");
    return StrictChecker.check(schema.node());
  }

  /**
   * A reader for values of a type that also reads maps in the strict form's entry-array shape. Use
   * it for answers and arguments that follow a strict schema; it is otherwise configured like the
   * shared mapper (unknown properties are errors, big decimals exact, java.time supported).
   *
   * @param type the type to read
   * @return a reader; thread-safe
   */
  public static ObjectReader reader(Type type) {
    requireNonNull(type, "type == null");
    return MapEntries.MAPPER.readerFor(MapEntries.MAPPER.constructType(type));
  }

  private static ObjectNode normal(Type type) {
    try {
      return SchemaGeneration.generate(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot make a JSON schema for type " + name(type) + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode assembled(List<SchemaProperty> properties) {
    requireNonNull(properties, "properties == null");
    List<String> duplicates =
        properties.stream()
            .collect(Collectors.groupingBy(SchemaProperty::name, Collectors.counting()))
            .entrySet()
            .stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException("properties share a name: " + duplicates);
    }
    try {
      return SchemaGeneration.generateObject(properties);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot make a JSON schema: " + e.getMessage(), e);
    }
  }

  private static JsonSchema strict(ObjectNode tree, String what) {
    List<SchemaProblem> problems = StrictChecker.check(tree);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot make a strict JSON schema for "
              + what
              + ":\n"
              + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    }
    return JsonSchema.fromTree(tree);
  }

  private static String name(Type type) {
    return type instanceof Class<?> c ? c.getName() : type.getTypeName();
  }
}
