package dev.taskforce.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a schema against OpenAI's strict-mode rules (openrouter-wire.md 7.2) and names the path of
 * every violation.
 *
 * <p>Not thread-safe; make one per check.
 */
final class StrictChecker {

  /** Most object properties in one schema. */
  static final int MAX_PROPERTIES = 5000;

  /** Deepest object nesting. */
  static final int MAX_DEPTH = 10;

  /** Most characters of property names, definition names, enum and const values together. */
  static final int MAX_CHARS = 120_000;

  /** Most enum values in one schema. */
  static final int MAX_ENUM_VALUES = 1000;

  /** A string enum with more values than this must stay under {@link #MAX_LARGE_ENUM_CHARS}. */
  static final int LARGE_ENUM = 250;

  static final int MAX_LARGE_ENUM_CHARS = 15_000;

  /** The string formats strict mode supports. */
  static final Set<String> FORMATS =
      Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "object", "array", "null");

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

  private final List<SchemaProblem> problems = new ArrayList<>();
  private final Set<String> defNames = new HashSet<>();
  private int properties;
  private int chars;
  private int enumValues;

  private StrictChecker() {}

  static List<SchemaProblem> check(JsonNode root) {
    StrictChecker c = new StrictChecker();
    c.checkRoot(root);
    return List.copyOf(c.problems);
  }

  private void checkRoot(JsonNode root) {
    if (!root.isObject()) {
      problem("", "the schema must be a JSON object");
      return;
    }
    if (root.has("anyOf")) {
      problem("", "the root must not be anyOf; wrap the union in an object property");
    }
    if (!"object".equals(root.path("type").textValue())) {
      problem("", "the root must have \"type\": \"object\" (not nullable, not a $ref)");
    }
    for (String key : List.of("$defs", "definitions")) {
      JsonNode defs = root.get(key);
      if (defs != null && defs.isObject()) {
        defs.fieldNames().forEachRemaining(n -> defNames.add("#/" + key + "/" + n));
      } else if (defs != null) {
        problem("/" + key, key + " must be an object of named schemas");
      }
    }
    schema(root, "", 1);
    for (String key : List.of("$defs", "definitions")) {
      JsonNode defs = root.get(key);
      if (defs != null && defs.isObject()) {
        for (Map.Entry<String, JsonNode> e : iterable(defs)) {
          chars += e.getKey().length();
          schema(e.getValue(), "/" + key + "/" + SchemaNodes.escape(e.getKey()), 1);
        }
      }
    }
    if (properties > MAX_PROPERTIES) {
      problem("", "too many properties: " + properties + " (the limit is " + MAX_PROPERTIES + ")");
    }
    if (chars > MAX_CHARS) {
      problem(
          "",
          "property names, definition names, enum and const values total "
              + chars
              + " characters (the limit is "
              + MAX_CHARS
              + ")");
    }
    if (enumValues > MAX_ENUM_VALUES) {
      problem(
          "", "too many enum values: " + enumValues + " (the limit is " + MAX_ENUM_VALUES + ")");
    }
  }

  private void schema(JsonNode node, String path, int depth) {
    if (!node.isObject()) {
      problem(path, "a schema must be a JSON object (boolean schemas are not supported)");
      return;
    }
    boolean root = path.isEmpty();
    for (String key : iterableNames(node)) {
      if (!KEYWORDS.contains(key)
          && !(root && (key.equals("$defs") || key.equals("definitions")))) {
        problem(path, keywordProblem(key));
      }
    }
    if (!node.has("type")
        && !node.has("anyOf")
        && !node.has("$ref")
        && !node.has("enum")
        && !node.has("const")) {
      problem(path, "the schema has no type (strict mode does not allow \"any value\")");
    }
    if (node.has("$ref")) {
      ref(node, path);
    }
    Set<String> types = types(node, path);
    if (types.contains("object")) {
      object(node, path, depth);
    } else if (node.has("properties")) {
      problem(path, "properties without \"type\": \"object\"");
    }
    if (types.contains("array")) {
      JsonNode items = node.get("items");
      if (items == null) {
        problem(path, "an array must have items");
      } else {
        schema(items, path + "/items", depth);
      }
    }
    JsonNode anyOf = node.get("anyOf");
    if (anyOf != null) {
      if (!anyOf.isArray() || anyOf.isEmpty()) {
        problem(path + "/anyOf", "anyOf must be a non-empty array of schemas");
      } else {
        for (int i = 0; i < anyOf.size(); i++) {
          schema(anyOf.get(i), path + "/anyOf/" + i, depth);
        }
      }
    }
    JsonNode format = node.get("format");
    if (format != null && !FORMATS.contains(format.asText())) {
      problem(
          path + "/format",
          "format \"" + format.asText() + "\" is not supported; use one of " + sorted(FORMATS));
    }
    enumeration(node, path);
    JsonNode constant = node.get("const");
    if (constant != null) {
      chars += constant.asText().length();
    }
  }

  private Set<String> types(JsonNode node, String path) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = node.get("type");
    if (type == null) {
      return types;
    }
    if (type.isTextual()) {
      types.add(type.textValue());
    } else if (type.isArray() && !type.isEmpty()) {
      type.forEach(t -> types.add(t.asText()));
      if (types.size() != type.size()) {
        problem(path + "/type", "type lists a type twice");
      }
    } else {
      problem(path + "/type", "type must be a type name or a non-empty array of them");
    }
    for (String t : types) {
      if (!TYPES.contains(t)) {
        problem(path + "/type", "unknown type \"" + t + "\"");
      }
    }
    return types;
  }

  private void object(JsonNode node, String path, int depth) {
    if (depth > MAX_DEPTH) {
      problem(path, "objects nest more than " + MAX_DEPTH + " levels deep");
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
      problem(
          path,
          "an object must have \"additionalProperties\": false"
              + (additional != null && additional.isObject()
                  ? " (a map cannot be strict; use a list of key/value entries)"
                  : ""));
    }
    JsonNode props = node.get("properties");
    if (props == null || !props.isObject()) {
      problem(path, "an object must have properties (use {} for none)");
      return;
    }
    Set<String> required = new HashSet<>();
    JsonNode req = node.get("required");
    if (req == null || !req.isArray()) {
      problem(path, "an object must list every property in required");
    } else {
      for (JsonNode r : req) {
        required.add(r.asText());
        if (!props.has(r.asText())) {
          problem(path + "/required", "\"" + r.asText() + "\" is required but not a property");
        }
      }
    }
    for (Map.Entry<String, JsonNode> e : iterable(props)) {
      properties++;
      chars += e.getKey().length();
      String propPath = path + "/properties/" + SchemaNodes.escape(e.getKey());
      if (req != null && req.isArray() && !required.contains(e.getKey())) {
        problem(propPath, "the property is not in required (make it nullable to make it optional)");
      }
      schema(e.getValue(), propPath, depth + 1);
    }
  }

  private void ref(JsonNode node, String path) {
    String ref = node.get("$ref").asText();
    if (!ref.equals("#") && !defNames.contains(ref)) {
      problem(path + "/$ref", "\"" + ref + "\" does not name the root (#) or a root definition");
    }
    for (String key : iterableNames(node)) {
      if (!key.equals("$ref") && !key.equals("description") && !key.equals("title")) {
        problem(path, "$ref may only be combined with description and title, not " + key);
      }
    }
  }

  private void enumeration(JsonNode node, String path) {
    JsonNode values = node.get("enum");
    if (values == null) {
      return;
    }
    if (!values.isArray() || values.isEmpty()) {
      problem(path + "/enum", "enum must be a non-empty array");
      return;
    }
    enumValues += values.size();
    int length = 0;
    for (JsonNode v : values) {
      length += v.isTextual() ? v.textValue().length() : v.toString().length();
    }
    chars += length;
    if (values.size() > LARGE_ENUM && length > MAX_LARGE_ENUM_CHARS) {
      problem(
          path + "/enum",
          "an enum of more than "
              + LARGE_ENUM
              + " values may total at most "
              + MAX_LARGE_ENUM_CHARS
              + " characters, this one has "
              + length);
    }
  }

  private static String keywordProblem(String key) {
    if (key.equals("$defs") || key.equals("definitions")) {
      return key + " is only allowed at the root";
    }
    if (StrictForm.DROPPED.contains(key)) {
      return "keyword \"" + key + "\" is not supported in strict mode (enforce it locally)";
    }
    return "keyword \"" + key + "\" is not supported in strict mode";
  }

  private void problem(String path, String message) {
    problems.add(new SchemaProblem(path, message));
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private static Iterable<String> iterableNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
