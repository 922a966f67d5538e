package dev.taskforce.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool a model may call.
 *
 * <pre>{@code
 * @Tool("Look up an order by its id")
 * Order findOrder(@Param("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id) { ... }
 * }</pre>
 *
 * <p>Metadata only: the method is read once, when the object is turned into tools.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

  /**
   * What the tool does and when to use it, for the model.
   *
   * @return the description
   */
  String value();

  /**
   * The tool's name; the method name when empty. Must match {@code ^[a-zA-Z0-9_-]{1,64}$}.
   *
   * @return the name
   */
  String name() default "";

  /**
   * Longest the call may run, in milliseconds, before it is abandoned and the model told it timed
   * out; 0 uses the default of the tool set.
   *
   * @return the timeout in milliseconds
   */
  long timeoutMillis() default 0;
}
