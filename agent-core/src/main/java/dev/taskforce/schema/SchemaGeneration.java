package dev.taskforce.schema;

import static dev.taskforce.schema.SchemaNodes.F;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.taskforce.internal.Json;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Generates normal-form schemas with victools: draft 2020-12, definitions under {@code $defs}, the
 * Jackson module (names, descriptions, ignored properties, subtypes) and the Jakarta Validation
 * module (constraints as keywords).
 *
 * <p>Every property is required unless its type is {@code Optional} or it is marked with an
 * annotation named {@code Nullable} (JSpecify's or any other); such properties also accept {@code
 * null}. Properties keep their declaration order, which is the order models write them in.
 */
final class SchemaGeneration {

  private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

  private SchemaGeneration() {}

  /** The normal-form schema of a type, as a new tree. */
  static ObjectNode generate(Type type) {
    return tidy(GENERATOR.generateSchema(type));
  }

  /** The normal-form schema of an object assembled from separately typed properties. */
  static ObjectNode generateObject(List<SchemaProperty> properties) {
    SchemaBuilder builder = GENERATOR.buildMultipleSchemaDefinitions();
    List<ObjectNode> references = new ArrayList<>();
    for (SchemaProperty p : properties) {
      Type optionalOf = optionalValue(p.type());
      references.add(builder.createSchemaReference(optionalOf == null ? p.type() : optionalOf));
    }
    // The references are filled in (inline or as $ref) when the definitions are collected.
    ObjectNode defs = builder.collectDefinitions("$defs");
    ObjectNode root = F.objectNode().put("type", "object");
    ObjectNode props = root.putObject("properties");
    ArrayNode required = root.putArray("required");
    for (int i = 0; i < properties.size(); i++) {
      SchemaProperty p = properties.get(i);
      ObjectNode schema = references.get(i);
      if (!p.description().isBlank()) {
        schema.put("description", p.description());
      }
      ParameterConstraints.apply(schema, p.annotations());
      if (p.nullable() || optionalValue(p.type()) != null) {
        SchemaNodes.makeNullable(schema);
      } else {
        required.add(p.name());
      }
      props.set(p.name(), schema);
    }
    root.put("additionalProperties", false);
    if (!defs.isEmpty()) {
      root.set("$defs", defs);
    }
    return tidy(root);
  }

  /**
   * Removes {@code additionalProperties} where victools puts it on schemas that are not objects
   * (the union it makes for an {@code Optional} of a custom definition, for example).
   */
  private static ObjectNode tidy(ObjectNode root) {
    SchemaNodes.forEachSchema(
        root,
        schema -> {
          if (schema.has("additionalProperties")
              && !SchemaNodes.mainType(schema).equals("object")) {
            schema.remove("additionalProperties");
          }
        });
    return root;
  }

  /**
   * The value type of an {@code Optional}, or {@code null} for other types. victools flattens
   * optionals only in fields, so standalone properties are unwrapped here.
   */
  static @Nullable Type optionalValue(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      Type arg = p.getActualTypeArguments()[0];
      return arg instanceof WildcardType w ? w.getUpperBounds()[0] : arg;
    }
    return type == Optional.class ? Object.class : null;
  }

  private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig config() {
    SchemaGeneratorConfigBuilder b =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(
                new JacksonModule(
                    JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                    JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY,
                    JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
            .with(new JakartaValidationModule(JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
            .with(
                Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                Option.STANDARD_FORMATS,
                Option.PLAIN_DEFINITION_KEYS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    b.forTypesInGeneral()
        .withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS)
        .withCustomDefinitionProvider(SchemaGeneration::customDefinition);
    b.forFields()
        .withRequiredCheck(f -> !optional(f))
        .withNullableCheck(f -> optional(f) ? Boolean.TRUE : null);
    return b.build();
  }

  private static @Nullable CustomDefinition customDefinition(
      ResolvedType type, SchemaGenerationContext context) {
    Class<?> raw = type.getErasedType();
    checkSealed(raw);
    ObjectNode fixed = raw.isEnum() ? enumSchema(raw) : FixedTypes.schema(raw);
    return fixed == null ? null : new CustomDefinition(fixed, true);
  }

  /**
   * An enum's values exactly as the shared mapper writes them, so that {@code @JsonProperty} and
   * {@code @JsonValue} on constants are honoured and every listed value reads back.
   */
  private static ObjectNode enumSchema(Class<?> type) {
    ArrayNode values = F.arrayNode();
    boolean strings = true;
    for (Object constant : type.getEnumConstants()) {
      JsonNode value = Json.MAPPER.valueToTree(constant);
      strings &= value.isTextual();
      values.add(value);
    }
    ObjectNode schema = F.objectNode();
    if (strings) {
      schema.put("type", "string");
    }
    schema.set("enum", values);
    return schema;
  }

  /** Jackson 2 reads a sealed type only with type info and listed subtypes; say so early. */
  private static void checkSealed(Class<?> raw) {
    if (raw.isSealed()
        && (raw.getAnnotation(JsonTypeInfo.class) == null
            || raw.getAnnotation(JsonSubTypes.class) == null)) {
      throw new IllegalArgumentException(
          "sealed type "
              + raw.getName()
              + " needs @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = \"type\") and"
              + " @JsonSubTypes listing its permitted subclasses, so that values can be read back"
              + " (Jackson 2 does not find permitted subclasses by itself)");
    }
  }

  private static boolean optional(FieldScope f) {
    if (f.getType() != null && f.getType().getErasedType() == Optional.class) {
      return true;
    }
    Field field = f.getRawMember();
    return isMarkedNullable(field, field.getAnnotatedType().getAnnotations());
  }

  /**
   * Whether an element or its type use carries an annotation named {@code Nullable}.
   *
   * @param element a field, method or parameter
   * @param typeAnnotations the annotations on its type use
   */
  static boolean isMarkedNullable(AnnotatedElement element, Annotation[] typeAnnotations) {
    for (Annotation a : element.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    for (Annotation a : typeAnnotations) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
