package dev.taskforce.agent;

import static dev.taskforce.testing.ScriptedModel.calls;
import static dev.taskforce.testing.ScriptedModel.text;
import static dev.taskforce.testing.TestTools.echo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.budget.Budget;
import dev.taskforce.budget.Limit;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.Message;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.StreamListener;
import dev.taskforce.testing.MutableClock;
import dev.taskforce.testing.ScriptedModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentLimitsTest {

  @Test
  void stopsWhenTheWallTimeBudgetIsSpentKeepingTheFinishedTurns() {
    MutableClock clock = new MutableClock();
    ScriptedModel model = new ScriptedModel();
    model.always(
        req -> {
          clock.advance(Duration.ofMinutes(2));
          return calls(new ToolCall("c" + req.messages().size(), "a", "{}"));
        });
    Agent agent =
        Agent.builder()
            .model(model)
            .clock(clock)
            .tools(List.of(echo("a")))
            .budget(Budget.UNLIMITED.withMaxWallTime(Duration.ofMinutes(3)))
            .build();

    AgentResult<String> r = agent.run("go");

    assertThat(r.outcome()).isInstanceOf(RunOutcome.LimitReached.class);
    assertThat(((RunOutcome.LimitReached) r.outcome()).limit()).isEqualTo(Limit.WALL_TIME);
    assertThat(r.turns()).isEqualTo(2);
    assertThat(r.elapsed()).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void stopsWhenTheTokenBudgetCannotFitAnotherCall() {
    ScriptedModel model = new ScriptedModel();
    model.always(req -> calls(new ToolCall("c" + req.messages().size(), "a", "{}")));
    Agent agent =
        Agent.builder()
            .model(model)
            .tools(List.of(echo("a")))
            .budget(Budget.UNLIMITED.withMaxTokens(700L))
            .build();

    AgentResult<String> r = agent.run("go");

    // Each scripted call uses 120 tokens; the run stops once a call cannot fit in what is left.
    assertThat(((RunOutcome.LimitReached) r.outcome()).limit()).isEqualTo(Limit.TOKENS);
    assertThat(r.usage().totalTokens()).isLessThanOrEqualTo(700);
  }

  @Test
  void failsClearlyBeforeSendingAPromptThatCannotFitTheContextWindow() {
    ModelInfo tiny = new ModelInfo("tiny", 1_000, 200, Pricing.UNKNOWN, Set.of(), true);
    ScriptedModel model = new ScriptedModel(tiny);
    AgentResult<String> r = Agent.builder().model(model).build().run("x".repeat(10_000));

    assertThat(r.outcome()).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) r.outcome()).error())
        .isInstanceOf(ContextWindowExceededException.class)
        .hasMessageContaining("tiny")
        .hasMessageContaining("800");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void dropOldestTurnsTrimsWholeTurnsAndNeverSplitsAToolCallFromItsResult() {
    ModelInfo small = new ModelInfo("small", 1_200, 200, Pricing.UNKNOWN, Set.of(), true);
    ScriptedModel model = new ScriptedModel(small);
    model.then(text("fresh answer"));
    List<Message> history = new ArrayList<>();
    history.add(new SystemMessage("sys"));
    for (int i = 0; i < 6; i++) {
      history.add(UserMessage.of("question " + i + " " + "q".repeat(400)));
      history.add(
          new AssistantMessage(
              null, List.of(new ToolCall("c" + i, "a", "{}")), null, Reasoning.NONE));
      history.add(new ToolResultMessage("c" + i, "a", "r".repeat(400), false));
      history.add(AssistantMessage.of("answer " + i));
    }
    Agent agent =
        Agent.builder().model(model).contextPolicy(ContextPolicy.dropOldestTurns()).build();

    AgentResult<String> r =
        agent.run(
            AgentRequest.builder()
                .conversation(new Conversation(history))
                .message("latest")
                .build());

    assertThat(r.output()).isEqualTo("fresh answer");
    List<Message> sent = model.requests().get(0).messages();
    assertThat(sent.get(0)).isEqualTo(new SystemMessage("sys"));
    assertThat(sent.get(sent.size() - 1)).isEqualTo(UserMessage.of("latest"));
    assertThat(sent.size()).isLessThan(history.size() + 1);
    for (int i = 1; i < sent.size(); i++) {
      if (sent.get(i) instanceof ToolResultMessage) {
        assertThat(sent.get(i - 1)).isInstanceOf(AssistantMessage.class);
      }
    }
    assertThat(r.conversation().messages()).hasSize(history.size() + 2);
  }

  @Test
  void aContinuedConversationSendsEveryEarlierAssistantMessageWithItsReasoningUnchanged() {
    ReasoningDetail encrypted =
        ReasoningDetail.fromJson(
            "{\"type\":\"reasoning.encrypted\",\"data\":\"gAAAAB\",\"id\":\"rs_1\",\"format\":\"openai-responses-v1\",\"index\":0,\"future_field\":{\"x\":1}}");
    AssistantMessage withReasoning =
        new AssistantMessage(
            null,
            List.of(new ToolCall("c1", "a", "{}")),
            null,
            new Reasoning("thinking", List.of(encrypted)));
    ScriptedModel model = new ScriptedModel();
    model
        .then(ScriptedModel.response(withReasoning, FinishReason.TOOL_CALLS))
        .then(text("first"))
        .then(text("second"));
    Agent agent = Agent.builder().model(model).tools(List.of(echo("a"))).build();

    AgentResult<String> first = agent.run("one");
    Conversation saved = Conversation.fromJson(first.conversation().toJson());
    agent.run(AgentRequest.builder().conversation(saved).message("two").build());

    for (int i = 1; i < 3; i++) {
      assertThat(model.requests().get(i).messages())
          .filteredOn(m -> m instanceof AssistantMessage a && a.hasToolCalls())
          .singleElement()
          .satisfies(
              m ->
                  assertThat(((AssistantMessage) m).reasoning().details())
                      .containsExactly(encrypted));
    }
  }

  @Test
  void aStreamedRunDeliversPiecesAndEndsWithTheSameResult() {
    ScriptedModel model = new ScriptedModel();
    model.then(calls(new ToolCall("c1", "a", "{}"))).then(text("streamed answer"));
    List<String> pieces = new ArrayList<>();
    StreamListener listener =
        new StreamListener() {
          @Override
          public void onText(String delta) {
            pieces.add("text:" + delta);
          }

          @Override
          public void onToolCall(int index, String id, String name, String argumentsDelta) {
            pieces.add("tool:" + name);
          }
        };

    AgentResult<String> r =
        Agent.builder()
            .model(model)
            .tools(List.of(echo("a")))
            .build()
            .run(AgentRequest.builder().message("x").stream(listener).build());

    assertThat(r.output()).isEqualTo("streamed answer");
    assertThat(pieces).containsExactly("tool:a", "text:streamed answer");
  }

  @Test
  void aContentFilterAfterToolsKeepsTheToolResults() {
    ScriptedModel model = new ScriptedModel();
    model
        .then(calls(new ToolCall("c1", "a", "{}")))
        .then(
            new ChatResponse(
                AssistantMessage.of(""),
                FinishReason.CONTENT_FILTER,
                null,
                ScriptedModel.usage("0"),
                null,
                null,
                null));
    AgentResult<String> r = Agent.builder().model(model).tools(List.of(echo("a"))).build().run("x");
    assertThat(r.outcome()).isInstanceOf(RunOutcome.ContentFiltered.class);
    assertThat(r.toolCalls()).hasSize(1);
  }
}
