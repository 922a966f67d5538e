package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.Fault;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.tools.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// The first fake-server test of docs/testing.md, run as the test it is.
// snippet:firstTest
class WeatherAgentServerTest {

  @Test
  void answersWithTheToolsResultAfterARateLimit() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(
          ScriptedTurn.builder()
              .openAiReasoning("The user wants the weather in Oslo: call the tool.")
              .toolCall(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"))
              .build(),
          Fault.rateLimited(Duration.ofSeconds(1)),     // the next request is refused once
          ScriptedTurn.ofText("It is 3 °C in Oslo."));

      List<Duration> waits = new ArrayList<>();
      OpenRouter openRouter = OpenRouter.builder()
          .baseUrl(server.baseUrl())
          .apiKey(server.apiKey())
          .retryPolicy(RetryPolicy.DEFAULT.toBuilder()
              .sleeper((delay, cancellation) -> waits.add(delay))   // record, never wait
              .build())
          .build();
      Agent agent = Agent.builder()
          .model(openRouter.model("openai/gpt-5.4-mini"))
          .tools(Tools.from(new WeatherTools()))
          .build();

      assertThat(agent.run("Weather in Oslo?").output()).isEqualTo("It is 3 °C in Oslo.");

      assertThat(waits).containsExactly(Duration.ofSeconds(1));   // Retry-After honoured
      server.assertAllScriptedTurnsUsed();
      assertThat(server.reasoningRoundTrips().verified()).isEqualTo(2);
      assertThat(server.chatRequests().get(0).json().at("/tools/0/function/name").asText())
          .isEqualTo("get_weather");
    }
  }
}
// end:firstTest
