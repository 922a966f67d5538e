package dev.taskforce.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.taskforce.internal.Json;
import dev.taskforce.schema.SchemaTypes.Constrained;
import dev.taskforce.schema.SchemaTypes.Line;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Object schemas assembled from separately typed properties, as for tool parameters. */
class AssembledSchemaTest {

  @SuppressWarnings("unused") // Its parameters are the test's subject.
  static void constrained(
      @jakarta.validation.constraints.NotNull
          @jakarta.validation.constraints.Size(min = 2, max = 20)
          String name,
      @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(10) int quantity,
      @jakarta.validation.constraints.DecimalMin("0.01")
          @jakarta.validation.constraints.DecimalMax(value = "1000", inclusive = false)
          java.math.BigDecimal price,
      @jakarta.validation.constraints.Pattern(regexp = "^[A-Z]{3}$") String currency,
      @jakarta.validation.constraints.Email String email,
      @jakarta.validation.constraints.Positive long id,
      @jakarta.validation.constraints.NotBlank String comment,
      @jakarta.validation.constraints.NotEmpty @jakarta.validation.constraints.Size(max = 5)
          List<String> tags) {}

  @Test
  void parameterConstraintsGiveTheSameKeywordsAsTheSameConstraintsOnARecord() throws Exception {
    Method method = getClass().getDeclaredMethod("constrained", paramTypes());
    List<SchemaProperty> props =
        Arrays.stream(method.getParameters())
            .map(
                p ->
                    new SchemaProperty(
                        p.getName(), p.getParameterizedType(), "", false, annotations(p)))
            .toList();
    assertThat(JsonSchemas.objectOf(props).node())
        .isEqualTo(JsonSchemas.of(Constrained.class).node());
    assertThat(JsonSchemas.strictObjectOf(props).node())
        .isEqualTo(JsonSchemas.strictOf(Constrained.class).node());
  }

  @Test
  void sharedTypesAcrossPropertiesAreDefinedOnceAndNullablePropertiesAcceptNull() {
    List<SchemaProperty> props =
        List.of(
            new SchemaProperty("first", Line.class, "The first line", false, List.of()),
            new SchemaProperty("second", Line.class, "", true, List.of()),
            new SchemaProperty("note", String.class, "A note", true, List.of()));
    String line =
        "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"},"
            + "\"quantity\":{\"type\":\"integer\"}},\"required\":[\"sku\",\"quantity\"],"
            + "\"additionalProperties\":false}";
    assertThat(JsonSchemas.strictObjectOf(props).node())
        .isEqualTo(
            Json.parse(
                """
                {"type":"object","properties":{
                  "first":{"$ref":"#/$defs/Line","description":"The first line"},
                  "second":{"anyOf":[{"$ref":"#/$defs/Line"},{"type":"null"}]},
                  "note":{"type":["string","null"],"description":"A note"}},
                 "required":["first","second","note"],"additionalProperties":false,
                 "$defs":{"Line":%s}}"""
                    .formatted(line)));
    assertThat(JsonSchemas.objectOf(props).node().get("required"))
        .isEqualTo(Json.parse("[\"first\"]"));
  }

  @Test
  void optionalPropertiesAreNullable() {
    SchemaProperty p =
        new SchemaProperty(
            "limit",
            new com.fasterxml.jackson.core.type.TypeReference<Optional<Integer>>() {}.getType(),
            "",
            true,
            List.of());
    assertThat(JsonSchemas.strictObjectOf(List.of(p)).node().at("/properties/limit"))
        .isEqualTo(Json.parse("{\"type\":[\"integer\",\"null\"]}"));
  }

  @Test
  void duplicateNamesAreRejected() {
    SchemaProperty a = new SchemaProperty("a", String.class, "", false, List.of());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonSchemas.objectOf(List.of(a, a)))
        .withMessage("properties share a name: [a]");
  }

  @Test
  void propertiesWithoutAStrictFormAreReportedByPath() {
    SchemaProperty any = new SchemaProperty("any", Object.class, "", false, List.of());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonSchemas.strictObjectOf(List.of(any)))
        .withMessageContaining("/properties/any: the schema has no type");
  }

  private static Class<?>[] paramTypes() {
    return Arrays.stream(Constrained.class.getRecordComponents())
        .map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
  }

  private static List<Annotation> annotations(Parameter p) {
    return List.of(p.getAnnotations());
  }
}
