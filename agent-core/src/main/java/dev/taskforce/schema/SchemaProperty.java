package dev.taskforce.schema;

import static java.util.Objects.requireNonNull;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One property of an object schema assembled from separately typed parts, such as the parameters of
 * a tool method (see {@link JsonSchemas#objectOf(List)}).
 *
 * @param name the property's name in the JSON object
 * @param type its Java type, described as {@link JsonSchemas#of(Type)} would
 * @param description what it means, for the model; empty for none
 * @param nullable whether it may be left out or {@code null}: not required in the normal form,
 *     required but accepting {@code null} in the strict form
 * @param annotations the property's annotations; Jakarta constraints among them become keywords
 *     ({@code @Size}, {@code @Min}, {@code @Pattern}, ...), others are ignored
 */
public record SchemaProperty(
    String name, Type type, String description, boolean nullable, List<Annotation> annotations) {

  /** Checks every component is present and copies the annotations. */
  public SchemaProperty {
    requireNonNull(name, "name == null");
    requireNonNull(type, "type == null");
    requireNonNull(description, "description == null");
    annotations = List.copyOf(annotations);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
  }
}
