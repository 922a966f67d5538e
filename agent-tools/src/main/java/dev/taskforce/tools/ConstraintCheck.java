package dev.taskforce.tools;

import dev.taskforce.internal.Json;
import dev.taskforce.internal.Validation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Jakarta Validation of bound arguments: the method's parameter constraints (executable
 * validation), and the constraints inside every argument object, nested ones included, whether or
 * not they are marked {@code @Valid}.
 *
 * <p>Paths use the JSON argument names at the top and Java property names below them.
 */
final class ConstraintCheck {

  private ConstraintCheck() {}

  /**
   * Whether a method declares constraints on its parameters (or cascades into them): found once per
   * tool, so that a method without any is not handed to the validator on every call.
   */
  static boolean declaresConstraints(Method method) {
    return Validation.validator()
            .getConstraintsForClass(method.getDeclaringClass())
            .getConstraintsForMethod(method.getName(), method.getParameterTypes())
        != null;
  }

  /**
   * @param target the object the method is called on, or {@code null} for a static method
   * @param constrained whether the method declares parameter constraints, so that the validator is
   *     asked about it (see {@link #declaresConstraints})
   * @param names the JSON name of each parameter, {@code null} for injected ones
   */
  static List<ArgumentProblem> check(
      @Nullable Object target,
      Method method,
      boolean constrained,
      @Nullable Object[] args,
      @Nullable String[] names) {
    Set<ArgumentProblem> problems = new LinkedHashSet<>();
    if (target != null && constrained) {
      for (ConstraintViolation<Object> v :
          Validation.validator().forExecutables().validateParameters(target, method, args)) {
        problems.add(new ArgumentProblem(parameterPath(v.getPropertyPath(), names), message(v)));
      }
    }
    Set<Object> visited = null;
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (names[i] != null && arg != null && !isPlain(arg.getClass())) {
        if (visited == null) {
          visited = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        walk(arg, "$." + names[i], visited, problems);
      }
    }
    if (problems.isEmpty()) {
      return List.of();
    }
    return problems.stream()
        .sorted(Comparator.comparing(ArgumentProblem::path).thenComparing(ArgumentProblem::message))
        .toList();
  }

  private static void walk(
      @Nullable Object value, String path, Set<Object> visited, Set<ArgumentProblem> out) {
    if (value == null || isPlain(value.getClass()) || !visited.add(value)) {
      return;
    }
    if (value instanceof Optional<?> o) {
      walk(o.orElse(null), path, visited, out);
    } else if (value instanceof Collection<?> c) {
      int i = 0;
      for (Object element : c) {
        walk(element, path + "[" + i++ + "]", visited, out);
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        walk(e.getValue(), path + "[" + Json.write(String.valueOf(e.getKey())) + "]", visited, out);
      }
    } else if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        walk(Array.get(value, i), path + "[" + i + "]", visited, out);
      }
    } else if (!value.getClass().getName().startsWith("java.")) {
      for (ConstraintViolation<Object> v : Validation.validator().validate(value)) {
        String inner = v.getPropertyPath().toString();
        out.add(new ArgumentProblem(inner.isEmpty() ? path : path + "." + inner, message(v)));
      }
      for (BeanProperties.Property p : BeanProperties.of(value.getClass()).read(value)) {
        walk(p.value(), path + "." + p.name(), visited, out);
      }
    }
  }

  private static boolean isPlain(Class<?> type) {
    return type.isPrimitive()
        || type.isEnum()
        || type == String.class
        || Number.class.isAssignableFrom(type)
        || type == Boolean.class
        || type == Character.class
        || (type.getName().startsWith("java.")
            && !Collection.class.isAssignableFrom(type)
            && !Map.class.isAssignableFrom(type)
            && type != Optional.class);
  }

  private static String parameterPath(Path path, @Nullable String[] names) {
    StringBuilder sb = new StringBuilder("$");
    boolean inParameter = false;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        String name = names[index];
        sb.append('.').append(name == null ? node.getName() : name);
        inParameter = true;
        continue;
      }
      if (!inParameter) {
        continue;
      }
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          sb.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          sb.append('[').append(Json.write(String.valueOf(node.getKey()))).append(']');
        }
      }
      if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
        sb.append('.').append(node.getName());
      }
    }
    return sb.toString();
  }

  private static String message(ConstraintViolation<?> v) {
    Object invalid = v.getInvalidValue();
    if (invalid instanceof String || invalid instanceof Number || invalid instanceof Boolean) {
      String shown = Json.write(invalid);
      return v.getMessage()
          + ", was "
          + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
    }
    return v.getMessage();
  }
}
