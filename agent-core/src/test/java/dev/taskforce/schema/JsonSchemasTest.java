package dev.taskforce.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.schema.SchemaTypes.Annotated;
import dev.taskforce.schema.SchemaTypes.Circle;
import dev.taskforce.schema.SchemaTypes.Collections;
import dev.taskforce.schema.SchemaTypes.Colour;
import dev.taskforce.schema.SchemaTypes.Constrained;
import dev.taskforce.schema.SchemaTypes.Dog;
import dev.taskforce.schema.SchemaTypes.Drawing;
import dev.taskforce.schema.SchemaTypes.Line;
import dev.taskforce.schema.SchemaTypes.Optionals;
import dev.taskforce.schema.SchemaTypes.Order;
import dev.taskforce.schema.SchemaTypes.Scalars;
import dev.taskforce.schema.SchemaTypes.Square;
import dev.taskforce.schema.SchemaTypes.Times;
import dev.taskforce.schema.SchemaTypes.TreeNode;
import dev.taskforce.schema.SchemaTypes.Wallet;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden schemas per family of Java types, in the normal and the strict form. */
class JsonSchemasTest {

  private static final String LINE =
      """
      {"type":"object","properties":{"sku":{"type":"string"},"quantity":{"type":"integer"}},
       "required":["sku","quantity"],"additionalProperties":false}""";

  @Test
  void primitivesBoxesStringsBigDecimalAndUuidAreRequiredScalars() {
    String expected =
        """
        {"type":"object","properties":{
          "count":{"type":"integer"},"boxed":{"type":"integer"},"big":{"type":"integer"},
          "ratio":{"type":"number"},"single":{"type":"number"},"flag":{"type":"boolean"},
          "boxedFlag":{"type":"boolean"},"text":{"type":"string"},"letter":{"type":"string"},
          "price":{"type":"number"},"id":{"type":"string","format":"uuid"}},
         "required":["count","boxed","big","ratio","single","flag","boxedFlag","text","letter",
                     "price","id"],
         "additionalProperties":false}""";
    assertGolden(Scalars.class, expected, expected);
  }

  @Test
  void enumsListTheValuesJacksonWrites() {
    assertThat(JsonSchemas.of(Colour.class).node())
        .isEqualTo(Json.parse("{\"type\":\"string\",\"enum\":[\"RED\",\"light-green\"]}"));
  }

  @Test
  void listsSetsArraysAndNestedListsAreArrays() {
    String expected =
        """
        {"type":"object","properties":{
          "tags":{"type":"array","items":{"type":"string"}},
          "colours":{"type":"array","items":{"type":"string","enum":["RED","light-green"]}},
          "scores":{"type":"array","items":{"type":"integer"}},
          "grid":{"type":"array","items":{"type":"array","items":{"type":"integer"}}}},
         "required":["tags","colours","scores","grid"],"additionalProperties":false}""";
    assertGolden(Collections.class, expected, expected);
  }

  @Test
  void javaTimeTypesAreStringsWithFormatsOrPatterns() {
    String time = "\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d{1,9})?)?";
    String expected =
        """
        {"type":"object","properties":{
          "at":{"type":"string","format":"date-time"},
          "offset":{"type":"string","format":"date-time"},
          "day":{"type":"string","format":"date"},
          "local":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}T%s$"},
          "clock":{"type":"string","pattern":"^%s$"},
          "span":{"type":"string","format":"duration"}},
         "required":["at","offset","day","local","clock","span"],"additionalProperties":false}"""
            .formatted(time, time);
    assertGolden(Times.class, expected, expected);
  }

  @Test
  void optionalAndNullablePropertiesAreLeftOutOfRequiredOrMadeNullableWhenStrict() {
    String properties =
        """
        {"note":{"type":["string","null"]},"limit":{"type":["integer","null"]},
         "colour":{"anyOf":[{"type":"null"},{"type":"string","enum":["RED","light-green"]}]}}""";
    assertGolden(
        Optionals.class,
        "{\"type\":\"object\",\"properties\":" + properties + ",\"additionalProperties\":false}",
        "{\"type\":\"object\",\"properties\":"
            + properties
            + ",\"required\":[\"note\",\"limit\",\"colour\"],\"additionalProperties\":false}");
  }

  @Test
  void jacksonAnnotationsRenameDescribeAndHideProperties() {
    String expected =
        """
        {"type":"object","properties":{
          "full_name":{"type":"string","description":"The person's full name"},
          "age":{"type":"integer"}},
         "required":["full_name","age"],"additionalProperties":false}""";
    assertGolden(Annotated.class, expected, expected);
  }

  @Test
  void jakartaConstraintsBecomeKeywordsAndStrictDropsTheUnsupportedOnes() {
    String normal =
        """
        {"type":"object","properties":{
          "name":{"type":"string","minLength":2,"maxLength":20},
          "quantity":{"type":"integer","minimum":1,"maximum":10},
          "price":{"type":"number","minimum":0.01,"exclusiveMaximum":1000},
          "currency":{"type":"string","pattern":"^[A-Z]{3}$"},
          "email":{"type":"string","format":"email"},
          "id":{"type":"integer","exclusiveMinimum":0},
          "comment":{"type":"string","minLength":1},
          "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":5}},
         "required":["name","quantity","price","currency","email","id","comment","tags"],
         "additionalProperties":false}""";
    String strict =
        normal.replace(",\"minLength\":2,\"maxLength\":20", "").replace(",\"minLength\":1", "");
    assertGolden(Constrained.class, normal, strict);
  }

  @Test
  void classesIncludeInheritedFieldsSuperclassFirst() {
    String expected =
        """
        {"type":"object","properties":{"name":{"type":"string"},"goodBoy":{"type":"boolean"}},
         "required":["name","goodBoy"],"additionalProperties":false}""";
    assertGolden(Dog.class, expected, expected);
  }

  @Test
  void typesUsedTwiceAreDefinedOnceUnderDefs() {
    String expected =
        """
        {"$defs":{"Line":%s},"type":"object","properties":{
          "first":{"$ref":"#/$defs/Line"},
          "lines":{"type":"array","items":{"$ref":"#/$defs/Line"}},
          "last":{"$ref":"#/$defs/Line"}},
         "required":["first","lines","last"],"additionalProperties":false}"""
            .formatted(LINE);
    assertGolden(Order.class, expected, expected);
  }

  @Test
  void recursiveTypesReferToTheRoot() {
    String expected =
        """
        {"type":"object","properties":{"label":{"type":"string"},
          "children":{"type":"array","items":{"$ref":"#"}}},
         "required":["label","children"],"additionalProperties":false}""";
    assertGolden(TreeNode.class, expected, expected);
  }

  @Test
  void mapsAreObjectsNormallyAndEntryArraysWhenStrict() {
    String normal =
        """
        {"$defs":{"Line":%s},"type":"object","properties":{
          "balances":{"type":"object","additionalProperties":{"type":"number"}},
          "lines":{"type":["object","null"],"additionalProperties":{"$ref":"#/$defs/Line"}}},
         "required":["balances"],"additionalProperties":false}"""
            .formatted(LINE);
    String strict =
        """
        {"$defs":{"Line":%s},"type":"object","properties":{
          "balances":{"type":"array","items":{"type":"object","properties":{
            "key":{"type":"string"},"value":{"type":"number"}},
            "required":["key","value"],"additionalProperties":false}},
          "lines":{"type":["array","null"],"items":{"type":"object","properties":{
            "key":{"type":"string"},"value":{"$ref":"#/$defs/Line"}},
            "required":["key","value"],"additionalProperties":false}}},
         "required":["balances","lines"],"additionalProperties":false}"""
            .formatted(LINE);
    assertGolden(Wallet.class, normal, strict);
  }

  @Test
  void sealedInterfacesWithJacksonTypeInfoAreAnyOfWithADiscriminator() {
    String normal =
        """
        {"$defs":{
          "Circle":{"type":"object","properties":{"radius":{"type":"number"},
            "kind":{"const":"circle"}},"required":["radius","kind"],"additionalProperties":false},
          "Square":{"type":"object","properties":{"side":{"type":"number"},
            "kind":{"const":"square"}},"required":["side","kind"],"additionalProperties":false}},
         "type":"object","properties":{
          "main":{"anyOf":[{"$ref":"#/$defs/Circle"},{"$ref":"#/$defs/Square"}]},
          "others":{"type":"array","items":{"anyOf":[{"$ref":"#/$defs/Circle"},
            {"$ref":"#/$defs/Square"}]}}},
         "required":["main","others"],"additionalProperties":false}""";
    String strict =
        normal
            .replace("{\"const\":\"circle\"}", "{\"type\":\"string\",\"const\":\"circle\"}")
            .replace("{\"const\":\"square\"}", "{\"type\":\"string\",\"const\":\"square\"}");
    assertGolden(Drawing.class, normal, strict);
  }

  @Test
  void parameterizedTypesAreDescribed() {
    Type listOfLines = new TypeReference<List<Line>>() {}.getType();
    assertThat(JsonSchemas.of(listOfLines).node())
        .isEqualTo(Json.parse("{\"type\":\"array\",\"items\":" + LINE + "}"));
  }

  @Test
  void propertiesKeepTheirDeclarationOrder() {
    List<String> names = new ArrayList<>();
    JsonSchemas.strictOf(Scalars.class)
        .node()
        .get("properties")
        .fieldNames()
        .forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "count",
            "boxed",
            "big",
            "ratio",
            "single",
            "flag",
            "boxedFlag",
            "text",
            "letter",
            "price",
            "id");
  }

  @Test
  void schemasAreGeneratedOncePerType() {
    assertThat(JsonSchemas.strictOf(Order.class)).isSameAs(JsonSchemas.strictOf(Order.class));
    assertThat(JsonSchemas.of(Order.class)).isSameAs(JsonSchemas.of(Order.class));
  }

  @Test
  void everyStrictGoldenPassesTheChecker() {
    for (Class<?> type :
        List.of(
            Scalars.class,
            Collections.class,
            Times.class,
            Optionals.class,
            Annotated.class,
            Constrained.class,
            Dog.class,
            Order.class,
            TreeNode.class,
            Wallet.class,
            Drawing.class,
            Circle.class,
            Square.class)) {
      assertThat(JsonSchemas.checkStrict(JsonSchemas.strictOf(type))).as(type.getName()).isEmpty();
    }
  }

  @Test
  void sealedTypesWithoutTypeInfoAreRejectedWithTheFix() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonSchemas.of(SchemaTypes.HasBare.class))
        .withMessageContaining("sealed type dev.taskforce.schema.SchemaTypes$Bare")
        .withMessageContaining("@JsonTypeInfo")
        .withMessageContaining("@JsonSubTypes");
  }

  @Test
  void strictOfRejectsTypesWithoutAStrictFormListingEveryProblem() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonSchemas.strictOf(SchemaTypes.HasObject.class))
        .withMessageContaining("SchemaTypes$HasObject")
        .withMessageContaining("/properties/anything: the schema has no type");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonSchemas.strictOf(SchemaTypes.Shape.class))
        .withMessageContaining("(root): the root must not be anyOf")
        .withMessageContaining("(root): the root must have \"type\": \"object\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonSchemas.strictOf(String.class))
        .withMessageContaining("the root must have \"type\": \"object\"");
  }

  private static void assertGolden(Class<?> type, String normal, String strict) {
    JsonNode expectedNormal = Json.parse(normal);
    JsonNode expectedStrict = Json.parse(strict);
    assertThat(JsonSchemas.of(type).node()).as("normal form").isEqualTo(expectedNormal);
    assertThat(JsonSchemas.strictOf(type).node()).as("strict form").isEqualTo(expectedStrict);
  }
}
