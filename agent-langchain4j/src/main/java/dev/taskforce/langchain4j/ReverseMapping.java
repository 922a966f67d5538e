package dev.taskforce.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.output.TokenUsage;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.model.Usage;
import dev.taskforce.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Maps Taskforce requests to LangChain4j ones and LangChain4j responses back, for {@link
 * LangChain4jModel}.
 */
final class ReverseMapping {

  private ReverseMapping() {}

  static dev.langchain4j.model.chat.request.ChatRequest toLangChain4j(
      ChatRequest request,
      BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> customizer) {
    DefaultChatRequestParameters.Builder<?> p =
        DefaultChatRequestParameters.builder()
            .temperature(request.temperature())
            .topP(request.topP())
            .maxOutputTokens(request.maxOutputTokens());
    if (!request.stop().isEmpty()) {
      p.stopSequences(request.stop());
    }
    List<ToolSpec> tools = request.tools();
    ToolChoice choice = request.toolChoice();
    if (choice instanceof ToolChoice.Named named) {
      // LangChain4j has no "this tool" choice: offer only that tool, and require a call.
      tools = tools.stream().filter(t -> t.name().equals(named.name())).toList();
      if (tools.isEmpty()) {
        throw new IllegalArgumentException(
            "tool choice names " + named.name() + ", which is not among the request's tools");
      }
    }
    if (!tools.isEmpty()) {
      p.toolSpecifications(toolSpecifications(tools));
      if (choice != null) {
        p.toolChoice(toolChoice(choice));
      }
    }
    if (request.responseFormat() != null) {
      p.responseFormat(responseFormat(request.responseFormat()));
    }
    ChatRequestParameters parameters = customizer.apply(request, p.build());
    if (parameters == null) {
      throw new IllegalStateException("the parameters customizer returned null");
    }
    return dev.langchain4j.model.chat.request.ChatRequest.builder()
        .messages(MessageMapping.toLangChain4j(request.messages()))
        .parameters(parameters)
        .build();
  }

  /** Taskforce tool specs as LangChain4j tool specifications; their schemas kept exactly. */
  static List<ToolSpecification> toolSpecifications(List<ToolSpec> tools) {
    List<ToolSpecification> out = new ArrayList<>(tools.size());
    for (ToolSpec t : tools) {
      out.add(
          ToolSpecification.builder()
              .name(t.name())
              .description(t.description().isEmpty() ? null : t.description())
              .parameters(SchemaElements.root(t.parameters().node()))
              .strict(t.strict())
              .build());
    }
    return out;
  }

  private static dev.langchain4j.model.chat.request.ToolChoice toolChoice(ToolChoice choice) {
    if (choice instanceof ToolChoice.None) {
      return dev.langchain4j.model.chat.request.ToolChoice.NONE;
    }
    if (choice instanceof ToolChoice.Auto) {
      return dev.langchain4j.model.chat.request.ToolChoice.AUTO;
    }
    return dev.langchain4j.model.chat.request.ToolChoice.REQUIRED; // Required, or Named above
  }

  private static dev.langchain4j.model.chat.request.ResponseFormat responseFormat(
      ResponseFormat format) {
    if (format instanceof ResponseFormat.Text) {
      return dev.langchain4j.model.chat.request.ResponseFormat.TEXT;
    }
    if (format instanceof ResponseFormat.JsonObject) {
      return dev.langchain4j.model.chat.request.ResponseFormat.JSON;
    }
    ResponseFormat.JsonSchemaFormat s = (ResponseFormat.JsonSchemaFormat) format;
    return dev.langchain4j.model.chat.request.ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            JsonSchema.builder()
                .name(s.name())
                .rootElement(SchemaElements.element(s.schema().node()))
                .build())
        .build();
  }

  /** A LangChain4j response as a Taskforce one; cost from the usage or else the catalog prices. */
  static ChatResponse toTaskforce(
      dev.langchain4j.model.chat.response.ChatResponse response, ModelInfo info) {
    String provider = null;
    String nativeReason = response.finishReason() == null ? null : response.finishReason().name();
    if (response.metadata() instanceof TaskforceChatResponseMetadata t) {
      provider = t.provider();
      nativeReason = t.nativeFinishReason();
    }
    return new ChatResponse(
        MessageMapping.assistantMessage(response.aiMessage(), true),
        finishReason(response.finishReason()),
        nativeReason,
        usage(response.tokenUsage(), info),
        response.modelName() != null ? response.modelName() : info.id(),
        provider,
        response.id());
  }

  static Usage usage(@Nullable TokenUsage usage, ModelInfo info) {
    if (usage instanceof TaskforceTokenUsage t) {
      return t.usage();
    }
    if (usage == null) {
      return Usage.ZERO;
    }
    long in = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long out = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    // OpenAI-style details, when the provider's usage class has them.
    Integer cached =
        Accessors.get(
            Accessors.get(usage, "inputTokensDetails", Object.class),
            "cachedTokens",
            Integer.class);
    Integer reasoning =
        Accessors.get(
            Accessors.get(usage, "outputTokensDetails", Object.class),
            "reasoningTokens",
            Integer.class);
    long c = cached == null ? 0 : Math.min(cached, in);
    long r = reasoning == null ? 0 : Math.min(reasoning, out);
    return new Usage(in, out, c, r, info.pricing().cost(in, c, out));
  }

  static FinishReason finishReason(dev.langchain4j.model.output.@Nullable FinishReason reason) {
    if (reason == null) {
      return FinishReason.UNKNOWN;
    }
    switch (reason) {
      case STOP:
        return FinishReason.STOP;
      case TOOL_EXECUTION:
        return FinishReason.TOOL_CALLS;
      case LENGTH:
        return FinishReason.LENGTH;
      case CONTENT_FILTER:
        return FinishReason.CONTENT_FILTER;
      default:
        return FinishReason.UNKNOWN;
    }
  }
}
