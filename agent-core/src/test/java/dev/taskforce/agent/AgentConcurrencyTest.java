package dev.taskforce.agent;

import static dev.taskforce.testing.ScriptedModel.calls;
import static dev.taskforce.testing.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.testing.ScriptedModel;
import dev.taskforce.testing.TestTools;
import dev.taskforce.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentConcurrencyTest {

  record Tenant(String name) {}

  @Test
  void oneAgentServesManyConcurrentRunsWithoutMixingThemUp() throws Exception {
    int runs = 16;
    CountDownLatch allInTool = new CountDownLatch(runs);
    ScriptedModel model = new ScriptedModel();
    // First turn: call the tool; second turn: answer with what the tool said.
    model.always(
        req -> {
          var last = req.messages().get(req.messages().size() - 1);
          if (last instanceof UserMessage u) {
            return calls(new ToolCall("c-" + u.text(), "whoami", "{}"));
          }
          return text("answer:" + ((ToolResultMessage) last).content());
        });
    Agent agent =
        Agent.builder()
            .model(model)
            .tools(
                List.of(
                    TestTools.tool(
                        "whoami",
                        (args, ctx) -> {
                          // Every run waits here until all runs are inside a tool call at once.
                          allInTool.countDown();
                          try {
                            allInTool.await(10, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return ToolResult.success(ctx.value(Tenant.class).orElseThrow().name());
                        })))
            .build();

    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      List<Future<AgentResult<String>>> futures = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        String tenant = "t" + i;
        futures.add(
            pool.submit(
                () ->
                    agent.run(
                        AgentRequest.builder()
                            .message(tenant)
                            .value(Tenant.class, new Tenant(tenant))
                            .build())));
      }
      for (int i = 0; i < runs; i++) {
        assertThat(futures.get(i).get(30, TimeUnit.SECONDS).output()).isEqualTo("answer:t" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(allInTool.getCount()).isZero();
  }
}
