package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.model.Usage;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.tool.ToolSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A LangChain4j model behind Taskforce's ChatModel: every field, both ways. */
class LangChain4jModelTest {

  private static final ToolSpec LOOKUP =
      new ToolSpec(
          "lookup",
          "Looks things up",
          JsonSchema.fromJson(
              "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},"
                  + "\"required\":[\"q\"],\"additionalProperties\":false}"),
          true);
  private static final ToolSpec OTHER = new ToolSpec("other", "", LOOKUP.parameters(), false);

  private final FakeLangChain4jModel lc4j = new FakeLangChain4jModel();

  private static ChatResponse text(String text) {
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .finishReason(FinishReason.STOP)
        .tokenUsage(new TokenUsage(10, 2))
        .build();
  }

  private static ChatRequest ask(String text) {
    return ChatRequest.builder().messages(List.of(UserMessage.of(text))).build();
  }

  @Test
  void sendsEveryMessageAndParameterLangChain4jCanName() {
    lc4j.then(text("ok"));
    String item = "{\"type\":\"reasoning.text\",\"text\":\"hmm\",\"signature\":\"sig\"}";
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                List.of(
                    new SystemMessage("Be terse."),
                    new UserMessage(
                        List.of(
                            new TextPart("look"),
                            new ImagePart("https://example.com/a.png", "high"),
                            new ImagePart("https://example.com/b.png", "original"),
                            new ImagePart("data:image/jpeg;base64,/9j/4A", null))),
                    new AssistantMessage(
                        "checking",
                        List.of(new ToolCall("call_1", "lookup", "{\"q\":\"x\"}")),
                        null,
                        new Reasoning("hmm", List.of(ReasoningDetail.fromJson(item)))),
                    new ToolResultMessage("call_1", "lookup", "found", false)))
            .tools(List.of(LOOKUP, OTHER))
            .toolChoice(ToolChoice.REQUIRED)
            .temperature(0.2)
            .topP(0.8)
            .maxOutputTokens(300)
            .stop(List.of("STOP"))
            .responseFormat(
                new ResponseFormat.JsonSchemaFormat(
                    "answer",
                    JsonSchema.fromJson(
                        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},"
                            + "\"required\":[\"a\"],\"additionalProperties\":false}"),
                    true,
                    null))
            .build();

    LangChain4j.model(lc4j).chat(request);

    dev.langchain4j.model.chat.request.ChatRequest sent = lc4j.requests().get(0);
    List<ChatMessage> m = sent.messages();
    assertThat(m.get(0)).isEqualTo(dev.langchain4j.data.message.SystemMessage.from("Be terse."));
    assertThat(m.get(1))
        .isEqualTo(
            dev.langchain4j.data.message.UserMessage.from(
                TextContent.from("look"),
                ImageContent.from("https://example.com/a.png", ImageContent.DetailLevel.HIGH),
                ImageContent.from("https://example.com/b.png", ImageContent.DetailLevel.ULTRA_HIGH),
                ImageContent.from(
                    dev.langchain4j.data.image.Image.builder()
                        .base64Data("/9j/4A")
                        .mimeType("image/jpeg")
                        .build())));
    AiMessage ai = (AiMessage) m.get(2);
    assertThat(ai.text()).isEqualTo("checking");
    assertThat(ai.thinking()).isEqualTo("hmm");
    assertThat(ai.toolExecutionRequests())
        .containsExactly(
            ToolExecutionRequest.builder()
                .id("call_1")
                .name("lookup")
                .arguments("{\"q\":\"x\"}")
                .build());
    assertThat(ai.attributes().get(LangChain4j.REASONING_DETAILS)).isEqualTo(List.of(item));
    assertThat(m.get(3))
        .isEqualTo(
            ToolExecutionResultMessage.builder()
                .id("call_1")
                .toolName("lookup")
                .text("found")
                .isError(false)
                .build());
    ChatRequestParameters p = sent.parameters();
    assertThat(p.temperature()).isEqualTo(0.2);
    assertThat(p.topP()).isEqualTo(0.8);
    assertThat(p.maxOutputTokens()).isEqualTo(300);
    assertThat(p.stopSequences()).containsExactly("STOP");
    assertThat(p.toolChoice()).isEqualTo(dev.langchain4j.model.chat.request.ToolChoice.REQUIRED);
    assertThat(p.toolSpecifications()).extracting(s -> s.name()).containsExactly("lookup", "other");
    assertThat(p.toolSpecifications().get(0).strict()).isTrue();
    assertThat(p.toolSpecifications().get(1).description()).isNull();
    assertThat(SchemaMapping.toJson(p.toolSpecifications().get(0).parameters(), false))
        .isEqualTo(LOOKUP.parameters().node());
    assertThat(p.responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
    assertThat(p.responseFormat().jsonSchema().name()).isEqualTo("answer");
    assertThat(SchemaMapping.toJson(p.responseFormat().jsonSchema().rootElement(), false))
        .isEqualTo(
            dev.taskforce.internal.Json.parse(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},"
                    + "\"required\":[\"a\"],\"additionalProperties\":false}"));
    assertThat(p.modelName()).isEqualTo("fake-model"); // the LangChain4j model's own default
  }

  @Test
  void mapsEachToolChoiceAndPlainResponseFormat() {
    lc4j.always(r -> text("ok"));
    LangChain4jModel model = LangChain4j.model(lc4j);

    model.chat(
        ask("a").toBuilder()
            .tools(List.of(LOOKUP))
            .toolChoice(ToolChoice.AUTO)
            .responseFormat(ResponseFormat.TEXT)
            .build());
    model.chat(
        ask("b").toBuilder()
            .tools(List.of(LOOKUP))
            .toolChoice(ToolChoice.NONE)
            .responseFormat(ResponseFormat.JSON_OBJECT)
            .build());
    model.chat(ask("c").toBuilder().toolChoice(ToolChoice.REQUIRED).build()); // no tools: no choice

    List<ChatRequestParameters> p =
        lc4j.requests().stream()
            .map(dev.langchain4j.model.chat.request.ChatRequest::parameters)
            .toList();
    assertThat(p.get(0).toolChoice()).isEqualTo(dev.langchain4j.model.chat.request.ToolChoice.AUTO);
    assertThat(p.get(0).responseFormat())
        .isEqualTo(dev.langchain4j.model.chat.request.ResponseFormat.TEXT);
    assertThat(p.get(1).toolChoice()).isEqualTo(dev.langchain4j.model.chat.request.ToolChoice.NONE);
    assertThat(p.get(1).responseFormat())
        .isEqualTo(dev.langchain4j.model.chat.request.ResponseFormat.JSON);
    assertThat(p.get(2).toolChoice()).isNull();
    assertThat(p.get(2).toolSpecifications()).isEmpty();
  }

  @Test
  void aNamedToolChoiceOffersOnlyThatToolAndRequiresACall() {
    lc4j.then(text("ok"));

    LangChain4j.model(lc4j)
        .chat(
            ask("go").toBuilder()
                .tools(List.of(LOOKUP, OTHER))
                .toolChoice(new ToolChoice.Named("other"))
                .build());

    ChatRequestParameters p = lc4j.requests().get(0).parameters();
    assertThat(p.toolSpecifications()).extracting(s -> s.name()).containsExactly("other");
    assertThat(p.toolChoice()).isEqualTo(dev.langchain4j.model.chat.request.ToolChoice.REQUIRED);
    assertThatThrownBy(
            () ->
                LangChain4j.model(lc4j)
                    .chat(
                        ask("go").toBuilder()
                            .tools(List.of(LOOKUP))
                            .toolChoice(new ToolChoice.Named("missing"))
                            .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void aParametersCustomizerSendsWhatCoreCannotName() {
    lc4j.then(text("ok"));
    LangChain4jModel model =
        LangChain4jModel.builder()
            .chatModel(lc4j)
            .parameters(
                (request, p) ->
                    OpenAiChatRequestParameters.builder()
                        .overrideWith(p)
                        .reasoningEffort(request.reasoning().effort().wireValue())
                        .seed(request.seed().intValue())
                        .build())
            .build();

    model.chat(
        ask("go").toBuilder()
            .reasoning(ReasoningConfig.effort(ReasoningEffort.LOW))
            .seed(5L)
            .temperature(0.5)
            .build());

    OpenAiChatRequestParameters p =
        (OpenAiChatRequestParameters) lc4j.requests().get(0).parameters();
    assertThat(p.reasoningEffort()).isEqualTo("low");
    assertThat(p.seed()).isEqualTo(5);
    assertThat(p.temperature()).isEqualTo(0.5);
  }

  @Test
  void mapsTheAnswerAndPricesItFromTheModelInfo() {
    lc4j.then(
        ChatResponse.builder()
            .aiMessage(
                AiMessage.builder()
                    .text("calling")
                    .thinking("I should call it")
                    .toolExecutionRequests(
                        List.of(
                            ToolExecutionRequest.builder()
                                .id("c1")
                                .name("lookup")
                                .arguments("{}")
                                .build(),
                            ToolExecutionRequest.builder()
                                .name("lookup")
                                .arguments("{\"q\":1}")
                                .build()))
                    .build())
            .id("resp-1")
            .modelName("fake-model-2026")
            .finishReason(FinishReason.TOOL_EXECUTION)
            .tokenUsage(
                OpenAiTokenUsage.builder()
                    .inputTokenCount(1000)
                    .inputTokensDetails(
                        OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(400).build())
                    .outputTokenCount(200)
                    .outputTokensDetails(
                        OpenAiTokenUsage.OutputTokensDetails.builder().reasoningTokens(50).build())
                    .totalTokenCount(1200)
                    .build())
            .build());
    ModelInfo info =
        new ModelInfo(
            "fake", 100_000, 10_000, Pricing.perMillion("1", "10", "0.1"), Set.of(), true);

    dev.taskforce.model.ChatResponse r = LangChain4j.model(lc4j, info).chat(ask("go"));

    assertThat(r.message().text()).isEqualTo("calling");
    assertThat(r.message().reasoning().text()).isEqualTo("I should call it");
    assertThat(r.message().toolCalls())
        .containsExactly(
            new ToolCall("c1", "lookup", "{}"), new ToolCall("lc4j-call-1", "lookup", "{\"q\":1}"));
    assertThat(r.finishReason()).isEqualTo(dev.taskforce.model.FinishReason.TOOL_CALLS);
    assertThat(r.nativeFinishReason()).isEqualTo("TOOL_EXECUTION");
    assertThat(r.model()).isEqualTo("fake-model-2026");
    assertThat(r.id()).isEqualTo("resp-1");
    // 600 uncached at $1/M + 400 cached at $0.10/M + 200 out at $10/M.
    assertThat(r.usage()).isEqualTo(new Usage(1000, 200, 400, 50, new BigDecimal("0.00264")));
  }

  @Test
  void aTaskforceUsageAndMetadataPassThroughUnchanged() {
    Usage usage = new Usage(5, 6, 1, 2, new BigDecimal("0.5"));
    lc4j.then(
        ChatResponse.builder()
            .aiMessage(AiMessage.from("hi"))
            .metadata(
                TaskforceChatResponseMetadata.builder()
                    .tokenUsage(new TaskforceTokenUsage(usage))
                    .finishReason(FinishReason.STOP)
                    .provider("Azure")
                    .nativeFinishReason("completed")
                    .build())
            .build());

    dev.taskforce.model.ChatResponse r = LangChain4j.model(lc4j).chat(ask("go"));

    assertThat(r.usage()).isEqualTo(usage);
    assertThat(r.provider()).isEqualTo("Azure");
    assertThat(r.nativeFinishReason()).isEqualTo("completed");
    assertThat(r.model()).isEqualTo("fake-model");
  }

  @Test
  void providerAttributesOfAnAnswerGoBackToTheModelOnTheNextTurn() {
    Map<String, Object> anthropic =
        Map.of("thinking_signature", "EqcDCkgICBAC", "redacted", List.of("blob-1", "blob-2"));
    lc4j.then(
            ChatResponse.builder()
                .aiMessage(
                    AiMessage.builder()
                        .thinking("Let me think")
                        .toolExecutionRequests(
                            List.of(
                                ToolExecutionRequest.builder()
                                    .id("toolu_1")
                                    .name("lookup")
                                    .arguments("{\"q\":\"x\"}")
                                    .build()))
                        .attributes(anthropic)
                        .build())
                .build())
        .then(text("done"));
    LangChain4jModel model = LangChain4j.model(lc4j);

    dev.taskforce.model.ChatResponse first = model.chat(ask("go"));
    // The conversation is saved and restored between the turns, as a durable run would.
    dev.taskforce.message.Conversation saved =
        dev.taskforce.message.Conversation.fromJson(
            new dev.taskforce.message.Conversation(
                    List.of(
                        UserMessage.of("go"),
                        first.message(),
                        new ToolResultMessage("toolu_1", "lookup", "found", false)))
                .toJson());
    model.chat(ChatRequest.builder().messages(saved.messages()).build());

    AiMessage resent = (AiMessage) lc4j.requests().get(1).messages().get(1);
    assertThat(resent.thinking()).isEqualTo("Let me think");
    assertThat(resent.attributes()).containsAllEntriesOf(anthropic);
    assertThat(resent.toolExecutionRequests().get(0).id()).isEqualTo("toolu_1");
  }

  @Test
  void langChain4jFailuresBecomeRetryableTaskforceFailures() {
    lc4j.then(
        r -> {
          throw new RateLimitException("slow down");
        });

    assertThatThrownBy(() -> LangChain4j.model(lc4j).chat(ask("go")))
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).isRetryable()).isTrue());
  }

  @Test
  void aCancelledRequestIsNotSent() {
    CancellationToken token = new CancellationToken();
    token.cancel();

    assertThatThrownBy(
            () -> LangChain4j.model(lc4j).chat(ask("go").toBuilder().cancellation(token).build()))
        .isInstanceOf(CancelledException.class);
    assertThat(lc4j.requests()).isEmpty();
  }

  @Test
  void isKnownByTheLangChain4jModelsNameUnlessGivenAnEntry() {
    ModelInfo info = new ModelInfo("local/llama", 8000, 1000, Pricing.UNKNOWN, Set.of(), false);

    assertThat(LangChain4j.model(lc4j).id()).isEqualTo("fake-model");
    assertThat(LangChain4j.model(lc4j).info().isUnknown()).isTrue();
    assertThat(LangChain4j.model(lc4j).info().supportsJsonSchema()).isFalse();
    dev.langchain4j.model.chat.ChatModel withSchemas =
        new FakeLangChain4jModel() {
          @Override
          public Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() {
            return Set.of(dev.langchain4j.model.chat.Capability.RESPONSE_FORMAT_JSON_SCHEMA);
          }
        };
    assertThat(LangChain4j.model(withSchemas).info().supportsJsonSchema()).isTrue();
    assertThat(LangChain4j.model(lc4j, info).id()).isEqualTo("local/llama");
    assertThat(LangChain4j.model(lc4j, info).info()).isEqualTo(info);
    assertThatThrownBy(() -> LangChain4jModel.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chatModel(...)");
  }
}
