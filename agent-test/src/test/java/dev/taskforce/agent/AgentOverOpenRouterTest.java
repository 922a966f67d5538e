package dev.taskforce.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.event.RunEvent;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.Message;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.StreamListener;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.Fault;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.testing.TestTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An agent running through the real OpenRouter client against the fake server, which rejects any
 * request whose history alters or drops the reasoning it issued.
 */
class AgentOverOpenRouterTest {

  private FakeOpenRouter server;
  private Agent agent;

  @BeforeEach
  void start() {
    server = FakeOpenRouter.builder().start();
    OpenRouter openRouter =
        OpenRouter.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
    agent =
        Agent.builder()
            .model(openRouter.model("openai/gpt-5.4-mini"))
            .instructions("Use the tools.")
            .tools(List.of(TestTools.echo("lookup")))
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void scriptThreeToolTurnsThenAnAnswer() {
    for (int i = 1; i <= 3; i++) {
      server.enqueue(
          ScriptedTurn.builder()
              .openAiReasoning("Step " + i + ": I need another lookup.")
              .toolCall(new ToolCall("call_" + i, "lookup", "{\"n\":" + i + "}"))
              .build());
    }
    server.enqueue(
        ScriptedTurn.builder().openAiReasoning("Enough.").text("The answer is 42.").build());
  }

  @ParameterizedTest(name = "streamed: {0}")
  @ValueSource(booleans = {false, true})
  void carriesEveryReasoningItemBackUnchangedAcrossThreeToolTurns(boolean streamed) {
    scriptThreeToolTurnsThenAnAnswer();
    List<String> reasoning = new ArrayList<>();
    AgentRequest.Builder request = AgentRequest.builder().message("What is the answer?");
    if (streamed) {
      request.stream(
          new StreamListener() {
            @Override
            public void onReasoning(String delta) {
              reasoning.add(delta);
            }
          });
    }

    AgentResult<String> r = agent.run(request.build());

    assertThat(r.output()).isEqualTo("The answer is 42.");
    assertThat(r.toolCalls()).hasSize(3);
    server.assertAllScriptedTurnsUsed();
    // Request 2 carries turn 1 back, request 3 turns 1-2, request 4 turns 1-3: 6 round trips.
    assertThat(server.reasoningRoundTrips().verified()).isEqualTo(6);
    assertThat(server.reasoningRoundTrips().rejected()).isZero();
    assertThat(server.reasoningRoundTrips().dropped()).isZero();
    if (streamed) {
      assertThat(String.join("", reasoning)).contains("Step 1").contains("Enough.");
    }
  }

  @Test
  void aRateLimitIsRetriedAfterItsDelayAndReportedAsAnEvent() {
    List<RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecordingSleeper sleeper = new RecordingSleeper();
    OpenRouter openRouter =
        OpenRouter.builder()
            .baseUrl(server.baseUrl())
            .apiKey(server.apiKey())
            .retryPolicy(RetryPolicy.DEFAULT.toBuilder().sleeper(sleeper).build())
            .build();
    Agent retrying =
        Agent.builder()
            .model(openRouter.model("openai/gpt-5.4-mini"))
            .listener(events::add)
            .build();
    server.enqueue(Fault.rateLimited(Duration.ofSeconds(3)), ScriptedTurn.ofText("after the wait"));

    AgentResult<String> r = retrying.run("hi");

    assertThat(r.output()).isEqualTo("after the wait");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(events)
        .filteredOn(e -> e instanceof RunEvent.ModelRetried)
        .singleElement()
        .satisfies(
            e -> {
              RunEvent.ModelRetried m = (RunEvent.ModelRetried) e;
              assertThat(m.attempt()).isEqualTo(2);
              assertThat(m.delay()).isEqualTo(Duration.ofSeconds(3));
              assertThat(m.reason()).isEqualTo("RateLimitedException 429");
            });
  }

  @Test
  void aSavedAndReloadedConversationStillCarriesItsReasoning() {
    scriptThreeToolTurnsThenAnAnswer();
    AgentResult<String> first = agent.run("What is the answer?");
    server.enqueue(ScriptedTurn.ofText("Still 42."));

    Conversation reloaded = Conversation.fromJson(first.conversation().toJson());
    AgentResult<String> second =
        agent.run(AgentRequest.builder().conversation(reloaded).message("Sure?").build());

    assertThat(second.output()).isEqualTo("Still 42.");
    assertThat(server.reasoningRoundTrips().rejected()).isZero();
    assertThat(server.reasoningRoundTrips().verified()).isEqualTo(6 + 4);
  }

  @Test
  void aHistoryWithAlteredReasoningIsRejectedProvingTheCheckWorks() {
    scriptThreeToolTurnsThenAnAnswer();
    AgentResult<String> first = agent.run("What is the answer?");
    List<Message> tampered = new ArrayList<>(first.conversation().messages());
    for (int i = 0; i < tampered.size(); i++) {
      if (tampered.get(i) instanceof AssistantMessage a && a.hasToolCalls()) {
        List<ReasoningDetail> details = new ArrayList<>();
        for (ReasoningDetail d : a.reasoning().details()) {
          // Flip one character of the encrypted blob, as a careless client might.
          details.add(
              ReasoningDetail.fromJson(d.json().replaceFirst("\"data\":\"(.)", "\"data\":\"#")));
        }
        tampered.set(
            i,
            new AssistantMessage(
                a.text(),
                a.toolCalls(),
                a.refusal(),
                new Reasoning(a.reasoning().text(), details)));
        break;
      }
    }
    server.enqueue(ScriptedTurn.ofText("unreachable"));

    AgentResult<String> second =
        agent.run(
            AgentRequest.builder()
                .conversation(new Conversation(tampered))
                .message("Sure?")
                .build());

    assertThat(second.outcome()).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) second.outcome()).error())
        .isInstanceOf(BadRequestException.class);
    assertThat(server.reasoningRoundTrips().rejected()).isEqualTo(1);
  }
}
