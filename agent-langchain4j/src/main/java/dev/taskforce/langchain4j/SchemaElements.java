package dev.taskforce.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON schema trees into LangChain4j {@link JsonSchemaElement}s, without losing anything.
 *
 * <p>A node becomes a typed element only when that element can say everything the node says;
 * anything else (a type array such as {@code ["string","null"]}, {@code pattern}, {@code minimum},
 * {@code format}, ...) becomes a {@link JsonRawSchema} holding the node verbatim, which LangChain4j
 * integrations send as written.
 */
final class SchemaElements {

  private static final String DEFS_PREFIX = "#/$defs/";
  private static final Set<String> OBJECT_KEYS =
      Set.of("type", "description", "properties", "required", "additionalProperties", "$defs");
  private static final Set<String> ARRAY_KEYS = Set.of("type", "description", "items");
  private static final Set<String> SCALAR_KEYS = Set.of("type", "description");
  private static final Set<String> ENUM_KEYS = Set.of("type", "description", "enum");
  private static final Set<String> ANY_OF_KEYS = Set.of("description", "anyOf");

  private SchemaElements() {}

  /**
   * Reads the root of a tool's argument schema. Root keywords LangChain4j cannot hold ({@code
   * $schema}, {@code title}, ...) are left out; everything below the root is kept.
   *
   * @throws IllegalArgumentException if the root is not an object schema
   */
  static JsonObjectSchema root(JsonNode node) {
    if (!node.path("type").asText("").equals("object")) {
      throw new IllegalArgumentException(
          "a tool's parameter schema must have \"type\": \"object\" at its root, was: " + node);
    }
    return object(node);
  }

  /** Reads any node. */
  static JsonSchemaElement element(JsonNode node) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && type.isTextual()) {
        JsonSchemaElement typed = typed(type.textValue(), node);
        if (typed != null) {
          return typed;
        }
      } else if (type == null && onlyKeys(node, Set.of("$ref")) && ref(node) != null) {
        return JsonReferenceSchema.builder().reference(ref(node)).build();
      } else if (type == null && onlyKeys(node, ANY_OF_KEYS) && node.path("anyOf").isArray()) {
        List<JsonSchemaElement> options = new ArrayList<>();
        node.get("anyOf").forEach(o -> options.add(element(o)));
        return JsonAnyOfSchema.builder().description(description(node)).anyOf(options).build();
      }
    }
    return JsonRawSchema.from(node.toString());
  }

  private static @Nullable JsonSchemaElement typed(String type, JsonNode node) {
    switch (type) {
      case "object":
        return onlyKeys(node, OBJECT_KEYS) && isObjectShape(node) ? object(node) : null;
      case "array":
        return onlyKeys(node, ARRAY_KEYS)
            ? JsonArraySchema.builder()
                .description(description(node))
                .items(node.has("items") ? element(node.get("items")) : null)
                .build()
            : null;
      case "string":
        if (node.has("enum")) {
          return onlyKeys(node, ENUM_KEYS) && allStrings(node.get("enum"))
              ? JsonEnumSchema.builder()
                  .description(description(node))
                  .enumValues(strings(node.get("enum")))
                  .build()
              : null;
        }
        return onlyKeys(node, SCALAR_KEYS)
            ? JsonStringSchema.builder().description(description(node)).build()
            : null;
      case "integer":
        return onlyKeys(node, SCALAR_KEYS)
            ? JsonIntegerSchema.builder().description(description(node)).build()
            : null;
      case "number":
        return onlyKeys(node, SCALAR_KEYS)
            ? JsonNumberSchema.builder().description(description(node)).build()
            : null;
      case "boolean":
        return onlyKeys(node, SCALAR_KEYS)
            ? JsonBooleanSchema.builder().description(description(node)).build()
            : null;
      case "null":
        return onlyKeys(node, Set.of("type")) ? new JsonNullSchema() : null;
      default:
        return null;
    }
  }

  private static JsonObjectSchema object(JsonNode node) {
    Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
    node.path("properties")
        .properties()
        .forEach(p -> properties.put(p.getKey(), element(p.getValue())));
    Map<String, JsonSchemaElement> defs = new LinkedHashMap<>();
    node.path("$defs").properties().forEach(d -> defs.put(d.getKey(), element(d.getValue())));
    JsonObjectSchema.Builder b =
        JsonObjectSchema.builder().description(description(node)).addProperties(properties);
    if (node.has("required")) {
      b.required(strings(node.get("required")));
    }
    if (node.path("additionalProperties").isBoolean()) {
      b.additionalProperties(node.get("additionalProperties").booleanValue());
    }
    if (!defs.isEmpty()) {
      b.definitions(defs);
    }
    return b.build();
  }

  private static boolean isObjectShape(JsonNode node) {
    return (!node.has("properties") || node.get("properties").isObject())
        && (!node.has("required") || allStrings(node.get("required")))
        && (!node.has("additionalProperties") || node.get("additionalProperties").isBoolean())
        && (!node.has("$defs") || node.get("$defs").isObject())
        && (!node.has("description") || node.get("description").isTextual());
  }

  private static boolean onlyKeys(JsonNode node, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      if (!allowed.contains(names.next())) {
        return false;
      }
    }
    return !node.has("description") || node.get("description").isTextual();
  }

  private static @Nullable String ref(JsonNode node) {
    String r = node.path("$ref").asText("");
    return r.startsWith(DEFS_PREFIX) ? r.substring(DEFS_PREFIX.length()) : null;
  }

  private static @Nullable String description(JsonNode node) {
    JsonNode d = node.get("description");
    return d == null ? null : d.textValue();
  }

  private static boolean allStrings(JsonNode array) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode v : array) {
      if (!v.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
