package dev.taskforce.langchain4j;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads provider-specific values that langchain4j-core has no name for, by their accessor names:
 * {@code OpenAiChatRequestParameters.reasoningEffort()} on request parameters, {@code
 * OpenAiTokenUsage.inputTokensDetails().cachedTokens()} on token usage, and so on.
 *
 * <p>This keeps the adapter free of a compile dependency on any LangChain4j provider module while
 * honouring what an application already sets when it moves from, for example, {@code
 * OpenAiChatModel} to {@code TaskforceChatModel}. An accessor counts only when it is a public
 * instance method of a public class, takes no arguments and returns the expected type; anything
 * else is treated as absent.
 */
final class Accessors {

  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> found = new HashMap<>();
          if (Modifier.isPublic(type.getModifiers())) {
            for (Method m : type.getMethods()) {
              if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                found.put(m.getName(), m);
              }
            }
          }
          return Map.copyOf(found);
        }
      };

  private Accessors() {}

  /**
   * The value of {@code target.accessor()} when it exists and returns the expected type.
   *
   * @return the value, or {@code null} when absent, of another type, or {@code null} itself
   */
  static <T> @Nullable T get(@Nullable Object target, String accessor, Class<T> type) {
    if (target == null) {
      return null;
    }
    Method m = ACCESSORS.get(target.getClass()).get(accessor);
    if (m == null || !type.isAssignableFrom(boxed(m.getReturnType()))) {
      return null;
    }
    try {
      return type.cast(m.invoke(target));
    } catch (IllegalAccessException e) {
      return null;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          target.getClass().getSimpleName() + "." + accessor + "() failed", e.getCause());
    }
  }

  private static Class<?> boxed(Class<?> c) {
    if (c == int.class) {
      return Integer.class;
    }
    if (c == boolean.class) {
      return Boolean.class;
    }
    if (c == long.class) {
      return Long.class;
    }
    if (c == double.class) {
      return Double.class;
    }
    return c;
  }
}
