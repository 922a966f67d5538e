package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.taskforce.internal.Json;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.testing.TestTools;
import dev.taskforce.tool.ToolSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaMappingTest {

  /** One element of every kind, with optional properties, definitions and a raw part. */
  private static JsonObjectSchema everything() {
    JsonObjectSchema address =
        JsonObjectSchema.builder().addStringProperty("city").required("city").build();
    return JsonObjectSchema.builder()
        .description("an order")
        .addStringProperty("id", "order id")
        .addIntegerProperty("count")
        .addProperty("price", JsonNumberSchema.builder().build())
        .addProperty("gift", new JsonBooleanSchema())
        .addProperty("status", JsonEnumSchema.builder().enumValues("OPEN", "SHIPPED").build())
        .addProperty(
            "tags",
            JsonArraySchema.builder().description("labels").items(new JsonStringSchema()).build())
        .addProperty("ship_to", JsonReferenceSchema.builder().reference("Address").build())
        .addProperty(
            "note",
            JsonAnyOfSchema.builder().anyOf(new JsonStringSchema(), new JsonNullSchema()).build())
        .addProperty("code", JsonRawSchema.from("{\"type\":\"string\",\"pattern\":\"^A-\\\\d+$\"}"))
        .required("id", "status")
        .definitions(Map.of("Address", address))
        .build();
  }

  @Test
  void writesElementsAsTheyAreWhenNotStrict() {
    JsonNode json = SchemaMapping.toJson(everything(), false);

    assertThat(json)
        .isEqualTo(
            Json.parse(
                "{\"type\":\"object\",\"description\":\"an order\",\"properties\":{"
                    + "\"id\":{\"type\":\"string\",\"description\":\"order id\"},"
                    + "\"count\":{\"type\":\"integer\"},"
                    + "\"price\":{\"type\":\"number\"},"
                    + "\"gift\":{\"type\":\"boolean\"},"
                    + "\"status\":{\"type\":\"string\",\"enum\":[\"OPEN\",\"SHIPPED\"]},"
                    + "\"tags\":{\"type\":\"array\",\"description\":\"labels\",\"items\":{\"type\":\"string\"}},"
                    + "\"ship_to\":{\"$ref\":\"#/$defs/Address\"},"
                    + "\"note\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},"
                    + "\"code\":{\"type\":\"string\",\"pattern\":\"^A-\\\\d+$\"}},"
                    + "\"required\":[\"id\",\"status\"],"
                    + "\"$defs\":{\"Address\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}"));
  }

  @Test
  void strictModeRequiresEverythingAndMakesOptionalPropertiesNullable() {
    JsonNode json = SchemaMapping.toJson(everything(), true);

    assertThat(json.get("required")).hasSize(9);
    assertThat(json.get("additionalProperties").booleanValue()).isFalse();
    JsonNode p = json.get("properties");
    assertThat(p.get("id").get("type").asText()).isEqualTo("string");
    assertThat(p.get("count").get("type")).isEqualTo(Json.parse("[\"integer\",\"null\"]"));
    assertThat(p.get("status").get("type").asText()).isEqualTo("string");
    assertThat(p.get("ship_to"))
        .isEqualTo(Json.parse("{\"anyOf\":[{\"$ref\":\"#/$defs/Address\"},{\"type\":\"null\"}]}"));
    assertThat(p.get("tags").get("items")).isEqualTo(Json.parse("{\"type\":\"string\"}"));
    assertThat(json.at("/$defs/Address/additionalProperties").booleanValue()).isFalse();
  }

  @Test
  void aStrictOptionalEnumAcceptsNullAmongItsValues() {
    JsonObjectSchema o =
        JsonObjectSchema.builder()
            .addProperty("s", JsonEnumSchema.builder().enumValues("A").build())
            .build();

    assertThat(SchemaMapping.toJson(o, true).at("/properties/s"))
        .isEqualTo(Json.parse("{\"type\":[\"string\",\"null\"],\"enum\":[\"A\",null]}"));
  }

  @Test
  void readsSchemasBackIntoTheSameElements() {
    JsonSchemaElement back = SchemaElements.element(SchemaMapping.toJson(everything(), false));

    assertThat(SchemaMapping.toJson(back, false))
        .isEqualTo(SchemaMapping.toJson(everything(), false));
    JsonObjectSchema o = (JsonObjectSchema) back;
    assertThat(o.properties().get("status")).isInstanceOf(JsonEnumSchema.class);
    assertThat(o.properties().get("ship_to")).isInstanceOf(JsonReferenceSchema.class);
    assertThat(o.properties().get("note")).isInstanceOf(JsonAnyOfSchema.class);
    assertThat(o.properties().get("code")).isInstanceOf(JsonRawSchema.class);
    assertThat(o.definitions()).containsOnlyKeys("Address");
  }

  @Test
  void keepsWhatNoElementCanHoldVerbatim() {
    String schema =
        "{\"type\":\"object\",\"properties\":{"
            + "\"n\":{\"type\":[\"integer\",\"null\"],\"minimum\":1},"
            + "\"when\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"m\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}},"
            + "\"required\":[\"n\",\"when\",\"m\"],\"additionalProperties\":false}";

    JsonObjectSchema root = SchemaElements.root(Json.parse(schema));

    assertThat(root.properties().values()).allMatch(e -> e instanceof JsonRawSchema);
    assertThat(SchemaMapping.toJson(root, false)).isEqualTo(Json.parse(schema));
  }

  @Test
  void offersTaskforceToolsAsSpecificationsWithTheirExactSchema() {
    ToolSpec spec =
        new ToolSpec(
            "find_order",
            "Finds an order",
            JsonSchema.fromJson(
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"pattern\":\"A-\\\\d+\"},"
                    + "\"note\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"id\",\"note\"],"
                    + "\"additionalProperties\":false}"),
            true);

    List<ToolSpecification> specs = LangChain4j.toolSpecifications(List.of(toolWith(spec)));

    ToolSpecification s = specs.get(0);
    assertThat(s.name()).isEqualTo("find_order");
    assertThat(s.description()).isEqualTo("Finds an order");
    assertThat(s.strict()).isTrue();
    assertThat(SchemaMapping.toJson(s.parameters(), false)).isEqualTo(spec.parameters().node());
    // LangChain4j's own strict rewriting leaves the schema as it was: it already is strict.
    assertThat(SchemaMapping.toJson(s.parameters(), true)).isEqualTo(spec.parameters().node());
  }

  record Address(String street, String zip) {}

  static final class ShippingTools {
    @dev.langchain4j.agent.tool.Tool("Ships a parcel")
    public String ship(
        @P("from") Address from,
        @P("to") Address to,
        @P(value = "labels by name", required = false) Map<String, String> labels,
        @P(value = "a note", required = false) String note) {
      return "shipped";
    }
  }

  @Test
  void generatedToolSchemasReachLangChain4jAndComeBackUnchanged() {
    // Definitions, $ref, nullable unions and map entry arrays, as Taskforce's generation makes
    // them.
    dev.taskforce.tool.ToolHandler tool = LangChain4j.tools(new ShippingTools()).get(0);
    JsonNode schema = tool.spec().parameters().node();
    assertThat(schema.at("/$defs").size()).isEqualTo(1); // Address is defined once, for both
    assertThat(schema.at("/properties/labels/type")).isEqualTo(Json.parse("[\"array\",\"null\"]"));

    ToolSpecification s = LangChain4j.toolSpecifications(List.of(tool)).get(0);

    assertThat(SchemaMapping.toJson(s.parameters(), false)).isEqualTo(schema);
    assertThat(SchemaMapping.toJson(s.parameters(), true)).isEqualTo(schema);
  }

  @Test
  void aToolSchemaMustBeAnObject() {
    assertThatThrownBy(() -> SchemaElements.root(Json.parse("{\"anyOf\":[]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"type\": \"object\"");
  }

  private static dev.taskforce.tool.ToolHandler toolWith(ToolSpec spec) {
    dev.taskforce.tool.ToolHandler echo = TestTools.echo(spec.name());
    return new dev.taskforce.tool.ToolHandler() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public dev.taskforce.tool.ToolResult call(
          String argumentsJson, dev.taskforce.tool.ToolContext context) {
        return echo.call(argumentsJson, context);
      }
    };
  }
}
