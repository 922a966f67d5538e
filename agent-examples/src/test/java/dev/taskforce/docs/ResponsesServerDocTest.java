package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.responses.OpenAiResponses;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.tools.Tools;
import org.junit.jupiter.api.Test;

/** The Responses snippet of docs/testing.md, run as the test it is. */
class ResponsesServerDocTest {

  @Test
  void theSameScriptAnswersTheResponsesClient() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      // snippet:responses
      server.enqueue(
          ScriptedTurn.builder()
              .openAiReasoning("The user wants the weather in Oslo: call the tool.")
              .toolCall(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"))
              .build(),
          ScriptedTurn.ofText("It is 3 °C in Oslo."));

      OpenAiResponses responses = OpenAiResponses.builder()
          .openRouter()                                   // POST /api/v1/responses, stateless
          .environment(name -> null)                      // ignore OPENROUTER_* variables
          .baseUrl(server.baseUrl())
          .apiKey(server.apiKey())
          .retryPolicy(RetryPolicy.NONE)
          .build();
      Agent agent = Agent.builder()
          .model(responses.model("openai/gpt-5.4-mini"))
          .tools(Tools.from(new WeatherTools()))
          .build();

      assertThat(agent.run("Weather in Oslo?").output()).isEqualTo("It is 3 °C in Oslo.");

      server.assertAllScriptedTurnsUsed();
      assertThat(server.reasoningRoundTrips().verified()).isEqualTo(1);  // rs_… came back intact
      assertThat(server.responsesRequests().get(1).json().at("/input/1/type").asText())
          .isEqualTo("reasoning");
      // end:responses
    }
  }
}
