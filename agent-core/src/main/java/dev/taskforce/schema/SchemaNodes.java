package dev.taskforce.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/** Small operations on schema trees shared by generation, the strict form and the checker. */
final class SchemaNodes {

  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SchemaNodes() {}

  /** Whether a schema accepts {@code null}: a type array with "null", or an anyOf null branch. */
  static boolean isNullable(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual() && type.textValue().equals("null")) {
      return true;
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null && anyOf.isArray()) {
      for (JsonNode branch : anyOf) {
        if (isNullable(branch)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Makes a property schema accept {@code null}, in place: {@code "type":["string","null"]} for
   * typed schemas (with {@code null} added to an enum), {@code anyOf} with a null branch for
   * references and unions.
   */
  static void makeNullable(ObjectNode schema) {
    if (isNullable(schema)) {
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual() && !schema.has("$ref") && !schema.has("anyOf")) {
      schema.putArray("type").add(type.textValue()).add("null");
      addNullToEnum(schema);
      return;
    }
    if (type != null && type.isArray() && !schema.has("$ref") && !schema.has("anyOf")) {
      ((ArrayNode) type).add("null");
      addNullToEnum(schema);
      return;
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf instanceof ArrayNode branches && schema.size() == anyOfSiblings(schema)) {
      branches.addObject().put("type", "null");
      return;
    }
    // A $ref or anything else: move it into an anyOf branch, keeping the annotations outside.
    ObjectNode moved = F.objectNode();
    ObjectNode kept = F.objectNode();
    schema
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("description") || e.getKey().equals("title")) {
                kept.set(e.getKey(), e.getValue());
              } else {
                moved.set(e.getKey(), e.getValue());
              }
            });
    schema.removeAll();
    schema.setAll(kept);
    ArrayNode branches = schema.putArray("anyOf");
    branches.add(moved);
    branches.addObject().put("type", "null");
  }

  private static int anyOfSiblings(ObjectNode schema) {
    int n = 1;
    if (schema.has("description")) {
      n++;
    }
    if (schema.has("title")) {
      n++;
    }
    return n;
  }

  private static void addNullToEnum(ObjectNode schema) {
    JsonNode values = schema.get("enum");
    if (values instanceof ArrayNode array) {
      for (JsonNode v : array) {
        if (v.isNull()) {
          return;
        }
      }
      array.addNull();
    }
  }

  /** The first non-null type of a schema, or {@code ""} when it has none. */
  static String mainType(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.textValue();
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    return "";
  }

  /**
   * Calls an action for a schema and every schema inside it (properties, items, unions,
   * definitions, map values), parents before children.
   */
  static void forEachSchema(JsonNode node, Consumer<ObjectNode> action) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    action.accept(schema);
    for (String key : List.of("properties", "$defs", "definitions")) {
      JsonNode children = schema.get(key);
      if (children != null && children.isObject()) {
        children.elements().forEachRemaining(child -> forEachSchema(child, action));
      }
    }
    for (String key : List.of("anyOf", "oneOf", "allOf", "prefixItems")) {
      JsonNode children = schema.get(key);
      if (children != null && children.isArray()) {
        children.elements().forEachRemaining(child -> forEachSchema(child, action));
      }
    }
    for (String key : List.of("items", "additionalProperties", "not")) {
      forEachSchema(schema.path(key), action);
    }
  }

  /** Escapes one JSON-pointer reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
