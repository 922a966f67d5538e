package dev.taskforce.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.taskforce.internal.Json;
import dev.taskforce.internal.Validation;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.tool.ToolContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns the model's arguments text into the Java arguments of a {@code @Tool} method, collecting
 * every problem (malformed JSON, unknown, missing and mistyped arguments, then Jakarta constraint
 * violations on the parameters and inside bound objects) so the model can fix them all at once.
 */
final class ArgumentBinder {

  /** The outcome: the arguments, or the problems found (each starting with the argument's name). */
  record Bound(Object @Nullable [] arguments, List<String> problems) {}

  private final Object target;
  private final Method method;
  private final List<ToolParameter> parameters;

  ArgumentBinder(Object target, Method method, List<ToolParameter> parameters) {
    this.target = target;
    this.method = method;
    this.parameters = parameters;
  }

  Bound bind(String argumentsJson, ToolContext context) {
    JsonNode args;
    try {
      args = argumentsJson.isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(argumentsJson);
    } catch (IllegalArgumentException e) {
      return new Bound(null, List.of("the arguments are not valid JSON: " + e.getMessage()));
    }
    if (!args.isObject()) {
      return new Bound(null, List.of("the arguments must be a JSON object, got: " + excerpt(args)));
    }
    Set<String> problems = new LinkedHashSet<>();
    unknownArguments(args, problems);
    Object[] values = new Object[parameters.size()];
    for (ToolParameter p : parameters) {
      values[p.index()] = p.context() ? context : value(p, args.get(p.name()), problems);
    }
    if (problems.isEmpty()) {
      validate(values, problems);
    }
    return problems.isEmpty()
        ? new Bound(values, List.of())
        : new Bound(null, List.copyOf(problems));
  }

  private void unknownArguments(JsonNode args, Set<String> problems) {
    Set<String> known =
        parameters.stream()
            .filter(p -> !p.context())
            .map(ToolParameter::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Iterator<String> names = args.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!known.contains(n)) {
        problems.add(n + ": unknown argument; this tool takes " + known);
      }
    }
  }

  private @Nullable Object value(ToolParameter p, @Nullable JsonNode node, Set<String> problems) {
    if (node == null || node.isNull()) {
      if (p.defaultValue() != null) {
        node = p.defaultValue();
      } else if (p.required()) {
        problems.add(p.name() + ": missing; it is required");
        return null;
      } else if (p.optionalWrapper()) {
        return Optional.empty();
      } else if (p.primitive()) {
        problems.add(p.name() + ": must be a " + p.type().getTypeName() + ", got null");
        return null;
      } else {
        return null;
      }
    }
    try {
      // The strict schema asks for maps as entry arrays; this reader takes both shapes.
      ObjectReader reader = JsonSchemas.reader(p.type());
      Object value = reader.readValue(node);
      return p.optionalWrapper() ? Optional.ofNullable(value) : value;
    } catch (JsonMappingException e) {
      problems.add(p.name() + mappingPath(e) + ": " + mappingProblem(e, p, node));
      return null;
    } catch (JsonProcessingException e) {
      problems.add(p.name() + ": " + e.getOriginalMessage());
      return null;
    } catch (java.io.IOException e) {
      problems.add(p.name() + ": " + e.getMessage());
      return null;
    }
  }

  private void validate(Object[] values, Set<String> problems) {
    // Validators report in no particular order: sort by parameter, then path, for a stable text.
    List<Violation> found = new ArrayList<>();
    var validator = Validation.validator();
    for (ConstraintViolation<Object> v :
        validator.forExecutables().validateParameters(target, method, values)) {
      found.add(new Violation(parameterIndex(v.getPropertyPath()), path(v.getPropertyPath()), v));
    }
    // Constraints inside bound objects apply even without @Valid on the parameter.
    for (ToolParameter p : parameters) {
      Object value = values[p.index()];
      if (value instanceof Optional<?> o) {
        value = o.orElse(null);
      }
      if (p.context() || value == null || isJdkType(value.getClass())) {
        continue;
      }
      for (ConstraintViolation<Object> v : validator.validate(value)) {
        found.add(new Violation(p.index(), p.name() + "." + v.getPropertyPath(), v));
      }
    }
    found.sort(
        java.util.Comparator.comparingInt(Violation::index)
            .thenComparing(Violation::path)
            .thenComparing(Violation::text));
    found.forEach(v -> problems.add(v.text()));
  }

  private record Violation(int index, String path, String text) {
    Violation(int index, String path, ConstraintViolation<Object> v) {
      this(index, path, path + ": " + v.getMessage() + got(v.getInvalidValue()));
    }
  }

  private static int parameterIndex(Path path) {
    for (Path.Node n : path) {
      if (n.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        return n.as(Path.ParameterNode.class).getParameterIndex();
      }
    }
    return 0;
  }

  /**
   * {@code findOrder.id} or {@code findOrder.arg0.street} as {@code id} / {@code address.street}.
   */
  private String path(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node n : path) {
      if (n.getKind() == jakarta.validation.ElementKind.METHOD) {
        continue;
      }
      if (n.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        int index = n.as(Path.ParameterNode.class).getParameterIndex();
        sb.append(parameters.get(index).name());
        continue;
      }
      if (n.getName() == null) {
        continue;
      }
      sb.append('.').append(n.getName());
      if (n.getIndex() != null) {
        sb.append('[').append(n.getIndex()).append(']');
      } else if (n.getKey() != null) {
        sb.append('[').append(n.getKey()).append(']');
      }
    }
    return sb.toString();
  }

  private static String mappingPath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String mappingProblem(JsonMappingException e, ToolParameter p, JsonNode node) {
    String message = e.getOriginalMessage();
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      java.util.Collections.sort(known);
      return "unknown field; known: " + known;
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
        && m.getTargetType() != null) {
      return "expected " + describe(m.getTargetType()) + ", got " + excerpt(node);
    }
    return message == null ? "cannot be read as " + p.type().getTypeName() : firstLine(message);
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "an array of {\"key\": ..., \"value\": ...} entries"; // the strict schema's shape
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        names.add(((Enum<?>) c).name());
      }
      return "one of " + names;
    }
    return "a " + type.getSimpleName();
  }

  private static String got(@Nullable Object invalid) {
    if (invalid == null || invalid.getClass().isArray()) {
      return "";
    }
    String s = String.valueOf(invalid);
    return " (got "
        + (invalid instanceof CharSequence ? "\"" + abbreviate(s) + "\"" : abbreviate(s))
        + ")";
  }

  private static boolean isJdkType(Class<?> c) {
    String n = c.getName();
    return c.isPrimitive() || n.startsWith("java.") || n.startsWith("javax.") || c.isEnum();
  }

  private static String excerpt(JsonNode node) {
    return abbreviate(node.toString());
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
