package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.Usage;
import dev.taskforce.testing.ScriptedModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every field of a Taskforce response, as LangChain4j code sees it. */
class TaskforceChatModelResponseTest {

  private static final String SUMMARY =
      "{\"type\":\"reasoning.summary\",\"summary\":\"**Plan**\",\"format\":\"openai-responses-v1\",\"index\":0}";
  private static final String ENCRYPTED =
      "{\"type\":\"reasoning.encrypted\",\"data\":\"gAAAAB\",\"id\":\"rs_9\",\"format\":\"openai-responses-v1\",\"index\":1,\"future_field\":{\"n\":2.50}}";

  private final ScriptedModel model = new ScriptedModel();

  @Test
  void mapsTheMessageItsReasoningAndEveryMetadataField() {
    Usage usage = new Usage(113, 286, 13, 192, new BigDecimal("0.00300125"));
    model.then(
        new dev.taskforce.model.ChatResponse(
            new AssistantMessage(
                "partial",
                List.of(
                    new ToolCall("call_a", "add", "{\"a\":2}"),
                    new ToolCall("call_b", "multiply", "{\"a\":3}")),
                null,
                new Reasoning(
                    "**Plan**",
                    List.of(
                        ReasoningDetail.fromJson(SUMMARY), ReasoningDetail.fromJson(ENCRYPTED)))),
            dev.taskforce.model.FinishReason.TOOL_CALLS,
            "completed",
            usage,
            "openai/gpt-5.4-mini-2026-03-01",
            "Azure",
            "gen-1773323924-57QbnghbXm2GvzEpqDiv"));

    ChatResponse r =
        LangChain4j.chatModel(model).chat(dev.langchain4j.data.message.UserMessage.from("go"));

    AiMessage ai = r.aiMessage();
    assertThat(ai.text()).isEqualTo("partial");
    assertThat(ai.thinking()).isEqualTo("**Plan**");
    assertThat(ai.toolExecutionRequests())
        .containsExactly(
            ToolExecutionRequest.builder().id("call_a").name("add").arguments("{\"a\":2}").build(),
            ToolExecutionRequest.builder()
                .id("call_b")
                .name("multiply")
                .arguments("{\"a\":3}")
                .build());
    assertThat(ai.attributes())
        .containsOnlyKeys(LangChain4j.REASONING_DETAILS, LangChain4j.REASONING_TEXT);
    assertThat(ai.attributes().get(LangChain4j.REASONING_DETAILS))
        .isEqualTo(List.of(SUMMARY, ENCRYPTED));
    assertThat(LangChain4j.reasoning(ai).details())
        .extracting(ReasoningDetail::json)
        .containsExactly(SUMMARY, ENCRYPTED);

    assertThat(r.id()).isEqualTo("gen-1773323924-57QbnghbXm2GvzEpqDiv");
    assertThat(r.modelName()).isEqualTo("openai/gpt-5.4-mini-2026-03-01");
    assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    TaskforceChatResponseMetadata m = (TaskforceChatResponseMetadata) r.metadata();
    assertThat(m.provider()).isEqualTo("Azure");
    assertThat(m.nativeFinishReason()).isEqualTo("completed");
    TaskforceTokenUsage t = (TaskforceTokenUsage) r.tokenUsage();
    assertThat(t.inputTokenCount()).isEqualTo(113);
    assertThat(t.outputTokenCount()).isEqualTo(286);
    assertThat(t.totalTokenCount()).isEqualTo(399);
    assertThat(t.costUsd()).isEqualByComparingTo("0.00300125");
    assertThat(t.usage()).isEqualTo(usage);
  }

  @Test
  void aRefusalIsAnAttributeAndTheModelIdStandsInForAnUnreportedModel() {
    model.then(
        new dev.taskforce.model.ChatResponse(
            new AssistantMessage(null, List.of(), "I can't help with that.", Reasoning.NONE),
            dev.taskforce.model.FinishReason.STOP,
            null,
            Usage.ZERO,
            null,
            null,
            null));

    ChatResponse r =
        LangChain4j.chatModel(model).chat(dev.langchain4j.data.message.UserMessage.from("?"));

    assertThat(r.aiMessage().text()).isNull();
    assertThat(r.aiMessage().attributes())
        .containsExactly(java.util.Map.entry(LangChain4j.REFUSAL, "I can't help with that."));
    assertThat(r.modelName()).isEqualTo("scripted");
    assertThat(r.id()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "STOP, STOP",
    "TOOL_CALLS, TOOL_EXECUTION",
    "LENGTH, LENGTH",
    "CONTENT_FILTER, CONTENT_FILTER",
    "ERROR, OTHER",
    "UNKNOWN, OTHER"
  })
  void mapsEachFinishReason(dev.taskforce.model.FinishReason taskforce, FinishReason expected) {
    assertThat(ResponseMapping.finishReason(taskforce)).isEqualTo(expected);
  }

  @Test
  void sumsOfUsageKeepTheCost() {
    TaskforceTokenUsage a = new TaskforceTokenUsage(new Usage(10, 5, 2, 1, new BigDecimal("0.01")));
    TaskforceTokenUsage b = new TaskforceTokenUsage(new Usage(20, 7, 0, 3, new BigDecimal("0.02")));

    TokenUsage sum = TokenUsage.sum(TokenUsage.sum(a, b), new TokenUsage(1, 1));
    TokenUsage plainFirst = new TokenUsage(1, 1).add(a);

    assertThat(sum).isInstanceOf(TaskforceTokenUsage.class);
    assertThat(((TaskforceTokenUsage) sum).usage())
        .isEqualTo(new Usage(31, 13, 2, 4, new BigDecimal("0.03")));
    assertThat(((TaskforceTokenUsage) plainFirst).costUsd()).isEqualByComparingTo("0.01");
    assertThat(sum.totalTokenCount()).isEqualTo(44);
  }

  @Test
  void offersJsonSchemaOutputOnlyWhenTheModelTakesIt() {
    ModelInfo noSchema = new ModelInfo("m", 1000, 100, Pricing.UNKNOWN, Set.of(), false);

    assertThat(LangChain4j.chatModel(model).supportedCapabilities())
        .containsExactly(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    assertThat(LangChain4j.chatModel(new ScriptedModel(noSchema)).supportedCapabilities())
        .isEmpty();
    assertThat(LangChain4j.streamingChatModel(new ScriptedModel(noSchema)).supportedCapabilities())
        .isEmpty();
  }
}
