package dev.taskforce.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks arguments against the tool's strict schema and reports every structural problem: wrong
 * types, missing fields, unknown fields, values outside an enum. Value constraints ({@code
 * pattern}, {@code minimum}, ...) are left to Jakarta Validation, which runs after binding.
 *
 * <p>Fields whose schema accepts {@code null} may also be left out, for models that do not follow
 * the strict form exactly. Immutable and thread-safe.
 */
final class ArgumentsCheck {

  private final JsonNode root;

  ArgumentsCheck(JsonNode rootSchema) {
    this.root = rootSchema;
  }

  List<ArgumentProblem> check(JsonNode arguments) {
    List<ArgumentProblem> problems = new ArrayList<>();
    check(arguments, root, "$", problems);
    return problems;
  }

  private void check(JsonNode value, JsonNode schema, String path, List<ArgumentProblem> out) {
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      check(value, resolve(ref.asText()), path, out);
      return;
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null) {
      union(value, anyOf, path, out);
      return;
    }
    Set<String> types = types(schema);
    if (value.isNull()) {
      if (!types.isEmpty() && !types.contains("null")) {
        out.add(new ArgumentProblem(path, "must not be null"));
      }
      return;
    }
    String kind = kind(value);
    if (!types.isEmpty()
        && !types.contains(kind)
        && !(kind.equals("integer") && types.contains("number"))) {
      out.add(new ArgumentProblem(path, "expected " + expected(types) + ", got " + article(kind)));
      return;
    }
    JsonNode values = schema.get("enum");
    if (values != null && !contains(values, value)) {
      out.add(new ArgumentProblem(path, "must be one of " + list(values) + ", was " + value));
    }
    JsonNode constant = schema.get("const");
    if (constant != null && !constant.equals(value)) {
      out.add(new ArgumentProblem(path, "must be " + constant + ", was " + value));
    }
    if (value.isObject()) {
      object(value, schema, path, out);
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.get("items"), path + "[" + i + "]", out);
      }
    }
  }

  private void object(JsonNode value, JsonNode schema, String path, List<ArgumentProblem> out) {
    JsonNode props = schema.path("properties");
    for (Map.Entry<String, JsonNode> p : iterable(props)) {
      JsonNode field = value.get(p.getKey());
      String fieldPath = path + "." + p.getKey();
      if (field == null) {
        if (!accepts(p.getValue(), "null")) {
          out.add(new ArgumentProblem(fieldPath, "missing required field"));
        }
      } else {
        check(field, p.getValue(), fieldPath, out);
      }
    }
    Set<String> known = null;
    for (Map.Entry<String, JsonNode> f : iterable(value)) {
      if (!props.has(f.getKey())) {
        if (known == null) {
          known = new TreeSet<>();
          props.fieldNames().forEachRemaining(known::add);
        }
        out.add(
            new ArgumentProblem(
                path + "." + f.getKey(),
                known.isEmpty()
                    ? "unknown field; this object takes no fields"
                    : "unknown field; the fields are " + String.join(", ", known)));
      }
    }
  }

  /** A union: fine if any branch fits; otherwise the problems of the branch meant. */
  private void union(JsonNode value, JsonNode branches, String path, List<ArgumentProblem> out) {
    List<JsonNode> candidates = new ArrayList<>();
    for (JsonNode branch : branches) {
      JsonNode b = branch.has("$ref") ? resolve(branch.get("$ref").asText()) : branch;
      List<ArgumentProblem> problems = new ArrayList<>();
      check(value, b, path, problems);
      if (problems.isEmpty()) {
        return;
      }
      if (!"null".equals(b.path("type").asText())) {
        candidates.add(b);
      }
    }
    JsonNode meant = candidates.size() == 1 ? candidates.get(0) : discriminated(value, candidates);
    if (meant != null) {
      check(value, meant, path, out);
      return;
    }
    String hint = discriminatorHint(candidates);
    out.add(
        new ArgumentProblem(
            path,
            value.isNull()
                ? "must not be null"
                : "does not match any of the " + candidates.size() + " allowed shapes" + hint));
  }

  /** The branch whose constant-valued property (its type discriminator) the value carries. */
  private static @Nullable JsonNode discriminated(JsonNode value, List<JsonNode> candidates) {
    if (!value.isObject()) {
      return null;
    }
    for (JsonNode branch : candidates) {
      for (Map.Entry<String, JsonNode> p : iterable(branch.path("properties"))) {
        JsonNode constant = p.getValue().get("const");
        if (constant != null && constant.equals(value.get(p.getKey()))) {
          return branch;
        }
      }
    }
    return null;
  }

  private static String discriminatorHint(List<JsonNode> candidates) {
    String field = null;
    List<String> values = new ArrayList<>();
    for (JsonNode branch : candidates) {
      for (Map.Entry<String, JsonNode> p : iterable(branch.path("properties"))) {
        JsonNode constant = p.getValue().get("const");
        if (constant != null) {
          field = p.getKey();
          values.add(constant.toString());
        }
      }
    }
    return field == null ? "" : "; set \"" + field + "\" to one of " + String.join(", ", values);
  }

  private JsonNode resolve(String ref) {
    if (ref.equals("#")) {
      return root;
    }
    String prefix = "#/$defs/";
    if (ref.startsWith(prefix)) {
      String name = ref.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
      return root.path("$defs").path(name);
    }
    throw new IllegalStateException("unexpected $ref in a tool schema: " + ref);
  }

  private boolean accepts(JsonNode schema, String type) {
    JsonNode s = schema.has("$ref") ? resolve(schema.get("$ref").asText()) : schema;
    if (types(s).contains(type)) {
      return true;
    }
    for (JsonNode branch : s.path("anyOf")) {
      if (accepts(branch, type)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> types(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return Set.of();
    }
    if (type.isTextual()) {
      return Set.of(type.textValue());
    }
    Set<String> types = new TreeSet<>();
    type.forEach(t -> types.add(t.asText()));
    return types;
  }

  private static String kind(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isIntegralNumber()
        || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0)) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    return value.isArray() ? "array" : value.isObject() ? "object" : "null";
  }

  private static String expected(Set<String> types) {
    List<String> named = new ArrayList<>();
    for (String t : types) {
      if (!t.equals("null")) {
        named.add(article(t));
      }
    }
    String s = String.join(" or ", named);
    return types.contains("null") ? s + " or null" : s;
  }

  private static String article(String kind) {
    return switch (kind) {
      case "integer", "array", "object" -> "an " + kind;
      case "null" -> "null";
      default -> "a " + kind;
    };
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String list(JsonNode values) {
    List<String> shown = new ArrayList<>();
    values.forEach(v -> shown.add(v.toString()));
    return String.join(", ", shown);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
