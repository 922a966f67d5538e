package dev.taskforce.tools;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;

/** A parsed parameter of a {@link Tool} method: written by the model, or injected. */
sealed interface ToolParameter {

  /** Whether the value may be {@code null} (or an empty {@code Optional}). */
  boolean nullable();

  /**
   * An argument the model writes.
   *
   * @param name its name in the arguments object
   * @param type its Java type, which Jackson reads it into
   * @param isOptional whether the Java type is {@code Optional}, so absence is {@code
   *     Optional.empty()}
   */
  record ModelArgument(String name, Type type, boolean nullable, boolean isOptional)
      implements ToolParameter {}

  /**
   * A value supplied by a resolver, never seen by the model.
   *
   * @param parameter the Java parameter
   * @param resolver what supplies it
   */
  record Injected(Parameter parameter, ArgumentResolver resolver, boolean nullable)
      implements ToolParameter {}
}
