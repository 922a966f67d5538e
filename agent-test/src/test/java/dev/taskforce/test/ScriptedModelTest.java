package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.budget.Budget;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.StreamListener;
import dev.taskforce.model.Usage;
import dev.taskforce.testing.TestTools;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScriptedModelTest {

  static ChatRequest ask(String text) {
    return ChatRequest.builder().messages(List.of(UserMessage.of(text))).build();
  }

  @Test
  void answersFromTheQueueInOrderAndRecordsEveryRequest() {
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(ScriptedTurn.ofText("one"), ScriptedTurn.ofText("two"));

    assertThat(model.chat(ask("a")).message().text()).isEqualTo("one");
    model.enqueue(ScriptedTurn.ofText("three"));
    assertThat(model.chat(ask("b")).message().text()).isEqualTo("two");
    assertThat(model.chat(ask("c")).message().text()).isEqualTo("three");

    assertThat(model.requests())
        .extracting(r -> ((UserMessage) r.messages().get(0)).text())
        .containsExactly("a", "b", "c");
    model.assertAllScriptedAnswersUsed();
  }

  @Test
  void turnsGetTheFakeServersDefaultsPricedFromTheModelsInfo() {
    ScriptedModel model =
        ScriptedModel.builder().info(ModelCatalog.builtIn().info("openai/gpt-5.4-nano")).build();
    model.enqueue(
        ScriptedTurn.builder().toolCall(new ToolCall("call_1", "lookup", "{\"id\":1}")).build());

    ChatResponse r = model.chat(ask("Look it up"));

    assertThat(model.id()).isEqualTo("openai/gpt-5.4-nano");
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(r.nativeFinishReason()).isEqualTo("completed");
    assertThat(r.message().toolCalls())
        .containsExactly(new ToolCall("call_1", "lookup", "{\"id\":1}"));
    assertThat(r.model()).isEqualTo("openai/gpt-5.4-nano");
    assertThat(r.id()).matches("gen-\\d+-[A-Za-z0-9]{20}");
    Usage u = r.usage();
    assertThat(u.inputTokens()).isPositive();
    assertThat(u.costUsd())
        .isEqualByComparingTo(model.info().pricing().cost(u.inputTokens(), 0, u.outputTokens()))
        .isPositive();
  }

  @Test
  void openAiReasoningBecomesASummaryAndAnEncryptedItem() {
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(ScriptedTurn.builder().openAiReasoning("Thinking.").text("Done").build());

    AssistantMessage m = model.chat(ask("q")).message();

    assertThat(m.reasoning().text()).isEqualTo("Thinking.");
    assertThat(m.reasoning().details())
        .extracting(ReasoningDetail::type)
        .containsExactly("reasoning.summary", "reasoning.encrypted");
  }

  @Test
  void exactResponsesAreServedAsGiven() {
    ChatResponse exact =
        new ChatResponse(
            AssistantMessage.of("exact"),
            FinishReason.LENGTH,
            "max_output_tokens",
            new Usage(10, 20, 0, 15, new BigDecimal("0.0100")),
            "openai/gpt-5.4-mini-20260317",
            "Azure",
            "gen-1");
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(exact);

    assertThat(model.chat(ask("q"))).isSameAs(exact);
  }

  @Test
  void aRuleAnswersWhenTheQueueIsEmpty() {
    ScriptedModel model =
        ScriptedModel.builder()
            .rule(
                r -> ScriptedTurn.ofText("You said " + ((UserMessage) r.messages().get(0)).text()))
            .build();
    model.enqueue(ScriptedTurn.ofText("queued first"));

    assertThat(model.chat(ask("a")).message().text()).isEqualTo("queued first");
    assertThat(model.chat(ask("b")).message().text()).isEqualTo("You said b");
    assertThat(model.chat(ask("c")).message().text()).isEqualTo("You said c");
    model.assertAllScriptedAnswersUsed();
  }

  @Test
  void aScriptedFailureIsThrownOnceAndTheNextAnswerServesTheRetry() {
    RateLimitedException limited =
        new RateLimitedException(
            new ModelError(
                429,
                "429",
                null,
                "Rate limited",
                null,
                null,
                Duration.ofSeconds(2),
                dev.taskforce.model.ErrorOrigin.HTTP_STATUS,
                null),
            null);
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueueFailure(limited).enqueue(ScriptedTurn.ofText("after"));

    assertThatThrownBy(() -> model.chat(ask("a"))).isSameAs(limited);
    assertThat(model.chat(ask("a")).message().text()).isEqualTo("after");
    assertThat(model.requests()).hasSize(2);
  }

  @Test
  void aRequestThatFindsTheScriptEmptyFailsAtOnceAndInTheAssertion() {
    ScriptedModel model = ScriptedModel.builder().id("openai/gpt-5.4-mini").build();

    assertThatThrownBy(() -> model.chat(ask("a")))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "ScriptedModel[openai/gpt-5.4-mini] has no answer left for request #1; enqueue one or"
                + " set a rule");
    assertThatThrownBy(model::assertAllScriptedAnswersUsed)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 chat requests came after the script ran out")
        .hasMessageContaining("request #1 (ChatRequest{messages=1");
  }

  @Test
  void unusedAnswersFailTheAssertionListingThem() {
    ScriptedModel model = ScriptedModel.builder().build();
    model
        .enqueue(ScriptedTurn.ofText("used"), ScriptedTurn.ofText("never"))
        .enqueueFailure(new IllegalStateException("never thrown"));
    model.chat(ask("a"));

    assertThatThrownBy(model::assertAllScriptedAnswersUsed)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ScriptedModel[scripted] script was not followed")
        .hasMessageContaining("2 scripted answers were never served")
        .hasMessageContaining("ScriptedTurn[text(5 chars)]")
        .hasMessageContaining("failure IllegalStateException");
  }

  @Test
  void streamsReasoningTextAndToolCallsInPiecesThatJoinUpToTheResponse() {
    String text = "The weather in Oslo is three degrees and cloudy, with a light breeze.";
    String args = "{\"city\":\"Oslo\",\"unit\":\"celsius\"}";
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(
        ScriptedTurn.builder()
            .reasoningText("The user asks about Oslo, so I look it up and answer briefly.")
            .text(text)
            .toolCall(new ToolCall("call_1", "get_weather", args))
            .build());
    List<String> events = new ArrayList<>();
    StringBuilder joinedText = new StringBuilder();
    StringBuilder joinedArgs = new StringBuilder();
    StreamListener listener =
        new StreamListener() {
          @Override
          public void onText(String delta) {
            events.add("text");
            joinedText.append(delta);
          }

          @Override
          public void onReasoning(String delta) {
            events.add("reasoning");
          }

          @Override
          public void onToolCall(int index, String id, String name, String argumentsDelta) {
            events.add(id == null ? "args" : "call " + id + " " + name);
            joinedArgs.append(argumentsDelta);
          }
        };

    ChatResponse r = model.stream(ask("Weather?"), listener);

    assertThat(joinedText).hasToString(text);
    assertThat(joinedArgs).hasToString(args);
    assertThat(events.indexOf("text")).isGreaterThan(events.lastIndexOf("reasoning"));
    assertThat(events).filteredOn("text"::equals).hasSizeGreaterThan(3);
    assertThat(events).filteredOn("args"::equals).hasSizeGreaterThan(3);
    assertThat(events).contains("call call_1 get_weather");
    assertThat(events.indexOf("call call_1 get_weather")).isLessThan(events.indexOf("args"));
    assertThat(r.message().text()).isEqualTo(text);
  }

  @Test
  void aCancelledStreamStopsBetweenPieces() {
    CancellationToken token = new CancellationToken();
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(ScriptedTurn.ofText("one two three four five six seven eight nine ten"));
    List<String> pieces = new ArrayList<>();
    ChatRequest request = ask("q").toBuilder().cancellation(token).build();

    assertThatThrownBy(
            () ->
                model.stream(
                    request,
                    new StreamListener() {
                      @Override
                      public void onText(String delta) {
                        pieces.add(delta);
                        token.cancel();
                      }
                    }))
        .isInstanceOf(CancelledException.class);
    assertThat(pieces).hasSize(1);
  }

  @Test
  void aRequestMissingItsExpectationFailsAtOnceSayingWhatDiffered() {
    ScriptedModel model = ScriptedModel.builder().build();
    model
        .enqueue(ScriptedTurn.ofText("one"), ScriptedTurn.ofText("two"))
        .expectRequest(RequestExpectation.lastMessageContains("Oslo"))
        .expectRequest(
            RequestExpectation.lastMessageContains("Oslo"), RequestExpectation.messageCount(3));
    model.chat(ask("Weather in Oslo?"));

    assertThatThrownBy(() -> model.chat(ask("Weather in Bergen?")))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "ScriptedModel[scripted] request #2 did not meet its expectations:\n"
                + "    - expected the last message contains \"Oslo\", but it is user \"Weather in"
                + " Bergen?\"\n"
                + "    - expected has 3 messages, but it has 1");
    assertThatThrownBy(model::assertExpectationsMet)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("request #2:")
        .hasMessageNotContaining("request #1");
  }

  @Test
  void anExpectedRequestThatNeverCameFailsTheAssertion() {
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(ScriptedTurn.ofText("one"));
    model.expectRequest().expectRequest(RequestExpectation.toolNames("lookup"));
    model.chat(ask("a"));

    assertThatThrownBy(model::assertExpectationsMet)
        .hasMessageContaining(
            "request #2 was expected (offers the tools [lookup]) but only 1 came");
  }

  @Test
  void everyRequestExpectationsApplyToAllRequests() {
    ScriptedModel model = ScriptedModel.builder().build();
    model
        .enqueue(ScriptedTurn.ofText("one"), ScriptedTurn.ofText("two"))
        .expectEveryRequest(
            RequestExpectation.reasoningEffort(ReasoningEffort.LOW),
            RequestExpectation.that("is short", r -> r.messages().size() < 3));
    ChatRequest low =
        ask("a").toBuilder().reasoning(ReasoningConfig.effort(ReasoningEffort.LOW)).build();
    model.chat(low);

    assertThatThrownBy(() -> model.chat(ask("b")))
        .hasMessageContaining("request #2")
        .hasMessageContaining("expected asks for reasoning effort low, but it sets none")
        .hasMessageNotContaining("is short");
    // The rejected request took no answer: the next good one gets "two".
    assertThat(model.chat(low).message().text()).isEqualTo("two");
    model.assertAllScriptedAnswersUsed();
  }

  @Test
  void requestsTheModelsInfoForbidsGetTheProvidersBadRequestAndTakeNoAnswer() {
    ScriptedModel model =
        ScriptedModel.builder().info(ModelCatalog.builtIn().info("openai/gpt-5.4-pro")).build();
    model.enqueue(ScriptedTurn.ofText("fine"));
    ChatRequest tooLong = ask("a").toBuilder().maxOutputTokens(200_000).build();

    assertThatThrownBy(() -> model.chat(tooLong))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("max_tokens is too large: 200000")
        .hasMessageContaining("at most 128000");
    Set<ReasoningEffort> allowed = model.info().reasoningEfforts();
    ReasoningEffort forbidden = ReasoningEffort.MINIMAL;
    assertThat(allowed).isNotEmpty().doesNotContain(forbidden);
    ChatRequest minimal = ask("a").toBuilder().reasoning(ReasoningConfig.effort(forbidden)).build();
    assertThatThrownBy(() -> model.chat(minimal))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("does not support 'minimal'");

    assertThat(model.chat(ask("a")).message().text()).isEqualTo("fine");
  }

  @Test
  void concurrentCallsEachTakeADifferentAnswer() throws Exception {
    int threads = 8;
    ScriptedModel model = ScriptedModel.builder().build();
    Set<String> expected = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < threads; i++) {
      model.enqueue(ScriptedTurn.ofText("answer " + i));
      expected.add("answer " + i);
    }
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return model.chat(ask("q")).message().text();
              },
              pool));
    }
    Set<String> answers = ConcurrentHashMap.newKeySet();
    try {
      for (CompletableFuture<String> c : calls) {
        answers.add(c.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).isEqualTo(expected);
    assertThat(model.requests()).hasSize(threads);
    model.assertAllScriptedAnswersUsed();
  }

  @Test
  void drivesAnAgentThroughAToolCallWithItsReasoningSentBack() {
    ScriptedModel model =
        ScriptedModel.builder().info(ModelCatalog.builtIn().info("openai/gpt-5.4-mini")).build();
    model
        .enqueue(
            ScriptedTurn.builder()
                .openAiReasoning("I need the lookup tool.")
                .toolCall(new ToolCall("call_1", "lookup", "{}"))
                .build(),
            ScriptedTurn.ofText("Found it."))
        .expectRequest(
            RequestExpectation.toolNames("lookup"), RequestExpectation.lastMessageContains("Find"))
        .expectRequest(RequestExpectation.lastMessageContains("lookup:{}"));
    Agent agent =
        Agent.builder()
            .model(model)
            .instructions("Use the tools.")
            .tools(List.of(TestTools.echo("lookup")))
            .build();

    AgentResult<String> r = agent.run("Find it");

    assertThat(r.output()).isEqualTo("Found it.");
    model.assertAllScriptedAnswersUsed();
    model.assertExpectationsMet();
    AssistantMessage first = (AssistantMessage) model.requests().get(1).messages().get(2);
    assertThat(first.reasoning().details()).hasSize(2);
    assertThat(r.usage().costUsd()).isPositive();
  }

  @Test
  void theModelsPricesReachTheAgentsBudget() {
    ScriptedModel pro =
        ScriptedModel.builder().info(ModelCatalog.builtIn().info("openai/gpt-5.4-pro")).build();
    pro.enqueue(ScriptedTurn.ofText("ok"));

    Agent.builder().model(pro).budget(Budget.usd("0.50")).build().run("hi");

    // $0.50 at GPT-5.4 Pro's $180 per million output tokens affords about 2,777 of them.
    assertThat(pro.requests().get(0).maxOutputTokens()).isBetween(2_700, 2_778);
  }
}
