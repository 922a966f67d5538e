package dev.taskforce.examples;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.budget.Budget;
import dev.taskforce.examples.support.OrderService;
import dev.taskforce.examples.support.OrderTools;
import dev.taskforce.examples.support.SupportTriageScript;
import dev.taskforce.examples.support.Triage;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.openrouter.OpenRouterModels;
import dev.taskforce.tools.Tools;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Example 1, support triage: one agent, tools over an in-memory order service, a typed answer.
 *
 * <p>Run it from the IDE, or with {@code ./mvnw -q -pl agent-examples -am -DskipTests package
 * exec:java -Dexec.args=triage}.
 */
public final class SupportTriage {

  static final String TICKET =
      "From: Dana Whitfield\nSubject: Where is my grinder??\n\n"
          + "I ordered an espresso grinder two weeks ago (order A-1042) and it still hasn't arrived."
          + " The tracking page hasn't changed for days. I want it or my money back.";

  private SupportTriage() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Examples.exit(() -> run(new Console(System.out)).outcome().isCompleted());
  }

  static AgentResult<Triage> run(Console console) {
    return run(console, System::getenv);
  }

  static AgentResult<Triage> run(Console console, Function<String, @Nullable String> env) {
    try (Provider provider = Provider.choose(console, env, new SupportTriageScript())) {
      OrderService orders = new OrderService();
      Agent triage =
          Agent.builder()
              .name("triage")
              .model(provider.model(OpenRouterModels.GPT_5_4_MINI))
              .instructions(
                  "You triage customer support tickets for a coffee equipment shop. Look up the"
                      + " facts with the tools before you answer; never guess order details.")
              .tools(Tools.from(new OrderTools(orders)))
              .reasoningEffort(ReasoningEffort.LOW)
              .maxOutputTokens(4_000)
              .budget(Budget.usd("0.05").withMaxWallTime(Duration.ofMinutes(2)))
              .listener(console)
              .build();

      console.title("Support triage: one agent, order tools, a typed answer");
      console.line("  " + TICKET.replace("\n", "\n  "));
      console.line("");
      AgentResult<Triage> r = triage.run(TICKET, Triage.class);

      console.title("Result");
      if (r.outcome().isCompleted()) {
        Triage t = r.output();
        console.table(
            List.of(
                new String[] {"category", t.category().name()},
                new String[] {"priority", String.valueOf(t.priority())},
                new String[] {"orders", String.join(", ", t.orderIds())},
                new String[] {"summary", t.summary()},
                new String[] {"next action", t.nextAction()},
                new String[] {"reply", t.customerReply()}));
      } else {
        console.line("The run did not complete: " + r.outcome().describe());
      }
      console.title("Cost");
      console.table(
          List.of(
              new String[] {"turns", String.valueOf(r.turns())},
              new String[] {"tool calls", String.valueOf(r.toolCalls().size())},
              new String[] {"tokens", String.valueOf(r.usage().totalTokens())},
              new String[] {"cost", Console.money(r.usage().costUsd())},
              new String[] {"wall time", Console.seconds(r.elapsed())}));
      return r;
    }
  }
}
