package dev.taskforce.responses;

import static dev.taskforce.responses.Items.call;
import static dev.taskforce.responses.Items.message;
import static dev.taskforce.responses.Items.output;
import static dev.taskforce.responses.Items.reasoning;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.budget.Budget;
import dev.taskforce.model.ChatModel;
import dev.taskforce.orchestration.Executor;
import dev.taskforce.orchestration.Orchestrator;
import dev.taskforce.orchestration.RunResult;
import dev.taskforce.orchestration.StepStatus;
import dev.taskforce.testing.TestTools;
import dev.taskforce.tool.ToolResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Agents and orchestrators run unchanged on Responses API models (against a checking server). */
class AgentsOnResponsesTest {

  record Forecast(@NotBlank String city, @Min(-90) @Max(60) int temperature) {}

  record Report(@NotBlank String summary, int findings) {}

  private static long count(JsonNode input, String type) {
    long n = 0;
    for (JsonNode item : input) {
      n += item.path("type").asText().equals(type) ? 1 : 0;
    }
    return n;
  }

  @Test
  void anAgentCallsToolsAndReturnsAValidatedTypedAnswer() {
    AtomicInteger answers = new AtomicInteger();
    try (FakeResponses server =
        FakeResponses.start(
            body -> {
              if (count(body.get("input"), "function_call_output") == 0) {
                return output(
                    reasoning("rs_1", "Need the weather", "gAAAA-1"),
                    call("fc_1", "call_1", "weather", "{}"));
              }
              // First a temperature the constraints reject, then a valid one.
              int t = answers.getAndIncrement() == 0 ? 999 : 3;
              return output(
                  reasoning("rs_" + (2 + answers.get()), "", "gAAAA-" + answers.get()),
                  message(
                      "msg_" + answers.get(),
                      "final_answer",
                      "{\"city\":\"Oslo\",\"temperature\":" + t + "}"));
            })) {
      ChatModel mini = TestClients.openAi(server.baseUrl()).build().model("gpt-5.4-mini");
      Agent agent =
          Agent.builder()
              .model(mini)
              .instructions("You report the weather.")
              .tools(
                  List.of(
                      TestTools.tool("weather", (args, ctx) -> ToolResult.success("{\"temp\":3}"))))
              .build();

      AgentResult<Forecast> r = agent.run("Weather in Oslo?", Forecast.class);

      assertThat(r.output()).isEqualTo(new Forecast("Oslo", 3));
      assertThat(r.toolCalls()).hasSize(1);
      assertThat(r.turns()).isEqualTo(3);
      List<JsonNode> sent = server.requests();
      assertThat(sent).hasSize(3);
      JsonNode format = sent.get(0).get("text").get("format");
      assertThat(format.get("type").asText()).isEqualTo("json_schema");
      assertThat(format.get("name").asText()).isEqualTo("Forecast");
      assertThat(format.get("strict").booleanValue()).isTrue();
      assertThat(format.has("json_schema")).isFalse();
      assertThat(sent.get(0).get("tools").get(0).get("strict").booleanValue()).isTrue();
      assertThat(sent.get(0).get("instructions").asText()).contains("You report the weather.");
      // The repair turn: the invalid answer went back with its reasoning, then the correction.
      JsonNode repair = sent.get(2).get("input");
      assertThat(repair.get(repair.size() - 1).toString()).contains("temperature");
      // gpt-5.4-mini from the catalog: 1000 in x $0.75/M + 100 out x $4.50/M, three calls.
      assertThat(r.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.003600"));
    }
  }

  @Test
  void anOrchestratorPlansAndAnswersWithPlannerAndExecutorOnTheResponsesApi() {
    String plan =
        "{\"kind\":\"plan\",\"steps\":[{\"id\":\"s1\",\"executor\":\"worker\","
            + "\"instructions\":\"Look up the number\",\"dependsOn\":[]}],\"answer\":null}";
    String answer =
        "{\"kind\":\"answer\",\"steps\":null,\"answer\":{\"summary\":\"It is 42\",\"findings\":1}}";
    try (FakeResponses server =
        FakeResponses.start(
            body -> {
              boolean planner =
                  body.path("instructions").asText().startsWith("You are the planner");
              long assistantItems = count(body.get("input"), "reasoning");
              if (planner) {
                return assistantItems == 0
                    ? output(
                        reasoning("rs_p1", "Plan it", "gAAAA-p1"),
                        message("msg_p1", "final_answer", plan))
                    : output(
                        reasoning("rs_p2", "Answer", "gAAAA-p2"),
                        message("msg_p2", "final_answer", answer));
              }
              return count(body.get("input"), "function_call_output") == 0
                  ? output(
                      reasoning("rs_e1", "", "gAAAA-e1"), call("fc_e1", "call_e1", "lookup", "{}"))
                  : output(
                      reasoning("rs_e2", "", "gAAAA-e2"),
                      message("msg_e2", "final_answer", "found 42"));
            })) {
      OpenAiResponses openAi = TestClients.openAi(server.baseUrl()).build();
      Orchestrator team =
          Orchestrator.builder()
              .planner(openAi.model("gpt-5.4-pro"))
              .executor(
                  Executor.named("worker")
                      .description("Looks things up")
                      .model(openAi.model("gpt-5.4-nano"))
                      .tools(List.of(TestTools.tool("lookup", (a, c) -> ToolResult.success("42")))))
              .budget(Budget.usd("1.00"))
              .build();

      RunResult<Report> r = team.run("What is the number?", Report.class);

      assertThat(r.output()).isEqualTo(new Report("It is 42", 1));
      assertThat(r.step("s1").orElseThrow().status()).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(r.step("s1").orElseThrow().output()).isEqualTo("found 42");
      assertThat(r.usage().modelCalls()).isEqualTo(4);
      // From the catalog: pro 2 x (1000 x $30/M + 100 x $180/M), nano 2 x (1000 x $0.20/M + 100 x
      // $1.25/M).
      assertThat(r.usage().total().costUsd()).isEqualByComparingTo("0.09665");
      // The planner's second round carried its first reasoning item back, before its plan.
      JsonNode review =
          server.requests().stream()
              .filter(b -> b.path("instructions").asText().startsWith("You are the planner"))
              .skip(1)
              .findFirst()
              .orElseThrow()
              .get("input");
      assertThat(review.get(1).get("id").asText()).isEqualTo("rs_p1");
      assertThat(review.get(2).get("id").asText()).isEqualTo("msg_p1");
    }
  }
}
