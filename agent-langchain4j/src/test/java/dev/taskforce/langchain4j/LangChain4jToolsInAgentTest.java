package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.message.Message;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.ScriptedTurn;
import dev.taskforce.testing.ScriptedModel;
import dev.taskforce.tool.ToolCallResult;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** LangChain4j {@code @Tool} objects under Taskforce's agent loop. */
class LangChain4jToolsInAgentTest {

  static final class OrderTools {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch bothInFlight = new CountDownLatch(2);

    @Tool("Look up an order by its id")
    String findOrder(@P("Order id, e.g. A-1042") @Pattern(regexp = "A-\\d+") String id) {
      calls.add(id);
      return "order " + id + " shipped";
    }

    @Tool("Checks stock of a product")
    String stock(@P("product") String product) throws InterruptedException {
      bothInFlight.countDown();
      // Each call waits until both are running: only concurrent calls get past.
      return bothInFlight.await(10, TimeUnit.SECONDS) ? "together" : "alone";
    }
  }

  private static ToolResultMessage lastToolResult(List<Message> messages) {
    return (ToolResultMessage) messages.get(messages.size() - 1);
  }

  @Test
  void invalidArgumentsGoBackToTheModelAndTheMethodIsNotCalled() {
    OrderTools tools = new OrderTools();
    ScriptedModel model =
        new ScriptedModel()
            .then(ScriptedModel.calls(new ToolCall("c1", "findOrder", "{\"id\":\"B-7\"}")))
            .then(
                r ->
                    lastToolResult(r.messages()).isError()
                        ? ScriptedModel.calls(new ToolCall("c2", "findOrder", "{\"id\":\"A-7\"}"))
                        : ScriptedModel.text("the error never reached me"))
            .then(ScriptedModel.text("Order A-7 shipped."));
    Agent agent = Agent.builder().model(model).tools(LangChain4j.tools(tools)).build();

    AgentResult<String> r = agent.run("Where is my order?");

    assertThat(r.output()).isEqualTo("Order A-7 shipped.");
    assertThat(tools.calls).containsExactly("A-7");
    ToolResultMessage error = lastToolResult(model.requests().get(1).messages());
    assertThat(error.isError()).isTrue();
    assertThat(error.content())
        .isEqualTo(
            "Invalid arguments for tool findOrder (1 problem):\n"
                + "- id: must match \"A-\\d+\" (got \"B-7\")\n"
                + "Fix the arguments and call the tool again.");
    assertThat(model.requests().get(0).tools())
        .extracting(t -> t.name())
        .containsExactly("findOrder", "stock");
  }

  @Test
  void theToolCallsOfOneTurnRunAtTheSameTime() {
    OrderTools tools = new OrderTools();
    ScriptedModel model =
        new ScriptedModel()
            .then(
                ScriptedModel.calls(
                    new ToolCall("c1", "stock", "{\"product\":\"a\"}"),
                    new ToolCall("c2", "stock", "{\"product\":\"b\"}")))
            .then(ScriptedModel.text("done"));
    Agent agent = Agent.builder().model(model).tools(LangChain4j.tools(tools)).build();

    AgentResult<String> r = agent.run("Check stock of a and b");

    assertThat(r.toolCalls())
        .extracting(ToolCallResult::result)
        .extracting(res -> res.content())
        .containsExactly("together", "together");
  }

  @Test
  void theirSchemasPassOpenAisStrictRulesAtTheFakeServer() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(
          ScriptedTurn.builder()
              .toolCall(new ToolCall("call_1", "findOrder", "{\"id\":\"A-1042\"}"))
              .build(),
          ScriptedTurn.ofText("It shipped."));
      OpenRouter openRouter =
          OpenRouter.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
      OrderTools tools = new OrderTools();
      Agent agent =
          Agent.builder()
              .model(openRouter.model("openai/gpt-5.4-mini"))
              .tools(LangChain4j.tools(tools))
              .build();

      AgentResult<String> r = agent.run("Where is A-1042?");

      assertThat(r.output()).isEqualTo("It shipped.");
      assertThat(tools.calls).containsExactly("A-1042");
      assertThat(server.chatRequests().get(0).json().at("/tools/0/function/strict").asBoolean())
          .isTrue();
      server.assertAllScriptedTurnsUsed();
    }
  }
}
