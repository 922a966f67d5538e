package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.test.RequestExpectation;
import dev.taskforce.test.ScriptedModel;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.tools.Tools;
import org.junit.jupiter.api.Test;

/** The scripted-model snippet of docs/testing.md, run as the test it is. */
class TestingDocTest {

  @Test
  void theScriptedModelAnswersTheAgentFromItsQueue() {
    // snippet:scriptedModel
    ScriptedModel model = ScriptedModel.builder()
        .info(ModelCatalog.builtIn().info("openai/gpt-5.4-mini"))   // its limits, prices, efforts
        .build();
    model.enqueue(
            ScriptedTurn.builder()
                .openAiReasoning("The user wants the weather in Oslo: call the tool.")
                .toolCall(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"))
                .build(),
            ScriptedTurn.ofText("It is 3 °C in Oslo."))
        .expectRequest(RequestExpectation.lastMessageContains("Oslo"))
        .expectRequest(RequestExpectation.lastMessageContains("3 °C"));   // the tool's result

    Agent agent = Agent.builder().model(model).tools(Tools.from(new WeatherTools())).build();
    assertThat(agent.run("Weather in Oslo?").output()).isEqualTo("It is 3 °C in Oslo.");

    model.assertAllScriptedAnswersUsed();
    model.assertExpectationsMet();
    assertThat(model.requests()).hasSize(2);
    // end:scriptedModel
  }
}
