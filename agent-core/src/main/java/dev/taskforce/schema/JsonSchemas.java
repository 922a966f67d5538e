package dev.taskforce.schema;

// TEMPORARY stand-in with the agreed signature; replaced by the tools branch at merge.
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;

/** Schemas. */
public final class JsonSchemas {
  private JsonSchemas() {}

  /**
   * @param type type
   * @return schema
   */
  public static JsonSchema strictOf(Type type) {
    SchemaGenerator g =
        new SchemaGenerator(
            new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .build());
    ObjectNode node = g.generateSchema(type);
    strict(node);
    return JsonSchema.fromTree(node);
  }

  private static void strict(ObjectNode node) {
    if (node.has("properties")) {
      var req = node.putArray("required");
      Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it =
          node.get("properties").fields();
      while (it.hasNext()) {
        var e = it.next();
        req.add(e.getKey());
        if (e.getValue() instanceof ObjectNode o) {
          strict(o);
        }
      }
    }
  }
}
