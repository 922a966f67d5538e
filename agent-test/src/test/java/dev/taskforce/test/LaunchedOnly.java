package dev.taskforce.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a fixture class only when a test launches it (with {@link Fixtures#launch}), never as part
 * of the build's own test run.
 */
final class LaunchedOnly implements ExecutionCondition {

  static final String KEY = "taskforce.test.fixtures";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(KEY).isPresent()
        ? ConditionEvaluationResult.enabled("launched by its test")
        : ConditionEvaluationResult.disabled("a fixture: runs only when launched by its test");
  }
}
