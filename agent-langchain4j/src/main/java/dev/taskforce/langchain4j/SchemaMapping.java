package dev.taskforce.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.taskforce.internal.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes LangChain4j {@link JsonSchemaElement}s as JSON schema trees.
 *
 * <p>In strict mode the tree follows OpenAI's structured-output rules, as LangChain4j's own OpenAI
 * integration does: every property is required, a property that was optional accepts {@code null}
 * instead, and every object forbids additional properties.
 */
final class SchemaMapping {

  private static final String DEFS_PREFIX = "#/$defs/";

  private SchemaMapping() {}

  /** The schema of a tool's arguments: an object, empty when the tool takes none. */
  static ObjectNode toolParameters(@Nullable JsonObjectSchema parameters, boolean strict) {
    if (parameters == null) {
      ObjectNode empty = Json.MAPPER.createObjectNode().put("type", "object");
      empty.putObject("properties");
      empty.putArray("required");
      if (strict) {
        empty.put("additionalProperties", false);
      }
      return empty;
    }
    return (ObjectNode) toJson(parameters, strict);
  }

  /** Writes an element and everything below it. */
  static JsonNode toJson(JsonSchemaElement element, boolean strict) {
    return write(element, strict, true);
  }

  private static JsonNode write(JsonSchemaElement element, boolean strict, boolean required) {
    boolean nullable = strict && !required;
    if (element instanceof JsonObjectSchema o) {
      ObjectNode n = typed("object", nullable, o.description());
      ObjectNode properties = n.putObject("properties");
      List<String> requiredNames = o.required() == null ? List.of() : o.required();
      for (Map.Entry<String, JsonSchemaElement> p : o.properties().entrySet()) {
        properties.set(p.getKey(), write(p.getValue(), strict, requiredNames.contains(p.getKey())));
      }
      if (strict) {
        ArrayNode all = n.putArray("required");
        o.properties().keySet().forEach(all::add);
        n.put("additionalProperties", false);
      } else {
        if (o.required() != null) {
          ArrayNode r = n.putArray("required");
          o.required().forEach(r::add);
        }
        if (o.additionalProperties() != null) {
          n.put("additionalProperties", o.additionalProperties());
        }
      }
      if (o.definitions() != null && !o.definitions().isEmpty()) {
        ObjectNode defs = n.putObject("$defs");
        o.definitions().forEach((name, def) -> defs.set(name, write(def, strict, true)));
      }
      return n;
    }
    if (element instanceof JsonArraySchema a) {
      ObjectNode n = typed("array", nullable, a.description());
      if (a.items() != null) {
        n.set("items", write(a.items(), strict, true));
      } else {
        n.putObject("items");
      }
      return n;
    }
    if (element instanceof JsonEnumSchema e) {
      ObjectNode n = typed("string", nullable, e.description());
      ArrayNode values = n.putArray("enum");
      e.enumValues().forEach(values::add);
      if (nullable) {
        values.addNull();
      }
      return n;
    }
    if (element instanceof JsonStringSchema s) {
      return typed("string", nullable, s.description());
    }
    if (element instanceof JsonIntegerSchema i) {
      return typed("integer", nullable, i.description());
    }
    if (element instanceof JsonNumberSchema num) {
      return typed("number", nullable, num.description());
    }
    if (element instanceof JsonBooleanSchema b) {
      return typed("boolean", nullable, b.description());
    }
    if (element instanceof JsonReferenceSchema r) {
      ObjectNode ref = Json.MAPPER.createObjectNode().put("$ref", DEFS_PREFIX + r.reference());
      return nullable ? orNull(ref) : ref;
    }
    if (element instanceof JsonAnyOfSchema any) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      if (any.description() != null) {
        n.put("description", any.description());
      }
      ArrayNode options = n.putArray("anyOf");
      for (JsonSchemaElement option : any.anyOf()) {
        options.add(write(option, strict, true));
      }
      if (nullable) {
        options.addObject().put("type", "null");
      }
      return n;
    }
    if (element instanceof JsonNullSchema) {
      return Json.MAPPER.createObjectNode().put("type", "null");
    }
    if (element instanceof JsonRawSchema raw) {
      return Json.parse(raw.schema());
    }
    throw new IllegalArgumentException(
        "unsupported JSON schema element: " + element.getClass().getName());
  }

  private static ObjectNode typed(String type, boolean nullable, @Nullable String description) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    if (nullable) {
      n.putArray("type").add(type).add("null");
    } else {
      n.put("type", type);
    }
    if (description != null) {
      n.put("description", description);
    }
    return n;
  }

  private static ObjectNode orNull(JsonNode schema) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.putArray("anyOf").add(schema).addObject().put("type", "null");
    return n;
  }
}
