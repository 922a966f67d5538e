package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.taskforce.testing.TestTools;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Taskforce tools offered to LangChain4j as specifications with executors. */
class ToolExecutorsTest {

  interface Assistant {
    String chat(String message);
  }

  record Tenant(String id) {}

  private final ToolHandler whoAmI =
      TestTools.tool(
          "who_am_i",
          (args, ctx) ->
              ToolResult.success(
                  "tenant "
                      + ctx.value(Tenant.class).map(Tenant::id).orElse("?")
                      + ", call "
                      + ctx.toolCallId().orElse("?")));
  private final ToolHandler refuses =
      TestTools.tool("refuses", (args, ctx) -> ToolResult.failure("not allowed"));
  private final ToolHandler throwing =
      TestTools.tool(
          "throwing",
          (args, ctx) -> {
            throw new IllegalStateException("db down");
          });

  private static ToolExecutionRequest request(String id, String name) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments("{}").build();
  }

  @Test
  void anAiServiceCallsTaskforceToolsWithTheContextGiven() {
    FakeLangChain4jModel model =
        new FakeLangChain4jModel()
            .then(
                ChatResponse.builder()
                    .aiMessage(
                        AiMessage.from(
                            List.of(request("c1", "who_am_i"), request("c2", "refuses"))))
                    .build())
            .then(ChatResponse.builder().aiMessage(AiMessage.from("done")).build());
    Map<ToolSpecification, ToolExecutor> tools =
        LangChain4j.toolExecutors(
            List.of(whoAmI, refuses),
            ToolContext.builder().runId("run-1").value(Tenant.class, new Tenant("acme")).build());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).tools(tools).build();

    String answer = assistant.chat("who am I?");

    assertThat(answer).isEqualTo("done");
    assertThat(model.requests().get(0).toolSpecifications())
        .extracting(ToolSpecification::name)
        .containsExactly("who_am_i", "refuses");
    List<ToolExecutionResultMessage> results =
        model.requests().get(1).messages().stream()
            .filter(m -> m instanceof ToolExecutionResultMessage)
            .map(m -> (ToolExecutionResultMessage) m)
            .toList();
    assertThat(results)
        .extracting(ToolExecutionResultMessage::text)
        .containsExactly("tenant acme, call c1", "not allowed");
  }

  @Test
  void failuresAndExceptionsAreErrorResults() {
    Map<ToolSpecification, ToolExecutor> tools =
        LangChain4j.toolExecutors(List.of(refuses, throwing));
    ToolExecutor refusing = tools.values().stream().toList().get(0);
    ToolExecutor failing = tools.values().stream().toList().get(1);

    ToolExecutionResult refused =
        refusing.executeWithContext(request("c1", "refuses"), (InvocationContext) null);
    ToolExecutionResult failed =
        failing.executeWithContext(request("c2", "throwing"), (InvocationContext) null);

    assertThat(refused.isError()).isTrue();
    assertThat(refused.resultText()).isEqualTo("not allowed");
    assertThat(failed.isError()).isTrue();
    assertThat(failed.resultText()).isEqualTo("tool throwing failed: db down");
    assertThat(failing.execute(request("c3", "throwing"), "memory-1"))
        .isEqualTo("tool throwing failed: db down");
  }

  @Test
  void toolsGoRoundTripBetweenTheTwoWorlds() {
    // A LangChain4j @Tool object, made a Taskforce tool, offered back to LangChain4j.
    List<ToolHandler> handlers = LangChain4j.tools(new ReasoningContinuityTest.LookupTools());

    ToolSpecification spec = LangChain4j.toolSpecifications(handlers).get(0);
    ToolExecutor executor = LangChain4j.toolExecutors(handlers).get(spec);

    assertThat(spec.name()).isEqualTo("lookup");
    assertThat(spec.strict()).isTrue();
    assertThat(
            executor.execute(
                ToolExecutionRequest.builder()
                    .id("c")
                    .name("lookup")
                    .arguments("{\"n\":4}")
                    .build(),
                null))
        .isEqualTo("value 4");
  }
}
