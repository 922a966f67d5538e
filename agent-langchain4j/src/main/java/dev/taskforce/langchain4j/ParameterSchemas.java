package dev.taskforce.langchain4j;

import dev.taskforce.schema.JsonSchema;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.schema.SchemaProperty;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the strict argument schema of a {@code @Tool} method with Taskforce's schema generation
 * ({@link JsonSchemas#strictObjectOf}): one property per model argument, every property required,
 * optional ones accepting {@code null}, maps as arrays of {@code {key, value}} entries, shared
 * definitions under the root's {@code $defs}.
 *
 * <p>The parameters' Jakarta constraints become keywords where strict mode allows them ({@code
 * pattern}, {@code minimum}, ...), so the model sees the rules it will be checked against; the
 * others are still enforced when the arguments are bound.
 */
final class ParameterSchemas {

  private ParameterSchemas() {}

  static JsonSchema of(Method method, List<ToolParameter> parameters) {
    List<SchemaProperty> properties = new ArrayList<>();
    for (ToolParameter p : parameters) {
      if (p.context()) {
        continue;
      }
      properties.add(
          new SchemaProperty(
              p.name(),
              p.type(),
              p.description() == null ? "" : p.description(),
              !p.required(),
              List.of(method.getParameters()[p.index()].getAnnotations())));
    }
    return JsonSchemas.strictObjectOf(properties);
  }
}
