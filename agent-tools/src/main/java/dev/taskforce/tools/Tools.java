package dev.taskforce.tools;

import static java.util.Objects.requireNonNull;

import dev.taskforce.tool.ToolHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns objects with {@link Tool} methods into tools a model can call.
 *
 * <pre>{@code
 * final class OrderTools {
 *   @Tool("Look up an order by its id")
 *   public Order findOrder(@Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id,
 *                          Tenant tenant) {   // no @Param: injected from the ToolContext
 *     ...
 *   }
 * }
 *
 * Agent agent = Agent.builder().model(model).tools(Tools.from(new OrderTools(db))).build();
 * }</pre>
 *
 * <p>Each public {@code @Tool} method becomes one {@link ToolHandler} with a strict argument schema
 * built from its {@code @Param} parameters. When called, the model's arguments are checked and
 * bound before the method runs; every problem (malformed JSON, missing, unknown or mistyped fields,
 * Jakarta constraint violations, nested ones included) goes back to the model in one failure, and
 * the method is not called. Parameters without {@code @Param} are injected: a {@code ToolContext},
 * its {@code CancellationToken}, or an application value the caller put into the context under the
 * parameter's type. A {@code String} result is returned as is, {@code void} as {@code "done"},
 * anything else as JSON; an exception becomes a failure with its message.
 *
 * <p>Methods are read once per class and checked eagerly. Thread-safe; the returned handlers are
 * thread-safe if the objects' methods are.
 */
public final class Tools {

  private static final ClassValue<List<ToolMethod>> METHODS =
      new ClassValue<>() {
        @Override
        protected List<ToolMethod> computeValue(Class<?> type) {
          return scan(type);
        }
      };

  private Tools() {}

  /**
   * The tools of the given objects, in argument order and, within an object, by tool name.
   *
   * @param targets objects with public {@link Tool} methods (static ones included)
   * @return one handler per method
   * @throws IllegalArgumentException naming the class and method, if an object has no tools, two
   *     tools share a name, a name is not {@code ^[a-zA-Z0-9_-]{1,64}$}, a {@code @Tool} method is
   *     not public or cannot be called, a parameter has no JSON schema (a type variable, {@code
   *     Object}) or no {@code @Param} while not injectable, or the argument schema is not strict
   */
  public static List<ToolHandler> from(Object... targets) {
    requireNonNull(targets, "targets == null");
    List<ToolHandler> handlers = new ArrayList<>();
    Map<String, ToolMethod> byName = new LinkedHashMap<>();
    for (Object target : targets) {
      requireNonNull(target, "targets contains null");
      List<ToolMethod> methods = METHODS.get(target.getClass());
      if (methods.isEmpty()) {
        throw new IllegalArgumentException(
            target.getClass().getName() + " has no public @Tool methods");
      }
      for (ToolMethod m : methods) {
        ToolMethod other = byName.putIfAbsent(m.name, m);
        if (other != null) {
          throw m.error(
              "tool name \""
                  + m.name
                  + "\" is also used by "
                  + other.method.getDeclaringClass().getName()
                  + "."
                  + other.method.getName());
        }
        handlers.add(new MethodToolHandler(m, target));
      }
    }
    return List.copyOf(handlers);
  }

  private static List<ToolMethod> scan(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Tool.class) && !Modifier.isPublic(m.getModifiers())) {
          ToolMethod.parse(m); // throws: "@Tool method must be public"
        }
      }
    }
    List<ToolMethod> methods = new ArrayList<>();
    Map<String, ToolMethod> byName = new LinkedHashMap<>();
    for (Method m : type.getMethods()) {
      if (m.isAnnotationPresent(Tool.class) && !m.isBridge() && !m.isSynthetic()) {
        ToolMethod parsed = ToolMethod.parse(m);
        ToolMethod other = byName.putIfAbsent(parsed.name, parsed);
        if (other != null) {
          throw parsed.error("tool name \"" + parsed.name + "\" is also used by " + other.where());
        }
        methods.add(parsed);
      }
    }
    methods.sort(Comparator.comparing(m -> m.name));
    return List.copyOf(methods);
  }
}
