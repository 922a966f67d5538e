package dev.taskforce.examples;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs one example by name: {@code team} (the default), {@code triage} or {@code extraction}.
 *
 * <pre>
 * ./mvnw -q -pl agent-examples -am -DskipTests package exec:java                        # the analysis team
 * ./mvnw -q -pl agent-examples -am -DskipTests package exec:java -Dexec.args=triage
 * ./mvnw -q -pl agent-examples -am -DskipTests package exec:java -Dexec.args=extraction
 * </pre>
 */
public final class Main {

  private Main() {}

  /**
   * Runs the named example.
   *
   * @param args the example's name, or nothing for the analysis team
   */
  public static void main(String[] args) {
    String which = args.length == 0 ? "team" : args[0].toLowerCase(Locale.ROOT);
    Console console = new Console(System.out);
    switch (which) {
      case "team" ->
          Examples.exit(() -> AnalysisTeam.run(console, Path.of("out")).outcome().isCompleted());
      case "triage" -> Examples.exit(() -> SupportTriage.run(console).outcome().isCompleted());
      case "extraction" ->
          Examples.exit(
              () -> Extraction.run(console).stream().allMatch(r -> r.outcome().isCompleted()));
      default -> {
        System.err.println("Unknown example \"" + which + "\": use team, triage or extraction.");
        System.exit(2);
      }
    }
  }
}
