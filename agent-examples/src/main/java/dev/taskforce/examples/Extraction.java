package dev.taskforce.examples;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.examples.extraction.ExtractionScript;
import dev.taskforce.examples.extraction.Invoice;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.Usage;
import dev.taskforce.openrouter.OpenRouterModels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Example 3, extraction: documents in, validated typed records out. Structured output with Jakarta
 * constraints; an answer that breaks them is sent back to the model with every problem listed.
 *
 * <p>Run it from the IDE, or with {@code ./mvnw -q -pl agent-examples -am -DskipTests package
 * exec:java -Dexec.args=extraction}.
 */
public final class Extraction {

  static final List<String> DOCUMENTS =
      List.of(
          "NORDIC BEANS AS — INVOICE NB-2026-118 — 2 Nov 2026\n"
              + "12 x Espresso roast 1 kg @ 289.00\n4 x Decaf 500 g @ 159.00\nTotal NOK 4,104.00",
          "Grindworks GmbH, Rechnung Nr. GW-55102 vom 14.11.2026\n"
              + "3 Stück Mahlscheiben-Set 64 mm à 48,50 €\nGesamtbetrag: 145,50 Euro",
          "Kettle & Co Ltd. Invoice KC-9001, 21/11/2026. 2 gooseneck kettles at £74.99 each."
              + " Amount due £149.98.");

  private Extraction() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Examples.exit(
        () -> run(new Console(System.out)).stream().allMatch(r -> r.outcome().isCompleted()));
  }

  static List<AgentResult<Invoice>> run(Console console) {
    return run(console, System::getenv);
  }

  static List<AgentResult<Invoice>> run(Console console, Function<String, @Nullable String> env) {
    try (Provider provider = Provider.choose(console, env, new ExtractionScript())) {
      Agent extractor =
          Agent.builder()
              .name("extractor")
              .model(provider.model(OpenRouterModels.GPT_5_4_MINI))
              .instructions(
                  "Extract the invoice from the document. Use ISO 4217 currency codes and ISO dates;"
                      + " copy numbers exactly as printed.")
              .reasoningEffort(ReasoningEffort.LOW)
              .maxOutputTokens(4_000)
              .outputRetries(2)
              .build();

      console.title("Extraction: documents in, validated invoices out");
      List<AgentResult<Invoice>> results = new ArrayList<>();
      Usage total = Usage.ZERO;
      for (String doc : DOCUMENTS) {
        AgentResult<Invoice> r = extractor.run(doc, Invoice.class);
        results.add(r);
        total = total.plus(r.usage());
        console.line("");
        console.line("  " + doc.lines().findFirst().orElse(""));
        if (r.outcome().isCompleted()) {
          Invoice i = r.output();
          console.line(
              "  ✔ "
                  + i.vendor()
                  + "  "
                  + i.number()
                  + "  "
                  + i.date()
                  + "  "
                  + i.currency()
                  + " "
                  + i.total().toPlainString()
                  + "  ("
                  + i.lines().size()
                  + " lines, "
                  + r.turns()
                  + (r.turns() == 1 ? " call" : " calls, repaired")
                  + ")");
        } else {
          console.line("  ✘ " + r.outcome().describe());
        }
      }
      console.title("Cost");
      console.table(
          List.of(
              new String[] {"documents", String.valueOf(DOCUMENTS.size())},
              new String[] {
                "model calls", String.valueOf(results.stream().mapToInt(AgentResult::turns).sum())
              },
              new String[] {"tokens", String.valueOf(total.totalTokens())},
              new String[] {"cost", Console.money(total.costUsd())}));
      return results;
    }
  }
}
