package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a schema against OpenAI's structured-output rules for {@code strict:true} (wire doc 7.2),
 * reporting the first violation the way OpenAI does: {@code In context=('properties', 'tags'), …}.
 * One checker checks one schema.
 *
 * <p>It deliberately does not call agent-core's {@code JsonSchemas.checkStrict}: the fake server is
 * the oracle that tests of the client and of schema generation run against, so it is written
 * independently from the rules in the wire reference, the way the provider applies them.
 */
final class StrictSchemaChecker {

  private static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "description",
          "title",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "anyOf",
          "enum",
          "const",
          "$ref",
          "pattern",
          "format",
          "multipleOf",
          "maximum",
          "exclusiveMaximum",
          "minimum",
          "exclusiveMinimum",
          "minItems",
          "maxItems");
  private static final Set<String> ROOT_KEYWORDS = Set.of("$defs", "definitions", "$schema", "$id");
  private static final Set<String> TYPES =
      Set.of("string", "number", "boolean", "integer", "object", "array", "null");
  private static final Set<String> FORMATS =
      Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

  static final int MAX_PROPERTIES = 5000;
  static final int MAX_OBJECT_DEPTH = 10;
  static final int MAX_ENUM_VALUES = 1000;
  static final int MAX_STRING_LENGTH = 120_000;

  private final JsonNode root;
  private int properties;
  private int enumValues;
  private long stringLength;

  private StrictSchemaChecker(JsonNode root) {
    this.root = root;
  }

  /** The first violation, or {@code null} when the schema follows the strict rules. */
  static @Nullable String check(JsonNode schema) {
    return new StrictSchemaChecker(schema).checkRoot();
  }

  private @Nullable String checkRoot() {
    List<String> path = List.of();
    if (!root.isObject()) {
      return at(path, "the schema must be a JSON object");
    }
    if (root.has("anyOf") || !"object".equals(root.path("type").asText(null))) {
      return at(path, "the root schema must have type 'object' and must not use 'anyOf'");
    }
    for (String defs : List.of("$defs", "definitions")) {
      JsonNode d = root.get(defs);
      if (d != null) {
        if (!d.isObject()) {
          return at(List.of(defs), "'" + defs + "' must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          stringLength += e.getKey().length();
          String v = walk(e.getValue(), List.of(defs, e.getKey()), 0);
          if (v != null) {
            return v;
          }
        }
      }
    }
    String v = walk(root, path, 0);
    if (v != null) {
      return v;
    }
    if (properties > MAX_PROPERTIES) {
      return at(
          path, "the schema has " + properties + " properties; the limit is " + MAX_PROPERTIES);
    }
    if (enumValues > MAX_ENUM_VALUES) {
      return at(
          path, "the schema has " + enumValues + " enum values; the limit is " + MAX_ENUM_VALUES);
    }
    if (stringLength > MAX_STRING_LENGTH) {
      return at(
          path,
          "names, enum and const values total "
              + stringLength
              + " characters; the limit is "
              + MAX_STRING_LENGTH);
    }
    return null;
  }

  private @Nullable String walk(JsonNode node, List<String> path, int objectDepth) {
    if (!node.isObject()) {
      return at(path, "a schema must be a JSON object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYWORDS.contains(key) && !(path.isEmpty() && ROOT_KEYWORDS.contains(key))) {
        return at(path, "'" + key + "' is not permitted.");
      }
    }
    JsonNode ref = node.get("$ref");
    if (ref != null) {
      return resolves(ref) ? null : at(path, "reference " + ref + " does not resolve");
    }
    Set<String> types = new HashSet<>();
    JsonNode type = node.get("type");
    if (type != null) {
      for (JsonNode t : type.isArray() ? type : List.of(type)) {
        if (!t.isTextual() || !TYPES.contains(t.textValue())) {
          return at(path, "type " + t + " is not supported");
        }
        types.add(t.textValue());
      }
    } else if (!node.has("anyOf") && !node.has("enum") && !node.has("const")) {
      return at(path, "the schema must have a 'type', 'anyOf', 'enum', 'const' or '$ref'");
    }
    String v = checkValues(node, path);
    if (v != null) {
      return v;
    }
    if (types.contains("object") || node.has("properties")) {
      v = checkObject(node, path, objectDepth + 1);
      if (v != null) {
        return v;
      }
    }
    JsonNode items = node.get("items");
    if (items != null) {
      v = walk(items, plus(path, "items"), objectDepth);
      if (v != null) {
        return v;
      }
    }
    JsonNode anyOf = node.get("anyOf");
    if (anyOf != null) {
      if (!anyOf.isArray() || anyOf.isEmpty()) {
        return at(path, "'anyOf' must be a non-empty array");
      }
      for (int i = 0; i < anyOf.size(); i++) {
        v = walk(anyOf.get(i), plus(plus(path, "anyOf"), Integer.toString(i)), objectDepth);
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  private @Nullable String checkObject(JsonNode node, List<String> path, int objectDepth) {
    if (objectDepth > MAX_OBJECT_DEPTH) {
      return at(path, "objects are nested more than " + MAX_OBJECT_DEPTH + " levels deep");
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
      return at(path, "'additionalProperties' is required to be supplied and to be false.");
    }
    JsonNode props = node.get("properties");
    if (props == null || !props.isObject()) {
      return at(path, "'properties' is required to be supplied (use {} for an empty object).");
    }
    Set<String> required = new HashSet<>();
    for (JsonNode r : node.path("required")) {
      required.add(r.asText());
    }
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      properties++;
      stringLength += e.getKey().length();
      if (!required.remove(e.getKey())) {
        missing.add(e.getKey());
      }
    }
    if (!missing.isEmpty() || (props.size() > 0 && !node.path("required").isArray())) {
      return at(
          path,
          "'required' is required to be supplied and to be an array including every key in"
              + " properties. Missing "
              + quoted(missing)
              + ".");
    }
    if (!required.isEmpty()) {
      return at(path, "Extra required key " + quoted(new ArrayList<>(required)) + " supplied.");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String v = walk(e.getValue(), plus(plus(path, "properties"), e.getKey()), objectDepth);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private @Nullable String checkValues(JsonNode node, List<String> path) {
    JsonNode format = node.get("format");
    if (format != null && !FORMATS.contains(format.asText())) {
      return at(path, "format " + format + " is not supported");
    }
    JsonNode values = node.get("enum");
    if (values != null) {
      if (!values.isArray() || values.isEmpty()) {
        return at(path, "'enum' must be a non-empty array");
      }
      enumValues += values.size();
      values.forEach(e -> stringLength += e.isTextual() ? e.textValue().length() : 0);
    }
    JsonNode constant = node.get("const");
    if (constant != null && constant.isTextual()) {
      stringLength += constant.textValue().length();
    }
    return null;
  }

  private boolean resolves(JsonNode ref) {
    if (!ref.isTextual()) {
      return false;
    }
    String r = ref.textValue();
    if (r.equals("#")) {
      return true;
    }
    for (String defs : List.of("$defs", "definitions")) {
      String prefix = "#/" + defs + "/";
      if (r.startsWith(prefix) && root.path(defs).has(r.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> plus(List<String> path, String segment) {
    List<String> p = new ArrayList<>(path);
    p.add(segment);
    return p;
  }

  private static String quoted(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
    }
    return sb.toString();
  }

  /** OpenAI's way of naming where in the schema a rule was broken. */
  private static String at(List<String> path, String message) {
    StringBuilder sb = new StringBuilder("In context=(");
    for (int i = 0; i < path.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('\'').append(path.get(i)).append('\'');
    }
    if (path.size() == 1) {
      sb.append(',');
    }
    return sb.append("), ").append(message).toString();
  }
}
