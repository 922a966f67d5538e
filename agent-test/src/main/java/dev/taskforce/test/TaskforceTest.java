package dev.taskforce.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class with the {@link TaskforceExtension}: test methods, lifecycle methods
 * and constructors may declare {@link FakeOpenRouter}, {@link dev.taskforce.openrouter.OpenRouter},
 * {@link ScriptedModel} and {@link Cassette} parameters, fresh for each test.
 *
 * <pre>{@code
 * @TaskforceTest
 * class TriageTest {
 *   @Test
 *   void answersFromTheScript(ScriptedModel model) {
 *     model.enqueue(ScriptedTurn.ofText("urgent"));
 *     assertThat(Agent.builder().model(model).build().run("Help!").output()).isEqualTo("urgent");
 *   }
 * }
 * }</pre>
 *
 * <p>On a method, the annotation's settings replace the class's for that test. A class that
 * registers a configured extension with {@link org.junit.jupiter.api.extension.RegisterExtension}
 * should not use this annotation as well: both would offer the same parameters.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TaskforceExtension.class)
public @interface TaskforceTest {

  /**
   * Whether a test that passed fails when its script was not followed: a scripted answer or turn
   * left unused, a request that found the script empty, an expectation not met, a recorded call not
   * replayed.
   *
   * @return {@code true} by default
   */
  boolean assertScriptsUsed() default true;

  /**
   * How strictly the test's {@link FakeOpenRouter} checks that reasoning comes back unchanged.
   *
   * @return {@link ReasoningCheck#STRICT} by default
   */
  ReasoningCheck reasoningCheck() default ReasoningCheck.STRICT;

  /**
   * The directory of the tests' cassettes, relative to the working directory (the module's
   * directory under Maven and Gradle). Each test's cassette is {@code
   * <directory>/<TestClass>/<testMethod>.json}.
   *
   * @return {@code src/test/resources/cassettes} by default
   */
  String cassettes() default TaskforceExtension.DEFAULT_CASSETTES;
}
