package dev.taskforce.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a fixture test class on its own JUnit launcher and returns how each test ended. */
final class Fixtures {

  private Fixtures() {}

  /**
   * @return each test's result, keyed by its method name, with the display name added for the
   *     invocations of a parameterized test ({@code run [1] n=1})
   */
  static Map<String, TestExecutionResult> launch(Class<?> fixture) {
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(fixture))
            .configurationParameter(LaunchedOnly.KEY, "true")
            .build();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource m) {
                  String display = id.getDisplayName();
                  results.put(
                      m.getMethodName() + (display.startsWith("[") ? " " + display : ""), result);
                }
              }
            });
    return results;
  }
}
