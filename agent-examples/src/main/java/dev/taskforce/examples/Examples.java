package dev.taskforce.examples;

import java.util.function.BooleanSupplier;

/** How the examples end: exit code 0 on success, 1 with a clear message on failure. */
final class Examples {

  private Examples() {}

  /**
   * Runs an example and exits the JVM with its status.
   *
   * @param example returns whether the example succeeded
   */
  static void exit(BooleanSupplier example) {
    int code;
    try {
      code = example.getAsBoolean() ? 0 : 1;
      if (code != 0) {
        System.err.println("The example did not complete; see the outcome above.");
      }
    } catch (RuntimeException e) {
      System.err.println("The example failed: " + e.getMessage());
      code = 1;
    }
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }
}
