package dev.taskforce.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.examples.analysis.Report;
import dev.taskforce.examples.extraction.Invoice;
import dev.taskforce.examples.support.SupportTriageScript;
import dev.taskforce.examples.support.Triage;
import dev.taskforce.orchestration.RunResult;
import dev.taskforce.orchestration.StepStatus;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.ReasoningRoundTrips;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example runs offline, as a newcomer's first run does, and reaches its outcome. */
class ExamplesTest {

  /** No keys: the examples must pick the local fake server. */
  private static final Function<String, String> OFFLINE = Map.<String, String>of()::get;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theAnalysisTeamPlansFansOutJoinsAndReportsWithinBudget(@TempDir Path out) throws Exception {
    RunResult<Report> r = AnalysisTeam.run(console, out, OFFLINE);

    assertThat(output()).startsWith("Offline:");
    assertThat(r.outcome().isCompleted()).isTrue();
    assertThat(r.output().findings()).isNotEmpty();
    assertThat(r.plans()).hasSize(1);
    assertThat(r.steps())
        .hasSize(4)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED));
    assertThat(r.usage().byRole()).containsOnlyKeys("planner", "data", "analyst");
    assertThat(r.usage().toolCalls()).isEqualTo(3);
    assertThat(Files.readString(out.resolve("analysis-team-plan.mmd")))
        .startsWith("flowchart TD")
        .contains("n_s1 --> n_s4");
    assertThat(output()).contains("Plan, round 1").contains("Cost per role").contains("planner");
  }

  @Test
  void supportTriageLooksTheOrderUpAndAnswersWithAValidTriage() {
    AgentResult<Triage> r = SupportTriage.run(console, OFFLINE);

    assertThat(output()).startsWith("Offline:");
    assertThat(r.output().category()).isEqualTo(Triage.Category.DELIVERY);
    assertThat(r.output().orderIds()).containsExactly("A-1042");
    assertThat(r.toolCalls())
        .extracting(c -> c.call().name())
        .containsExactly("findOrder", "trackShipment");
    assertThat(r.toolCalls()).allSatisfy(c -> assertThat(c.result().isError()).isFalse());
  }

  @Test
  void extractionRepairsAnInvalidAnswerAndReturnsThreeValidInvoices() {
    List<AgentResult<Invoice>> results = Extraction.run(console, OFFLINE);

    assertThat(output()).startsWith("Offline:");
    assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.outcome().isCompleted()).isTrue());
    assertThat(results.get(1).turns()).isEqualTo(2);
    assertThat(results.get(1).output().currency()).isEqualTo("EUR");
    assertThat(results.get(0).output().total()).isEqualByComparingTo("4104.00");
  }

  @Test
  void supportTriageRunsOnTheResponsesApiWhenOnlyOpenAiApiKeyIsSet() {
    // The OpenAI target posts to OPENAI_BASE_URL + "/responses" with a bearer key and OpenAI's
    // model ids (no "openai/" prefix): the fake's /api/v1/responses serves it once it knows the id.
    try (FakeOpenRouter openAi =
        FakeOpenRouter.builder().models("gpt-5.4-mini").rule(new SupportTriageScript()).start()) {
      Map<String, String> env =
          Map.of("OPENAI_API_KEY", openAi.apiKey(), "OPENAI_BASE_URL", openAi.baseUrl());

      AgentResult<Triage> r = SupportTriage.run(console, env::get);

      assertThat(output())
          .startsWith("Live: calling the OpenAI Responses API at " + openAi.baseUrl());
      assertThat(r.outcome().isCompleted()).as(r.outcome().describe()).isTrue();
      assertThat(r.output().category()).isEqualTo(Triage.Category.DELIVERY);
      assertThat(r.toolCalls())
          .extracting(c -> c.call().name())
          .containsExactly("findOrder", "trackShipment");
      assertThat(openAi.responsesRequests()).hasSize(2);
      assertThat(openAi.chatRequests()).isEmpty();
      JsonNode first = openAi.responsesRequests().get(0).json();
      assertThat(first.path("text").path("format").path("type").asText()).isEqualTo("json_schema");
      // The first answer's reasoning item came back with its encrypted content unchanged.
      assertThat(openAi.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(1, 0, 0));
      assertThat(r.usage().costUsd()).isPositive();
    }
  }

  @Test
  void openRouterIsPreferredWhenBothKeysAreSet() {
    try (FakeOpenRouter openRouter =
        FakeOpenRouter.builder().rule(new SupportTriageScript()).start()) {
      Map<String, String> env =
          Map.of(
              "OPENROUTER_API_KEY", openRouter.apiKey(),
              "OPENROUTER_BASE_URL", openRouter.baseUrl(),
              "OPENAI_API_KEY", "sk-not-used");

      AgentResult<Triage> r = SupportTriage.run(console, env::get);

      assertThat(output()).startsWith("Live: calling OpenRouter at " + openRouter.baseUrl());
      assertThat(r.outcome().isCompleted()).isTrue();
      assertThat(openRouter.requests()).hasSize(2);
    }
  }
}
