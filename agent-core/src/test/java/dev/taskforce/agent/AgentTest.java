package dev.taskforce.agent;

import static dev.taskforce.testing.ScriptedModel.calls;
import static dev.taskforce.testing.ScriptedModel.response;
import static dev.taskforce.testing.ScriptedModel.text;
import static dev.taskforce.testing.TestTools.echo;
import static dev.taskforce.testing.TestTools.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.TaskforceException;
import dev.taskforce.budget.Budget;
import dev.taskforce.budget.Limit;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.event.RunEvent;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.Usage;
import dev.taskforce.testing.ScriptedModel;
import dev.taskforce.tool.ToolResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AgentTest {

  private final ScriptedModel model = new ScriptedModel();

  @Test
  void answersWithTheModelsTextWhenItStops() {
    model.then(text("Hello"));
    Agent agent = Agent.builder().model(model).instructions("Be brief.").build();

    AgentResult<String> r = agent.run("Hi");

    assertThat(r.output()).isEqualTo("Hello");
    assertThat(r.outcome()).isInstanceOf(RunOutcome.Completed.class);
    assertThat(r.turns()).isEqualTo(1);
    assertThat(r.conversation().messages())
        .containsExactly(
            new SystemMessage("Be brief."), UserMessage.of("Hi"), AssistantMessage.of("Hello"));
    assertThat(r.usage().costUsd()).isEqualByComparingTo("0.001");
    assertThat(r.usageByModel()).containsOnlyKeys("scripted");
  }

  @Test
  void runsRequestedToolCallsAndSendsTheirResultsBackInCallOrder() {
    model
        .then(calls(new ToolCall("c1", "a", "{\"x\":1}"), new ToolCall("c2", "b", "{}")))
        .then(text("done"));
    Agent agent = Agent.builder().model(model).tools(List.of(echo("a"), echo("b"))).build();

    AgentResult<String> r = agent.run("go");

    assertThat(r.output()).isEqualTo("done");
    assertThat(r.toolCalls())
        .extracting(c -> c.result().content())
        .containsExactly("a:{\"x\":1}", "b:{}");
    var second = model.requests().get(1).messages();
    assertThat(second.subList(second.size() - 2, second.size()))
        .containsExactly(
            new ToolResultMessage("c1", "a", "a:{\"x\":1}", false),
            new ToolResultMessage("c2", "b", "b:{}", false));
    assertThat(model.requests().get(0).tools()).extracting(t -> t.name()).containsExactly("a", "b");
  }

  @Test
  void anUnknownToolGoesBackToTheModelAsAToolError() {
    model.then(calls(new ToolCall("c1", "nope", "{}"))).then(text("sorry"));
    Agent agent = Agent.builder().model(model).tools(List.of(echo("a"))).build();

    AgentResult<String> r = agent.run("go");

    assertThat(r.output()).isEqualTo("sorry");
    assertThat(r.toolCalls().get(0).result().isError()).isTrue();
    assertThat(r.toolCalls().get(0).result().content()).contains("nope").contains("a");
  }

  @Test
  void aToolThatThrowsGoesBackToTheModelAsAToolError() {
    model.then(calls(new ToolCall("c1", "boom", "{}"))).then(text("recovered"));
    Agent agent =
        Agent.builder()
            .model(model)
            .tools(
                List.of(
                    tool(
                        "boom",
                        (a, c) -> {
                          throw new IllegalStateException("disk full");
                        })))
            .build();

    AgentResult<String> r = agent.run("go");

    assertThat(r.output()).isEqualTo("recovered");
    assertThat(r.toolCalls().get(0).result().content()).contains("disk full");
  }

  @Test
  void stopsAtTheTurnLimitKeepingEverythingDone() {
    model.always(req -> calls(new ToolCall("c" + req.messages().size(), "a", "{}")));
    Agent agent = Agent.builder().model(model).tools(List.of(echo("a"))).maxTurns(3).build();

    AgentResult<String> r = agent.run("loop forever");

    assertThat(r.outcome())
        .isEqualTo(
            new RunOutcome.LimitReached(Limit.TURNS, "the agent's turn limit of 3 is reached"));
    assertThat(r.turns()).isEqualTo(3);
    assertThat(r.toolCalls()).hasSize(3);
    assertThatThrownBy(r::output)
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("TURNS");
  }

  @Test
  void stopsAtTheToolCallLimitAndAnswersTheCallsItDidNotRun() {
    model
        .then(calls(new ToolCall("c1", "a", "{}")))
        .then(calls(new ToolCall("c2", "a", "{}"), new ToolCall("c3", "a", "{}")));
    Agent agent =
        Agent.builder()
            .model(model)
            .tools(List.of(echo("a")))
            .budget(Budget.UNLIMITED.withMaxToolCalls(2))
            .build();

    AgentResult<String> r = agent.run("go");

    assertThat(r.outcome()).isInstanceOf(RunOutcome.LimitReached.class);
    assertThat(((RunOutcome.LimitReached) r.outcome()).limit()).isEqualTo(Limit.TOOL_CALLS);
    assertThat(r.toolCalls()).hasSize(1);
    var last = r.conversation().messages();
    assertThat(last.get(last.size() - 1))
        .isEqualTo(
            new ToolResultMessage(
                "c3", "a", "not run: the run's tool call limit was reached", true));
  }

  @Test
  void capsTheOutputToWhatTheBudgetAffordsAndStopsBeforeOverspending() {
    // $100 per million tokens = $0.0001 a token; each call reports $0.05.
    ModelInfo priced =
        new ModelInfo(
            "priced", 100_000, 1_000, Pricing.perMillion("100", "100", null), Set.of(), true);
    ScriptedModel m = new ScriptedModel(priced);
    m.always(
        req ->
            new dev.taskforce.model.ChatResponse(
                new AssistantMessage(
                    null,
                    List.of(new ToolCall("c" + req.messages().size(), "a", "{}")),
                    null,
                    Reasoning.NONE),
                FinishReason.TOOL_CALLS,
                null,
                new Usage(100, 20, 0, 0, new BigDecimal("0.05")),
                "priced",
                null,
                null));
    Agent agent =
        Agent.builder().model(m).tools(List.of(echo("a"))).budget(Budget.usd("0.25")).build();

    AgentResult<String> r = agent.run("go");

    assertThat(r.outcome()).isInstanceOf(RunOutcome.LimitReached.class);
    assertThat(((RunOutcome.LimitReached) r.outcome()).limit()).isEqualTo(Limit.COST);
    assertThat(r.usage().costUsd()).isEqualByComparingTo("0.25");
    assertThat(m.requests()).hasSize(5);
    // With $0.05 left, the fifth call may only ask for ~500 output tokens, not the model's 1,000.
    assertThat(m.requests().get(4).maxOutputTokens()).isBetween(256, 999);
  }

  @Test
  void aRefusalEndsTheRunAsRefused() {
    model.then(
        response(
            new AssistantMessage(null, List.of(), "I can't help with that", Reasoning.NONE),
            FinishReason.STOP));
    AgentResult<String> r = Agent.builder().model(model).build().run("bad");
    assertThat(r.outcome()).isEqualTo(new RunOutcome.Refused("I can't help with that"));
  }

  @Test
  void aContentFilterStopEndsTheRunAsContentFiltered() {
    model.then(response(AssistantMessage.of(""), FinishReason.CONTENT_FILTER));
    AgentResult<String> r = Agent.builder().model(model).build().run("x");
    assertThat(r.outcome()).isInstanceOf(RunOutcome.ContentFiltered.class);
  }

  @Test
  void anOutputLimitSpentOnReasoningEndsAsOutputTruncated() {
    model.then(
        new dev.taskforce.model.ChatResponse(
            new AssistantMessage(null, List.of(), null, Reasoning.NONE),
            FinishReason.LENGTH,
            "max_output_tokens",
            new Usage(10, 4000, 0, 4000, BigDecimal.ONE),
            "m",
            null,
            null));
    AgentResult<String> r = Agent.builder().model(model).build().run("think hard");
    assertThat(r.outcome()).isEqualTo(new RunOutcome.OutputTruncated("", 4000));
    assertThat(r.outcome().describe()).isEqualTo("output limit spent on reasoning");
  }

  @Test
  void aCancelledTokenEndsTheRunBeforeAnyModelCall() {
    CancellationToken token = new CancellationToken();
    token.cancel();
    AgentResult<String> r =
        Agent.builder()
            .model(model)
            .build()
            .run(AgentRequest.builder().message("x").cancellation(token).build());
    assertThat(r.outcome()).isInstanceOf(RunOutcome.Cancelled.class);
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void cancellingDuringAToolCallEndsTheRunAfterIt() {
    CancellationToken token = new CancellationToken();
    model.then(calls(new ToolCall("c1", "stop", "{}"))).then(text("never"));
    Agent agent =
        Agent.builder()
            .model(model)
            .tools(
                List.of(
                    tool(
                        "stop",
                        (a, ctx) -> {
                          token.cancel();
                          return ToolResult.success("ok");
                        })))
            .build();

    AgentResult<String> r =
        agent.run(AgentRequest.builder().message("x").cancellation(token).build());

    assertThat(r.outcome()).isInstanceOf(RunOutcome.Cancelled.class);
    assertThat(r.toolCalls()).hasSize(1);
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void aModelErrorEndsTheRunAsFailedKeepingTheTranscript() {
    model
        .then(calls(new ToolCall("c1", "a", "{}")))
        .then(
            req -> {
              throw new TaskforceException("upstream down");
            });
    Agent agent = Agent.builder().model(model).tools(List.of(echo("a"))).build();

    AgentResult<String> r = agent.run("go");

    assertThat(r.outcome()).isInstanceOf(RunOutcome.Failed.class);
    assertThat(r.toolCalls()).hasSize(1);
    assertThatThrownBy(r::output)
        .isInstanceOf(RunFailedException.class)
        .hasCauseInstanceOf(TaskforceException.class);
  }

  @Test
  void rejectsAReasoningEffortTheModelDoesNotAllowNamingTheAllowedOnes() {
    ModelInfo pro =
        new ModelInfo(
            "openai/gpt-5.4-pro",
            1_050_000,
            128_000,
            Pricing.UNKNOWN,
            Set.of(ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH),
            true);
    assertThatThrownBy(
            () ->
                Agent.builder()
                    .model(new ScriptedModel(pro))
                    .reasoningEffort(ReasoningEffort.LOW)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("low")
        .hasMessageContaining("[medium, high, xhigh]");
  }

  @Test
  void sendsTheReasoningEffortOnEveryRequest() {
    model.then(calls(new ToolCall("c1", "a", "{}"))).then(text("ok"));
    Agent.builder()
        .model(model)
        .tools(List.of(echo("a")))
        .reasoningEffort(ReasoningEffort.HIGH)
        .build()
        .run("x");
    assertThat(model.requests())
        .allSatisfy(r -> assertThat(r.reasoning().effort()).isEqualTo(ReasoningEffort.HIGH));
  }

  @Test
  void eventsDescribeTheRunAndAThrowingListenerDoesNotBreakIt() {
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    model.then(calls(new ToolCall("c1", "a", "{}"))).then(text("ok"));
    Agent agent =
        Agent.builder()
            .model(model)
            .tools(List.of(echo("a")))
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(seen::add)
            .build();

    AgentResult<String> r = agent.run("x");

    assertThat(r.output()).isEqualTo("ok");
    assertThat(seen)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "RunStarted",
            "ModelCalled",
            "ToolCallStarted",
            "ToolCallFinished",
            "ModelCalled",
            "RunFinished");
    assertThat(seen).allSatisfy(e -> assertThat(e.runId()).isEqualTo(r.runId()));
  }
}
