package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentRequest;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.budget.Budget;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.StreamListener;
import dev.taskforce.openrouter.OpenRouterModels;
import dev.taskforce.test.ScriptedModel;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import dev.taskforce.tools.Tools;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The snippets of docs/agents.md. */
class AgentsDocTest {

  record Triage(String category, int priority) {}

  record Tenant(String id) {}

  public static final class OrderTools {
    final AtomicReference<Tenant> seen = new AtomicReference<>();

    @Tool("Look up an order by its id")
    public String findOrder(@Param("Order id") String id, ToolContext context) {
      seen.set(context.value(Tenant.class).orElseThrow());
      return "order " + id + ": shipped";
    }
  }

  void builder() {
    // snippet:builder
    Agent triage = Agent.builder()
        .name("triage")                                   // its role in accounting and events
        .model(OpenRouterModels.gpt54Mini())
        .instructions("You triage support tickets.")
        .tools(Tools.from(new OrderTools()))
        .reasoningEffort(ReasoningEffort.LOW)            // checked against the model's allowed efforts
        .maxTurns(10)                                     // model calls per run (default 20)
        .budget(Budget.usd("0.05").withMaxWallTime(Duration.ofSeconds(60)))
        .build();

    AgentResult<Triage> r = triage.run("Customer says order A-1042 never arrived", Triage.class);
    Triage t = r.output();          // the typed answer, valid by construction
    // end:builder
  }

  static AgentResult<String> continueRun(
      Agent agent,
      AgentResult<String> previous,
      Tenant tenant,
      CancellationToken token,
      StreamListener listener) {
    // snippet:request
    AgentResult<String> next = agent.run(AgentRequest.builder()
        .conversation(previous.conversation())   // continue an earlier run
        .message("And the second order?")
        .value(Tenant.class, tenant)              // for tools (ToolContext.value); never sent to the model
        .cancellation(token)                      // token.cancel() from any thread stops the run
        .stream(listener)                         // text, reasoning and tool-call pieces as they arrive
        .build());
    // end:request
    return next;
  }

  @Test
  void aRunContinuesTheConversationAndGivesTheToolTheTenant() {
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(
        ScriptedTurn.ofText("Order A-1042 has shipped."),
        ScriptedTurn.builder()
            .toolCall(new dev.taskforce.message.ToolCall("c1", "findOrder", "{\"id\":\"A-7\"}"))
            .build(),
        ScriptedTurn.ofText("A-7 has shipped too."));
    OrderTools tools = new OrderTools();
    Agent agent = Agent.builder().model(model).tools(Tools.from(tools)).build();
    AgentResult<String> first = agent.run("Where is A-1042?");
    StringBuilder streamed = new StringBuilder();
    StreamListener listener =
        new StreamListener() {
          @Override
          public void onText(String text) {
            streamed.append(text);
          }
        };

    AgentResult<String> next =
        continueRun(agent, first, new Tenant("acme"), new CancellationToken(), listener);

    assertThat(next.output()).isEqualTo("A-7 has shipped too.");
    assertThat(tools.seen).hasValue(new Tenant("acme"));
    assertThat(streamed).hasToString("A-7 has shipped too.");
    assertThat(next.conversation().messages()).hasSize(first.conversation().messages().size() + 4);
    model.assertAllScriptedAnswersUsed();
  }
}
