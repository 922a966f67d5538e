package dev.taskforce.tools;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.taskforce.schema.JsonSchemas;
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
   * @param reader reads the value into {@code type}, made once rather than per call
   */
  record ModelArgument(
      String name, Type type, boolean nullable, boolean isOptional, ObjectReader reader)
      implements ToolParameter {

    ModelArgument(String name, Type type, boolean nullable, boolean isOptional) {
      this(name, type, nullable, isOptional, JsonSchemas.reader(type));
    }
  }

  /**
   * A value supplied by a resolver, never seen by the model.
   *
   * @param parameter the Java parameter
   * @param resolver what supplies it
   */
  record Injected(Parameter parameter, ArgumentResolver resolver, boolean nullable)
      implements ToolParameter {}
}
