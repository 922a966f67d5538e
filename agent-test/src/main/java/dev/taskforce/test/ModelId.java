package dev.taskforce.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the model a {@link ScriptedModel} parameter stands for: its id, and its {@link
 * dev.taskforce.model.ModelInfo} from the built-in catalog (limits, prices, reasoning efforts), or
 * an unknown entry for an id the catalog does not have.
 *
 * <pre>{@code
 * @Test
 * void plannerAndExecutor(@ModelId("openai/gpt-5.4-pro") ScriptedModel planner,
 *                         @ModelId("openai/gpt-5.4-nano") ScriptedModel executor) { ... }
 * }</pre>
 *
 * <p>Within one test, parameters with the same id (in the constructor, lifecycle methods and the
 * test method) get the same model; a parameter without this annotation gets the model {@code
 * scripted}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ModelId {

  /**
   * The model id.
   *
   * @return for example {@code openai/gpt-5.4-mini}
   */
  String value();
}
