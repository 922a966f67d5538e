package dev.taskforce.orchestration;

import static dev.taskforce.orchestration.Plans.answer;
import static dev.taskforce.orchestration.Plans.plan;
import static dev.taskforce.orchestration.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.TaskforceException;
import dev.taskforce.agent.RunOutcome;
import dev.taskforce.budget.Budget;
import dev.taskforce.budget.Limit;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.event.RunEvent;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.testing.ScriptedModel;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

  record Report(@NotBlank String summary, int findings) {}

  private static ScriptedModel model(String id, String outputPerMillion) {
    return new ScriptedModel(
        new ModelInfo(
            id,
            400_000,
            10_000,
            Pricing.perMillion("0.1", outputPerMillion, null),
            Set.of(),
            true));
  }

  private final ScriptedModel planner = model("pro", "180");
  private final ScriptedModel nano = model("nano", "1.25");
  private final ScriptedModel mini = model("mini", "4.5");

  /** The user message an executor's model received: its step input. */
  private static String input(ChatRequest request) {
    return ((UserMessage) request.messages().get(request.messages().size() - 1)).text();
  }

  private Orchestrator.Builder team() {
    return Orchestrator.builder()
        .planner(planner)
        .executor(Executor.named("worker").description("Does research").model(nano))
        .executor(Executor.named("writer").description("Writes").model(mini));
  }

  @Test
  void fansOutJoinsAndAnswersWithTheTypedResult() {
    planner
        .then(
            plan(
                step("s1", "worker", "research A"),
                step("s2", "worker", "research B"),
                step("s3", "worker", "research C"),
                step("s4", "writer", "combine", "s1", "s2", "s3")))
        .then(answer(new Report("all good", 3)));
    nano.always(
        req -> ScriptedModel.text("found " + input(req).split("Your step \\(")[1].substring(0, 2)));
    mini.always(
        req ->
            ScriptedModel.text(
                input(req).contains("found s1") && input(req).contains("found s3")
                    ? "joined"
                    : "missing"));

    RunResult<Report> r = team().build().run("Study A, B and C", Report.class);

    assertThat(r.output()).isEqualTo(new Report("all good", 3));
    assertThat(r.plans()).hasSize(1);
    assertThat(r.step("s4").orElseThrow().output()).isEqualTo("joined");
    assertThat(r.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED));
    assertThat(r.usage().byRole()).containsOnlyKeys("planner", "worker", "writer");
    assertThat(r.usage().byModel()).containsOnlyKeys("pro", "nano", "mini");
    assertThat(r.usage().modelCalls()).isEqualTo(6);
    String review = input(planner.requests().get(1));
    assertThat(review).contains("### s4 (writer, mini): succeeded").contains("joined");
    assertThat(r.mermaid().orElseThrow()).contains("n_s1 --> n_s4").contains(":::succeeded");
  }

  @Test
  void stepsWithoutDependenciesBetweenThemRunAtTheSameTime() {
    CountDownLatch allThree = new CountDownLatch(3);
    planner
        .then(plan(step("a", "worker", "x"), step("b", "worker", "y"), step("c", "worker", "z")))
        .then(answer(new Report("ok", 0)));
    nano.always(
        req -> {
          allThree.countDown();
          try {
            // Each step waits until all three are in flight: only true concurrency gets past.
            if (!allThree.await(10, TimeUnit.SECONDS)) {
              return ScriptedModel.text("alone");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ScriptedModel.text("together");
        });

    RunResult<Report> r = team().build().run("goal", Report.class);

    assertThat(r.steps()).extracting(StepResult::output).containsOnly("together");
  }

  @Test
  void anInvalidPlanGoesBackToThePlannerWithEveryProblemListed() {
    planner
        .then(
            plan(
                step("s1", "worker", "a", "s2"),
                step("s2", "worker", "b", "s1"),
                step("s2", "ghost", "c"),
                step("s3", "worker", "d", "s9")))
        .then(plan(step("s1", "worker", "a")))
        .then(answer(new Report("fixed", 1)));
    nano.always(req -> ScriptedModel.text("done"));

    RunResult<Report> r = team().build().run("goal", Report.class);

    assertThat(r.output().summary()).isEqualTo("fixed");
    String repair = input(planner.requests().get(1));
    assertThat(repair)
        .contains("step id s2 is used by more than one step")
        .contains("names executor \"ghost\", which does not exist")
        .contains("step s3 depends on s9, which is not a step")
        .contains("the dependencies form a cycle: s1 -> s2 -> s1");
    assertThat(r.plans()).hasSize(1);
  }

  @Test
  void aPlanThatStaysInvalidEndsTheRunAsFailed() {
    planner.always(req -> plan(step("s1", "ghost", "a")));
    RunResult<Report> r = team().maxPlanRepairs(1).build().run("goal", Report.class);
    assertThat(r.outcome()).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) r.outcome()).error()).isInstanceOf(InvalidPlanException.class);
    assertThat(planner.requests()).hasSize(2);
  }

  @Test
  void theSchemaRestrictsExecutorsToTheConfiguredNames() {
    planner.then(answer(new Report("direct", 0)));
    team().build().run("goal", Report.class);
    var format = (ResponseFormat.JsonSchemaFormat) planner.requests().get(0).responseFormat();
    assertThat(format.strict()).isTrue();
    assertThat(format.schema().json()).contains("\"enum\":[\"worker\",\"writer\"]");
  }

  @Test
  void aFailingStepEscalatesNanoToMiniToPro() {
    ScriptedModel pro = model("pro", "180");
    planner.then(plan(step("s1", "worker", "hard"))).then(answer(new Report("ok", 1)));
    nano.always(
        req -> {
          throw new TaskforceException("nano cannot");
        });
    mini.always(
        req -> {
          throw new TaskforceException("mini cannot");
        });
    pro.always(req -> ScriptedModel.text("pro did it"));

    RunResult<Report> r =
        team()
            .escalation(EscalationPolicy.ladder(nano, mini, pro))
            .build()
            .run("goal", Report.class);

    StepResult s1 = r.step("s1").orElseThrow();
    assertThat(s1.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(s1.output()).isEqualTo("pro did it");
    assertThat(s1.attempts()).extracting(StepAttempt::model).containsExactly("nano", "mini", "pro");
    assertThat(r.events()).filteredOn(e -> e instanceof RunEvent.StepEscalated).hasSize(2);
  }

  @Test
  void theDefaultEscalationClimbsByPriceThroughTheKnownModels() {
    planner.then(plan(step("s1", "worker", "hard"))).then(answer(new Report("ok", 1)));
    nano.always(
        req -> {
          throw new TaskforceException("nano cannot");
        });
    mini.always(req -> ScriptedModel.text("mini did it"));

    RunResult<Report> r = team().build().run("goal", Report.class);

    assertThat(r.step("s1").orElseThrow().attempts())
        .extracting(StepAttempt::model)
        .containsExactly("nano", "mini");
  }

  @Test
  void aStepThatFailsOnEveryModelIsReportedToThePlannerAndTheRunGoesOn() {
    planner
        .then(
            plan(
                step("s1", "worker", "doomed"),
                step("s2", "worker", "fine"),
                step("s3", "writer", "after s1", "s1")))
        .then(answer(new Report("partial", 1)));
    nano.always(req -> input(req).contains("doomed") ? boom() : ScriptedModel.text("fine"));
    mini.always(req -> input(req).contains("doomed") ? boom() : ScriptedModel.text("never"));

    RunResult<Report> r =
        team().escalation(EscalationPolicy.ladder(nano, mini)).build().run("goal", Report.class);

    assertThat(r.output().summary()).isEqualTo("partial");
    assertThat(r.step("s1").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
    assertThat(r.step("s2").orElseThrow().status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(r.step("s3").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    String review = input(planner.requests().get(1));
    assertThat(review)
        .contains("### s1 (worker, mini): failed after 2 tries")
        .contains("upstream exploded");
    assertThat(review).contains("### s3 (writer): skipped").contains("step s1 did not succeed");
  }

  private static dev.taskforce.model.ChatResponse boom() {
    throw new TaskforceException("upstream exploded");
  }

  @Test
  void runningOutOfBudgetMidRunKeepsTheFinishedSteps() {
    planner.then(
        plan(
            step("s1", "worker", "a"),
            step("s2", "worker", "b", "s1"),
            step("s3", "worker", "c", "s2")));
    nano.always(req -> ScriptedModel.text("ok"));

    RunResult<Report> r =
        team().budget(Budget.UNLIMITED.withMaxModelCalls(3)).build().run("goal", Report.class);

    assertThat(r.outcome()).isInstanceOf(RunOutcome.LimitReached.class);
    assertThat(((RunOutcome.LimitReached) r.outcome()).limit()).isEqualTo(Limit.MODEL_CALLS);
    assertThat(r.step("s1").orElseThrow().status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(r.step("s2").orElseThrow().status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(r.step("s3").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(r.usage().modelCalls()).isEqualTo(3);
    assertThat(r.outputIfCompleted()).isEmpty();
  }

  @Test
  void cancellingStopsTheRunAndKeepsFinishedSteps() {
    CancellationToken token = new CancellationToken();
    planner.then(plan(step("s1", "worker", "a"), step("s2", "worker", "b", "s1")));
    nano.then(req -> ScriptedModel.text("first"))
        .then(
            req -> {
              token.cancel();
              throw new dev.taskforce.cancel.CancelledException("cancelled");
            });

    RunResult<Report> r = team().build().run("goal", Report.class, token);

    assertThat(r.outcome()).isInstanceOf(RunOutcome.Cancelled.class);
    assertThat(r.step("s1").orElseThrow().output()).isEqualTo("first");
    assertThat(r.step("s2").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
  }

  @Test
  void thePlannersReasoningGoesBackUnchangedInLaterRounds() {
    ReasoningDetail secret =
        ReasoningDetail.fromJson(
            "{\"type\":\"reasoning.encrypted\",\"data\":\"gAAA-plan\",\"id\":\"rs_9\",\"index\":0}");
    String planJson = plan(step("s1", "worker", "a")).message().text();
    planner
        .then(
            ScriptedModel.response(
                new AssistantMessage(
                    planJson, List.of(), null, new Reasoning("thinking", List.of(secret))),
                FinishReason.STOP))
        .then(answer(new Report("ok", 1)));
    nano.always(req -> ScriptedModel.text("done"));

    team().build().run("goal", Report.class);

    List<?> second = planner.requests().get(1).messages();
    assertThat(second)
        .filteredOn(m -> m instanceof AssistantMessage)
        .singleElement()
        .satisfies(
            m -> assertThat(((AssistantMessage) m).reasoning().details()).containsExactly(secret));
  }

  @Test
  void aPlannerThatNeverAnswersStopsAtTheRoundLimit() {
    int[] n = {0};
    planner.always(req -> plan(step("r" + (++n[0]), "worker", "more")));
    nano.always(req -> ScriptedModel.text("done"));

    RunResult<Report> r = team().maxRounds(2).build().run("goal", Report.class);

    assertThat(r.outcome())
        .isEqualTo(
            new RunOutcome.LimitReached(
                Limit.ROUNDS, "the planner planned again after the last of 2 rounds"));
    assertThat(r.plans()).hasSize(2);
    assertThat(input(planner.requests().get(2))).contains("last planning round");
  }

  @Test
  void anInvalidFinalAnswerGoesBackToThePlannerWithItsViolations() {
    planner.then(answer(new Report("", 1))).then(answer(new Report("fixed", 1)));

    RunResult<Report> r = team().build().run("goal", Report.class);

    assertThat(r.output().summary()).isEqualTo("fixed");
    assertThat(input(planner.requests().get(1))).contains("$.answer.summary: must not be blank");
  }

  @Test
  void eventsCoverPlansStepsAndTheRunsEnd() {
    planner.then(plan(step("s1", "worker", "a"))).then(answer(new Report("ok", 1)));
    nano.always(req -> ScriptedModel.text("done"));

    RunResult<Report> r = team().build().run("goal", Report.class);

    assertThat(r.events())
        .extracting(e -> e.getClass().getSimpleName())
        .startsWith("RunStarted")
        .contains("PlanMade", "StepStarted", "StepFinished", "ModelCalled")
        .endsWith("RunFinished");
  }

  record Tally(java.util.Map<String, Integer> votes) {}

  @Test
  void aFinalAnswerWithAMapIsReadInTheEntryArrayShape() {
    planner.then(
        ScriptedModel.text(
            "{\"kind\":\"answer\",\"steps\":null,\"answer\":"
                + "{\"votes\":[{\"key\":\"yes\",\"value\":2}]}}"));

    RunResult<Tally> r = team().build().run("goal", Tally.class);

    assertThat(r.outcome().isCompleted()).as(r.outcome().describe()).isTrue();
    assertThat(r.output().votes()).containsExactly(java.util.Map.entry("yes", 2));
  }
}
