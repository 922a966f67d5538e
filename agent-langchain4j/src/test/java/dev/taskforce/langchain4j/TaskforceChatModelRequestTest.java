package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.testing.ScriptedModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field of a LangChain4j request, as the Taskforce model receives it. */
class TaskforceChatModelRequestTest {

  private final ScriptedModel model = new ScriptedModel().always(r -> ScriptedModel.text("ok"));
  private final TaskforceChatModel adapter = LangChain4j.chatModel(model);

  private dev.taskforce.model.ChatRequest sent(ChatRequest request) {
    adapter.chat(request);
    return model.requests().get(model.requests().size() - 1);
  }

  @Test
  void mapsEveryKindOfMessage() {
    String item = "{\"type\":\"reasoning.encrypted\",\"data\":\"gAAA\",\"id\":\"rs_1\",\"x\":2.50}";
    AiMessage ai =
        AiMessage.builder()
            .text("Let me look.")
            .toolExecutionRequests(
                List.of(
                    ToolExecutionRequest.builder()
                        .id("call_1")
                        .name("lookup")
                        .arguments("{\"q\":1}")
                        .build()))
            .attributes(
                Map.of(
                    LangChain4j.REASONING_DETAILS, List.of(item),
                    LangChain4j.REASONING_TEXT, "thinking it over",
                    LangChain4j.REFUSAL, "no"))
            .build();
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                dev.langchain4j.data.message.SystemMessage.from("Be terse."),
                dev.langchain4j.data.message.UserMessage.from(
                    TextContent.from("What is this?"),
                    ImageContent.from("https://example.com/a.png", ImageContent.DetailLevel.LOW),
                    ImageContent.from("iVBOR", "image/png")),
                ai,
                ToolExecutionResultMessage.builder()
                    .id("call_1")
                    .toolName("lookup")
                    .text("boom")
                    .isError(true)
                    .build(),
                ToolExecutionResultMessage.from("call_1", "lookup", "fine"))
            .build();

    dev.taskforce.model.ChatRequest tf = sent(request);

    assertThat(tf.messages())
        .containsExactly(
            new SystemMessage("Be terse."),
            new UserMessage(
                List.of(
                    new TextPart("What is this?"),
                    new ImagePart("https://example.com/a.png", "low"),
                    new ImagePart("data:image/png;base64,iVBOR", "low"))),
            new AssistantMessage(
                "Let me look.",
                List.of(new ToolCall("call_1", "lookup", "{\"q\":1}")),
                "no",
                new Reasoning("thinking it over", List.of(ReasoningDetail.fromJson(item)))),
            new ToolResultMessage("call_1", "lookup", "boom", true),
            new ToolResultMessage("call_1", "lookup", "fine", false));
    assertThat(((AssistantMessage) tf.messages().get(2)).reasoning().details().get(0).json())
        .isEqualTo(item);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "LOW, low",
    "HIGH, high",
    "AUTO, auto",
    "ULTRA_HIGH, original",
    "MEDIUM, auto"
  })
  void mapsImageDetailLevelsToWireValues(ImageContent.DetailLevel level, String wire) {
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                dev.langchain4j.data.message.UserMessage.from(
                    ImageContent.from("https://example.com/a.png", level)))
            .build();

    UserMessage user = (UserMessage) sent(request).messages().get(0);

    assertThat(user.parts()).containsExactly(new ImagePart("https://example.com/a.png", wire));
  }

  @Test
  void mapsCommonParametersAndPutsTheRestInTheExtraBody() {
    ChatRequest request =
        ChatRequest.builder()
            .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
            .temperature(0.3)
            .topP(0.9)
            .maxOutputTokens(500)
            .stopSequences(List.of("END"))
            .topK(40)
            .frequencyPenalty(0.1)
            .presencePenalty(0.2)
            .toolChoice(dev.langchain4j.model.chat.request.ToolChoice.REQUIRED)
            .toolSpecifications(ToolSpecification.builder().name("noop").build())
            .build();

    dev.taskforce.model.ChatRequest tf = sent(request);

    assertThat(tf.temperature()).isEqualTo(0.3);
    assertThat(tf.topP()).isEqualTo(0.9);
    assertThat(tf.maxOutputTokens()).isEqualTo(500);
    assertThat(tf.stop()).containsExactly("END");
    assertThat(tf.toolChoice()).isEqualTo(ToolChoice.REQUIRED);
    assertThat(tf.extraBody())
        .containsExactly(
            Map.entry("top_k", 40),
            Map.entry("frequency_penalty", 0.1),
            Map.entry("presence_penalty", 0.2));
    assertThat(tf.reasoning()).isNull();
    assertThat(tf.tools()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("noop"));
  }

  @Test
  void honoursOpenAiSpecificParameters() {
    ChatRequest request =
        ChatRequest.builder()
            .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
            .parameters(
                OpenAiChatRequestParameters.builder()
                    .reasoningEffort("high")
                    .maxOutputTokens(100)
                    .maxCompletionTokens(800)
                    .seed(7)
                    .user("user-9")
                    .parallelToolCalls(false)
                    .metadata(Map.of("team", "refunds"))
                    .customParameters(Map.of("service_tier", "flex"))
                    .build())
            .build();

    dev.taskforce.model.ChatRequest tf = sent(request);

    assertThat(tf.reasoning()).isEqualTo(ReasoningConfig.effort(ReasoningEffort.HIGH));
    assertThat(tf.maxOutputTokens()).isEqualTo(800);
    assertThat(tf.seed()).isEqualTo(7L);
    assertThat(tf.user()).isEqualTo("user-9");
    assertThat(tf.parallelToolCalls()).isFalse();
    assertThat(tf.metadata()).containsExactly(Map.entry("team", "refunds"));
    assertThat(tf.extraBody()).containsEntry("service_tier", "flex");
  }

  @Test
  void usesTheAdaptersDefaultEffortUnlessTheRequestNamesOne() {
    TaskforceChatModel lowByDefault =
        TaskforceChatModel.builder(model).reasoningEffort(ReasoningEffort.LOW).build();
    lowByDefault.chat("hi");
    lowByDefault.chat(
        ChatRequest.builder()
            .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
            .parameters(OpenAiChatRequestParameters.builder().reasoningEffort("xhigh").build())
            .build());

    assertThat(model.requests())
        .extracting(r -> r.reasoning().effort())
        .containsExactly(ReasoningEffort.LOW, ReasoningEffort.XHIGH);
  }

  @Test
  void defaultParametersOfTheAdapterApplyUnderTheRequestsOwn() {
    TaskforceChatModel withDefaults =
        TaskforceChatModel.builder(model)
            .defaultRequestParameters(
                OpenAiChatRequestParameters.builder().temperature(0.1).seed(3).build())
            .build();

    withDefaults.chat(
        ChatRequest.builder()
            .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
            .temperature(0.7)
            .build());

    dev.taskforce.model.ChatRequest tf = model.requests().get(0);
    assertThat(tf.temperature()).isEqualTo(0.7);
    assertThat(tf.seed()).isEqualTo(3L);
  }

  @Test
  void mapsJsonResponseFormatsStrictByDefault() {
    JsonObjectSchema root =
        JsonObjectSchema.builder()
            .addStringProperty("name")
            .addIntegerProperty("age", "in years")
            .required("name")
            .build();
    ChatRequest request =
        ChatRequest.builder()
            .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
            .responseFormat(
                ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(
                        JsonSchema.builder().name("Person Record").rootElement(root).build())
                    .build())
            .build();

    dev.taskforce.model.ChatRequest tf = sent(request);

    var format = (dev.taskforce.model.ResponseFormat.JsonSchemaFormat) tf.responseFormat();
    assertThat(format.name()).isEqualTo("Person_Record");
    assertThat(format.strict()).isTrue();
    assertThat(format.schema().node())
        .isEqualTo(
            Json.parse(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                    + "\"age\":{\"type\":[\"integer\",\"null\"],\"description\":\"in years\"}},"
                    + "\"required\":[\"name\",\"age\"],\"additionalProperties\":false}"));
    assertThat(
            sent(ChatRequest.builder()
                    .messages(request.messages())
                    .responseFormat(ResponseFormat.JSON)
                    .build())
                .responseFormat())
        .isEqualTo(dev.taskforce.model.ResponseFormat.JSON_OBJECT);
    assertThat(
            sent(ChatRequest.builder()
                    .messages(request.messages())
                    .responseFormat(ResponseFormat.TEXT)
                    .build())
                .responseFormat())
        .isEqualTo(dev.taskforce.model.ResponseFormat.TEXT);
  }

  @Test
  void refusesARequestForAnotherModel() {
    ChatRequest request =
        ChatRequest.builder()
            .messages(dev.langchain4j.data.message.UserMessage.from("hi"))
            .modelName("gpt-4o")
            .build();

    assertThatThrownBy(() -> adapter.chat(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpt-4o")
        .hasMessageContaining("scripted");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void refusesContentTaskforceCannotSend() {
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                dev.langchain4j.data.message.UserMessage.from(
                    AudioContent.from("https://example.com/a.mp3")))
            .build();

    assertThatThrownBy(() -> adapter.chat(request))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("AUDIO");
  }

  @Test
  void refusesDefaultParametersNamingAnotherModel() {
    assertThatThrownBy(
            () ->
                TaskforceChatModel.builder(model)
                    .defaultRequestParameters(
                        OpenAiChatRequestParameters.builder().modelName("gpt-4o").build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultRequestParameters.modelName");
  }
}
