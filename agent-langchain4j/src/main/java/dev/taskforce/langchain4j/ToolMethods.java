package dev.taskforce.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.Tool;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolSpec;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the LangChain4j {@code @Tool} methods of objects and makes each a {@link ToolHandler}.
 *
 * <p>Methods are read once, here; anything Taskforce cannot honour fails now, naming the method.
 */
final class ToolMethods {

  private ToolMethods() {}

  static List<ToolHandler> from(Object... objects) {
    requireNonNull(objects, "objects == null");
    Map<String, MethodToolHandler> byName = new LinkedHashMap<>();
    for (Object o : objects) {
      requireNonNull(o, "objects contains null");
      List<Method> methods = toolMethods(o.getClass());
      if (methods.isEmpty()) {
        throw new IllegalArgumentException(
            o.getClass().getName() + " has no method annotated with LangChain4j's @Tool");
      }
      for (Method m : methods) {
        MethodToolHandler h = handler(o, m);
        MethodToolHandler clash = byName.putIfAbsent(h.spec().name(), h);
        if (clash != null) {
          throw new IllegalArgumentException(
              "two tools are named " + h.spec().name() + ": " + clash + " and " + h);
        }
      }
    }
    return List.copyOf(byName.values());
  }

  private static MethodToolHandler handler(Object target, Method method) {
    Tool tool = method.getAnnotation(Tool.class);
    if (tool.returnBehavior() != ReturnBehavior.TO_LLM) {
      throw new IllegalArgumentException(
          "@Tool(returnBehavior = "
              + tool.returnBehavior()
              + ") is not supported: a Taskforce agent always gives tool results to the model"
              + "\n    for method "
              + describe(method));
    }
    if (!Modifier.isPublic(method.getModifiers())
        || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
      try {
        method.setAccessible(true);
      } catch (InaccessibleObjectException | SecurityException e) {
        throw new IllegalArgumentException(
            "@Tool method is not accessible (make it public, or open its package)"
                + "\n    for method "
                + describe(method),
            e);
      }
    }
    String name = tool.name().isBlank() ? method.getName() : tool.name();
    String description = String.join("\n", tool.value()).strip();
    List<ToolParameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameterCount(); i++) {
      parameters.add(ToolParameter.of(method, i));
    }
    ToolSpec spec;
    try {
      spec = new ToolSpec(name, description, ParameterSchemas.of(method, parameters), true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage() + "\n    for method " + describe(method), e);
    }
    return new MethodToolHandler(target, method, spec, parameters);
  }

  /** The {@code @Tool} methods of a class and its superclasses, overridden ones once. */
  private static List<Method> toolMethods(Class<?> type) {
    List<Method> found = new ArrayList<>();
    Set<String> signatures = new HashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isBridge() || m.isSynthetic() || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        String signature = m.getName() + java.util.Arrays.toString(m.getParameterTypes());
        if (signatures.add(signature) && m.isAnnotationPresent(Tool.class)) {
          found.add(m);
        }
      }
    }
    found.sort(java.util.Comparator.comparing(Method::getName));
    return found;
  }

  /** {@code OrderTools.findOrder(String)}, for error messages. */
  static String describe(Method m) {
    StringBuilder sb =
        new StringBuilder(m.getDeclaringClass().getSimpleName()).append('.').append(m.getName());
    sb.append('(');
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
    }
    return sb.append(')').toString();
  }
}
