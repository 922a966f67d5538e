package dev.taskforce.langchain4j;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.ToolMemoryId;
import dev.langchain4j.invocation.InvocationParameters;
import dev.taskforce.internal.Json;
import dev.taskforce.tool.ToolContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of a LangChain4j {@code @Tool} method: an argument the model supplies, or the
 * {@link ToolContext} Taskforce injects.
 *
 * @param index the parameter's position
 * @param name the argument's name in the schema (for the context: the parameter's name)
 * @param description what the argument means, or {@code null}
 * @param type the Java type the argument is bound to ({@code T} for an {@code Optional<T>})
 * @param required whether the model must supply it
 * @param optionalWrapper whether the parameter is an {@code Optional<T>}
 * @param defaultValue the value used when the model leaves it out, or {@code null}
 * @param context whether this is the injected {@link ToolContext}
 */
record ToolParameter(
    int index,
    String name,
    @Nullable String description,
    Type type,
    boolean required,
    boolean optionalWrapper,
    @Nullable JsonNode defaultValue,
    boolean context) {

  ToolParameter {
    requireNonNull(name, "name == null");
    requireNonNull(type, "type == null");
  }

  /** Reads a parameter, failing fast (naming the method) on what Taskforce cannot support. */
  static ToolParameter of(Method method, int index) {
    Parameter p = method.getParameters()[index];
    String where = "\n    for parameter " + index + " of " + ToolMethods.describe(method);
    if (p.getType() == ToolContext.class) {
      return new ToolParameter(
          index, p.getName(), null, ToolContext.class, false, false, null, true);
    }
    if (p.isAnnotationPresent(ToolMemoryId.class)) {
      throw new IllegalArgumentException(
          "@ToolMemoryId is not supported: Taskforce has no chat memory id; take a ToolContext"
              + " parameter for the run id and caller-supplied values"
              + where);
    }
    if (p.getType() == InvocationParameters.class
        || p.getType().getName().startsWith("dev.langchain4j.invocation.")) {
      throw new IllegalArgumentException(
          p.getType().getSimpleName()
              + " parameters are not supported; take a ToolContext parameter instead"
              + where);
    }
    P ann = p.getAnnotation(P.class);
    String name = ann != null && !ann.name().isBlank() ? ann.name() : p.getName();
    if (!p.isNamePresent() && (ann == null || ann.name().isBlank())) {
      throw new IllegalArgumentException(
          "parameter names are not available: compile with -parameters or set @P(name = ...)"
              + where);
    }
    String description = ann == null ? null : description(ann);
    Type type = p.getParameterizedType();
    boolean optionalWrapper = p.getType() == Optional.class;
    if (optionalWrapper) {
      type = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
    }
    JsonNode defaultValue =
        ann == null || ann.defaultValue().equals(P.NO_DEFAULT)
            ? null
            : defaultValue(ann.defaultValue(), type, where);
    boolean required = !optionalWrapper && defaultValue == null && (ann == null || ann.required());
    return new ToolParameter(
        index, name, description, type, required, optionalWrapper, defaultValue, false);
  }

  /** Whether the Java type cannot hold {@code null}. */
  boolean primitive() {
    return type instanceof Class<?> c && c.isPrimitive();
  }

  private static @Nullable String description(P ann) {
    String d = !ann.description().isBlank() ? ann.description() : ann.value();
    return d.isBlank() ? null : d;
  }

  private static JsonNode defaultValue(String text, Type type, String where) {
    // A default is written as JSON ("3", "true", "[1,2]") or, for text, as the plain string.
    JsonNode node;
    try {
      node = Json.parse(text);
    } catch (IllegalArgumentException notJson) {
      node = Json.MAPPER.getNodeFactory().textNode(text);
    }
    try {
      Json.MAPPER.convertValue(node, Json.MAPPER.getTypeFactory().constructType(type));
    } catch (IllegalArgumentException e) {
      try {
        JsonNode asText = Json.MAPPER.getNodeFactory().textNode(text);
        Json.MAPPER.convertValue(asText, Json.MAPPER.getTypeFactory().constructType(type));
        return asText;
      } catch (IllegalArgumentException e2) {
        throw new IllegalArgumentException(
            "@P(defaultValue = \"" + text + "\") is not a valid " + type.getTypeName() + where, e);
      }
    }
    return node;
  }
}
