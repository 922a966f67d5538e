package dev.taskforce.bench.perturn;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.tools.Tools;
import dev.taskforce.transport.TransportFactory;

/** A Taskforce agent, built as a user would, with the OpenRouter model pointed at the server. */
final class TaskforceDriver implements Driver {

  private final String label;
  private final Agent agent;

  TaskforceDriver(String label, String baseUrl, TransportFactory transport) {
    this.label = label;
    OpenRouter openRouter =
        OpenRouter.builder()
            .environment(name -> null) // nothing from this machine's environment
            .baseUrl(baseUrl)
            .apiKey("sk-or-v1-benchmark-not-a-real-key")
            .transport(transport)
            .build();
    this.agent =
        Agent.builder()
            .name("support")
            .model(openRouter.model(Script.MODEL))
            .instructions(Script.SYSTEM)
            .tools(Tools.from(new TaskforceTools()))
            .build();
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public void converse() {
    AgentResult<String> result = agent.run(Script.USER);
    if (result.turns() != Script.TURNS) {
      throw new IllegalStateException(label + " took " + result.turns() + " turns: " + result);
    }
    Driver.check(result.output(), label);
  }
}
