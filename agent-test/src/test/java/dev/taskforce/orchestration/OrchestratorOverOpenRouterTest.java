package dev.taskforce.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.ScriptedTurn;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

/** The planner's reasoning goes back intact across rounds, through the real client. */
class OrchestratorOverOpenRouterTest {

  record Verdict(@NotBlank String answer) {}

  @Test
  void thePlannersReasoningSurvivesPlanReviewAndReplan() {
    try (FakeOpenRouter server =
        FakeOpenRouter.builder()
            .rule(
                request -> {
                  JsonNode body = request.json();
                  if (!body.path("model").asText().endsWith("pro")) {
                    return ScriptedTurn.ofText("step done");
                  }
                  long rounds = 0;
                  for (JsonNode m : body.path("messages")) {
                    rounds += m.path("role").asText().equals("assistant") ? 1 : 0;
                  }
                  if (rounds < 2) {
                    String id = rounds == 0 ? "a" : "b";
                    return ScriptedTurn.builder()
                        .openAiReasoning("Round " + (rounds + 1) + ": plan one more step.")
                        .text(
                            "{\"kind\":\"plan\",\"answer\":null,\"steps\":[{\"id\":\""
                                + id
                                + "\",\"executor\":\"worker\",\"instructions\":\"do "
                                + id
                                + "\",\"dependsOn\":[]}]}")
                        .build();
                  }
                  return ScriptedTurn.builder()
                      .openAiReasoning("Both steps are done.")
                      .text(
                          "{\"kind\":\"answer\",\"steps\":null,\"answer\":{\"answer\":\"done twice\"}}")
                      .build();
                })
            .start()) {
      OpenRouter openRouter =
          OpenRouter.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
      Orchestrator team =
          Orchestrator.builder()
              .planner(openRouter.model("openai/gpt-5.4-pro"))
              .executor(Executor.named("worker").model(openRouter.model("openai/gpt-5.4-nano")))
              .build();

      RunResult<Verdict> r = team.run("Do two things, one after the other.", Verdict.class);

      assertThat(r.output()).isEqualTo(new Verdict("done twice"));
      assertThat(r.plans()).hasSize(2);
      // Planner request 2 carries turn 1 back; request 3 carries turns 1 and 2.
      assertThat(server.reasoningRoundTrips().verified()).isEqualTo(3);
      assertThat(server.reasoningRoundTrips().rejected()).isZero();
      assertThat(r.usage().byRole()).containsOnlyKeys("planner", "worker");
      assertThat(r.usage().total().costUsd()).isPositive();
    }
  }
}
