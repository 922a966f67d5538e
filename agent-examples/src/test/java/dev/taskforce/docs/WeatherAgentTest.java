package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.Fault;
import dev.taskforce.test.ModelId;
import dev.taskforce.test.ScriptedModel;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.test.TaskforceTest;
import dev.taskforce.tools.Tools;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// The extension example of docs/testing.md, run as the test it is.
// snippet:extension
@TaskforceTest                                  // = @ExtendWith(TaskforceExtension.class)
class WeatherAgentTest {

  private final Agent agent;

  WeatherAgentTest(OpenRouter openRouter) {     // a client for this test's server
    agent = Agent.builder()
        .model(openRouter.model("openai/gpt-5.4-mini"))
        .tools(Tools.from(new WeatherTools()))
        .build();
  }

  @Test
  void retriesTheRateLimit(FakeOpenRouter server) {
    server.enqueue(
        Fault.rateLimited(Duration.ofSeconds(30)),  // retried at once: tests never wait
        ScriptedTurn.ofText("It is 3 °C in Oslo."));

    assertThat(agent.run("Weather in Oslo?").output()).isEqualTo("It is 3 °C in Oslo.");
  }

  @Test
  void pricesTheProModel(@ModelId("openai/gpt-5.4-pro") ScriptedModel pro) {
    assertThat(pro.info().contextLength()).isEqualTo(1_050_000);  // GPT-5.4 Pro's facts
    pro.enqueue(ScriptedTurn.ofText("Rain until Friday."));  // an answer left unused fails the test

    AgentResult<String> result = Agent.builder().model(pro).build().run("Forecast for Oslo?");

    assertThat(result.output()).isEqualTo("Rain until Friday.");
    assertThat(result.usage().costUsd()).isPositive();   // estimated tokens at Pro's list price
  }
}
// end:extension
