package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.internal.Json;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.orchestration.Executor;
import dev.taskforce.orchestration.Orchestrator;
import dev.taskforce.orchestration.RunResult;
import dev.taskforce.orchestration.StepStatus;
import dev.taskforce.testing.ScriptedModel;
import dev.taskforce.testing.TestTools;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A LangChain4j chat model doing real Taskforce work: an agent's model and a plan's executor. */
class LangChain4jModelInTaskforceTest {

  record Report(String summary) {}

  private static final ModelInfo LOCAL =
      new ModelInfo(
          "local/llama", 128_000, 8_000, Pricing.perMillion("1", "2", null), Set.of(), true);

  private static ChatResponse toolCall(String id, String name, String args) {
    return ChatResponse.builder()
        .aiMessage(
            AiMessage.builder()
                .thinking("I need " + name)
                .toolExecutionRequests(
                    List.of(
                        ToolExecutionRequest.builder().id(id).name(name).arguments(args).build()))
                .attributes(Map.of("thinking_signature", "sig-" + id))
                .build())
        .finishReason(FinishReason.TOOL_EXECUTION)
        .tokenUsage(new TokenUsage(1000, 100))
        .build();
  }

  private static ChatResponse text(String text) {
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .finishReason(FinishReason.STOP)
        .tokenUsage(new TokenUsage(1000, 100))
        .build();
  }

  @Test
  void runsAnAgentsToolLoopWithItsReasoningAttributesCarriedAcrossTurns() {
    FakeLangChain4jModel lc4j =
        new FakeLangChain4jModel()
            .then(toolCall("t1", "lookup", "{\"q\":\"A-1042\"}"))
            .then(text("Order A-1042 shipped."));
    Agent agent =
        Agent.builder()
            .model(LangChain4j.model(lc4j, LOCAL))
            .instructions("Use the tools.")
            .tools(List.of(TestTools.echo("lookup")))
            .build();

    AgentResult<String> r = agent.run("Where is order A-1042?");

    assertThat(r.output()).isEqualTo("Order A-1042 shipped.");
    assertThat(r.toolCalls()).hasSize(1);
    ChatRequest second = lc4j.requests().get(1);
    assertThat(second.toolSpecifications()).extracting(s -> s.name()).containsExactly("lookup");
    AiMessage turn = (AiMessage) second.messages().get(2);
    assertThat(turn.thinking()).isEqualTo("I need lookup");
    assertThat(turn.attributes()).containsEntry("thinking_signature", "sig-t1");
    ToolExecutionResultMessage result = (ToolExecutionResultMessage) second.messages().get(3);
    assertThat(result.id()).isEqualTo("t1");
    assertThat(result.text()).isEqualTo("lookup:{\"q\":\"A-1042\"}");
    // Priced from the ModelInfo: 2 calls of 1000 in at $1/M and 100 out at $2/M.
    assertThat(r.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.0024"));
  }

  @Test
  void givesTypedAnswersThroughJsonOutputWhenTheModelDeclaresNoSchemaSupport() {
    FakeLangChain4jModel lc4j = new FakeLangChain4jModel().then(text("{\"summary\":\"all good\"}"));
    Agent agent = Agent.builder().model(LangChain4j.model(lc4j)).build();

    AgentResult<Report> r = agent.run("Summarise", Report.class);

    assertThat(r.output()).isEqualTo(new Report("all good"));
    var format = lc4j.requests().get(0).responseFormat();
    assertThat(format.type()).isEqualTo(dev.langchain4j.model.chat.request.ResponseFormatType.JSON);
    assertThat(format.jsonSchema()).isNull();
  }

  @Test
  void servesAsAnExecutorInAnOrchestratedRun() {
    ScriptedModel planner =
        new ScriptedModel()
            .then(
                ScriptedModel.text(
                    "{\"kind\":\"plan\",\"answer\":null,\"steps\":["
                        + "{\"id\":\"s1\",\"executor\":\"local\",\"instructions\":\"check stock\",\"dependsOn\":[]}]}"))
            .then(
                ScriptedModel.text(
                    "{\"kind\":\"answer\",\"steps\":null,\"answer\":"
                        + Json.write(new Report("stock is fine"))
                        + "}"));
    FakeLangChain4jModel lc4j =
        new FakeLangChain4jModel()
            .then(toolCall("t1", "stock", "{}"))
            .then(text("12 units in stock"));
    Orchestrator team =
        Orchestrator.builder()
            .planner(planner)
            .executor(
                Executor.named("local")
                    .description("Checks stock")
                    .model(LangChain4j.model(lc4j, LOCAL))
                    .tools(List.of(TestTools.echo("stock"))))
            .build();

    RunResult<Report> r = team.run("Is the stock fine?", Report.class);

    assertThat(r.output()).isEqualTo(new Report("stock is fine"));
    assertThat(r.step("s1").orElseThrow().status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(r.step("s1").orElseThrow().output()).isEqualTo("12 units in stock");
    assertThat(r.usage().byModel()).containsKey("local/llama");
    assertThat(lc4j.requests()).hasSize(2);
    assertThat(lc4j.requests().get(0).messages().get(0))
        .isInstanceOf(dev.langchain4j.data.message.SystemMessage.class);
  }
}
