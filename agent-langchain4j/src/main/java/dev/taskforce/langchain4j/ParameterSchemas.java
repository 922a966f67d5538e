package dev.taskforce.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.schema.JsonSchemas;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Builds the strict argument schema of a {@code @Tool} method: one property per model argument,
 * each from Taskforce's schema generation for its Java type ({@link JsonSchemas#strictOf}), every
 * property required, optional ones nullable, definitions gathered at the root.
 *
 * <p>{@code @Pattern}, {@code @Min} and {@code @Max} on a parameter also appear in its schema
 * (keywords strict mode allows), so the model sees the rule it will be checked against.
 */
final class ParameterSchemas {

  private ParameterSchemas() {}

  static JsonSchema of(Method method, List<ToolParameter> parameters) {
    ObjectNode root = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode properties = root.putObject("properties");
    ArrayNode required = root.putArray("required");
    ObjectNode defs = Json.MAPPER.createObjectNode();
    for (ToolParameter p : parameters) {
      if (p.context()) {
        continue;
      }
      ObjectNode schema = (ObjectNode) JsonSchemas.strictOf(p.type()).node();
      schema.remove("$schema");
      hoist(schema, "$defs", defs, method);
      hoist(schema, "definitions", defs, method);
      constraints(schema, method.getParameters()[p.index()]);
      if (!p.required()) {
        schema = nullable(schema);
      }
      if (p.description() != null) {
        schema.put("description", p.description());
      }
      properties.set(p.name(), schema);
      required.add(p.name()); // strict: every property is listed; optional ones accept null
    }
    root.put("additionalProperties", false);
    if (!defs.isEmpty()) {
      root.set("$defs", defs);
    }
    return JsonSchema.fromTree(root);
  }

  private static void hoist(ObjectNode schema, String key, ObjectNode defs, Method method) {
    JsonNode found = schema.remove(key);
    if (found == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> d : found.properties()) {
      JsonNode existing = defs.get(d.getKey());
      if (existing != null && !existing.equals(d.getValue())) {
        throw new IllegalArgumentException(
            "two parameters use different types both named "
                + d.getKey()
                + " in their schemas\n    for method "
                + ToolMethods.describe(method));
      }
      defs.set(d.getKey(), d.getValue());
    }
    if (key.equals("definitions")) {
      rewriteRefs(schema, "#/definitions/", "#/$defs/");
    }
  }

  private static void rewriteRefs(JsonNode node, String from, String to) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual() && ref.textValue().startsWith(from)) {
        o.put("$ref", to + ref.textValue().substring(from.length()));
      }
      o.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
    } else if (node instanceof ArrayNode a) {
      a.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
    }
  }

  private static void constraints(ObjectNode schema, Parameter parameter) {
    Pattern pattern = parameter.getAnnotation(Pattern.class);
    if (pattern != null && schema.path("type").asText("").equals("string")) {
      schema.put("pattern", pattern.regexp());
    }
    Min min = parameter.getAnnotation(Min.class);
    if (min != null && isNumeric(schema)) {
      schema.put("minimum", min.value());
    }
    Max max = parameter.getAnnotation(Max.class);
    if (max != null && isNumeric(schema)) {
      schema.put("maximum", max.value());
    }
  }

  private static boolean isNumeric(ObjectNode schema) {
    String type = schema.path("type").asText("");
    return type.equals("integer") || type.equals("number");
  }

  /** The schema accepting {@code null} too, in a form strict mode allows. */
  private static ObjectNode nullable(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual() && !schema.has("$ref")) {
      schema.putArray("type").add(type.textValue()).add("null");
      JsonNode values = schema.get("enum");
      if (values instanceof ArrayNode a) {
        a.addNull();
      }
      return schema;
    }
    ObjectNode wrapper = Json.MAPPER.createObjectNode();
    wrapper.putArray("anyOf").add(schema).addObject().put("type", "null");
    return wrapper;
  }
}
