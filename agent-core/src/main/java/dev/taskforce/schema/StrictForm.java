package dev.taskforce.schema;

import static dev.taskforce.schema.SchemaNodes.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a normal-form schema into OpenAI's strict form.
 *
 * <ul>
 *   <li>every object lists all its properties in {@code required}, has {@code properties} (empty
 *       when it has none) and {@code additionalProperties: false}; properties that were optional
 *       accept {@code null} instead;
 *   <li>a map ({@code additionalProperties} with a schema) becomes an array of {@code {key, value}}
 *       entries, which {@link JsonSchemas#reader} reads back into the map;
 *   <li>{@code oneOf} becomes {@code anyOf};
 *   <li>keywords strict mode does not support but that only narrow values are dropped (see {@link
 *       #DROPPED}), and so are formats outside {@link StrictChecker#FORMATS}; Jakarta Validation
 *       still enforces the constraints they came from.
 * </ul>
 *
 * Anything else strict mode cannot express (allOf, not, conditionals, schemas without a type) is
 * left for {@link StrictChecker} to report.
 */
final class StrictForm {

  /** Keywords removed from strict schemas. */
  static final Set<String> DROPPED =
      Set.of(
          "minLength",
          "maxLength",
          "uniqueItems",
          "default",
          "examples",
          "minProperties",
          "maxProperties",
          "propertyNames",
          "readOnly",
          "writeOnly",
          "deprecated",
          "contentEncoding",
          "contentMediaType",
          "$comment",
          "$id",
          "$anchor",
          "$schema");

  private StrictForm() {}

  /** The strict form of a normal-form schema, as a new tree. */
  static ObjectNode of(ObjectNode normal) {
    ObjectNode root = normal.deepCopy();
    visit(root);
    JsonNode defs = root.get("$defs");
    if (defs instanceof ObjectNode d) {
      d.elements().forEachRemaining(StrictForm::visit);
    }
    return root;
  }

  private static void visit(JsonNode node) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    entriesForMap(schema);
    JsonNode oneOf = schema.remove("oneOf");
    if (oneOf != null && !schema.has("anyOf")) {
      schema.set("anyOf", oneOf);
    }
    schema.remove(DROPPED);
    JsonNode format = schema.get("format");
    if (format != null && !StrictChecker.FORMATS.contains(format.asText())) {
      schema.remove("format");
    }
    JsonNode constant = schema.get("const");
    if (constant != null && constant.isTextual() && !schema.has("type")) {
      schema.put("type", "string");
    }
    if (SchemaNodes.mainType(schema).equals("object")) {
      closeObject(schema);
    }
    JsonNode props = schema.get("properties");
    if (props != null) {
      props.elements().forEachRemaining(StrictForm::visit);
    }
    visit(schema.path("items"));
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null) {
      anyOf.elements().forEachRemaining(StrictForm::visit);
    }
  }

  private static void closeObject(ObjectNode schema) {
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      return; // an object with both properties and a map part: the checker reports it
    }
    ObjectNode props =
        schema.get("properties") instanceof ObjectNode p ? p : schema.putObject("properties");
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    ArrayNode all = F.arrayNode();
    List<String> names = new ArrayList<>();
    props.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (!required.contains(name) && props.get(name) instanceof ObjectNode p) {
        SchemaNodes.makeNullable(p);
      }
      all.add(name);
    }
    schema.set("required", all);
    schema.put("additionalProperties", false);
  }

  /** Replaces a map schema with an array of key/value entries, in place. */
  private static void entriesForMap(ObjectNode schema) {
    JsonNode value = schema.get("additionalProperties");
    JsonNode props = schema.get("properties");
    if (value == null
        || !value.isObject()
        || (props != null && !props.isEmpty())
        || !SchemaNodes.mainType(schema).equals("object")) {
      return;
    }
    boolean nullable = SchemaNodes.isNullable(schema);
    ObjectNode entry = F.objectNode().put("type", "object");
    ObjectNode entryProps = entry.putObject("properties");
    entryProps.putObject("key").put("type", "string");
    entryProps.set("value", value);
    entry.putArray("required").add("key").add("value");
    entry.put("additionalProperties", false);
    List<Map.Entry<String, JsonNode>> kept = new ArrayList<>();
    schema
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("description") || e.getKey().equals("title")) {
                kept.add(e);
              }
            });
    schema.removeAll();
    if (nullable) {
      schema.putArray("type").add("array").add("null");
    } else {
      schema.put("type", "array");
    }
    kept.forEach(e -> schema.set(e.getKey(), e.getValue()));
    schema.set("items", entry);
  }
}
