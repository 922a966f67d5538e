package dev.taskforce.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link Tool} method for the model.
 *
 * <p>A parameter is required unless its type is {@code Optional} or {@link #optional()} is set.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

  /**
   * What the parameter means, for the model.
   *
   * @return the description
   */
  String value();

  /**
   * The argument's name in the schema; the parameter name when empty (compile with {@code
   * -parameters}).
   *
   * @return the name
   */
  String name() default "";

  /**
   * Whether the model may leave the argument out (it is then {@code null}).
   *
   * @return {@code true} when optional
   */
  boolean optional() default false;
}
