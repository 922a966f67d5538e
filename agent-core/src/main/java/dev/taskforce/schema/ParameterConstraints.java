package dev.taskforce.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.List;

/**
 * Jakarta constraints of a standalone property (a tool parameter) as schema keywords.
 *
 * <p>victools' Jakarta module does this for fields and getters; a method parameter is neither, so
 * the same mapping is applied here by hand. A test keeps the two in step.
 */
final class ParameterConstraints {

  private ParameterConstraints() {}

  static void apply(ObjectNode schema, List<Annotation> annotations) {
    String type = SchemaNodes.mainType(schema);
    for (Annotation a : annotations) {
      if (a instanceof Size s) {
        lengths(schema, type, s.min(), s.max());
      } else if (a instanceof NotEmpty || a instanceof NotBlank) {
        lengths(schema, type, 1, Integer.MAX_VALUE);
      } else if (a instanceof Min m && numeric(type)) {
        schema.put("minimum", m.value());
      } else if (a instanceof Max m && numeric(type)) {
        schema.put("maximum", m.value());
      } else if (a instanceof DecimalMin m && numeric(type)) {
        schema.put(m.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(m.value()));
      } else if (a instanceof DecimalMax m && numeric(type)) {
        schema.put(m.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(m.value()));
      } else if (a instanceof Positive && numeric(type)) {
        schema.put("exclusiveMinimum", 0);
      } else if (a instanceof PositiveOrZero && numeric(type)) {
        schema.put("minimum", 0);
      } else if (a instanceof Negative && numeric(type)) {
        schema.put("exclusiveMaximum", 0);
      } else if (a instanceof NegativeOrZero && numeric(type)) {
        schema.put("maximum", 0);
      } else if (a instanceof Pattern p && type.equals("string")) {
        schema.put("pattern", p.regexp());
      } else if (a instanceof Email && type.equals("string")) {
        schema.put("format", "email");
      }
    }
  }

  private static boolean numeric(String type) {
    return type.equals("integer") || type.equals("number");
  }

  private static void lengths(ObjectNode schema, String type, int min, int max) {
    String prefix =
        switch (type) {
          case "string" -> "Length";
          case "array" -> "Items";
          case "object" -> "Properties";
          default -> "";
        };
    if (prefix.isEmpty()) {
      return;
    }
    if (min > 0) {
      schema.put("min" + prefix, min);
    }
    if (max < Integer.MAX_VALUE) {
      schema.put("max" + prefix, max);
    }
  }
}
