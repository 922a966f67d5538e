package dev.taskforce.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.tool.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps a LangChain4j chat request to a Taskforce one.
 *
 * <p>Besides the parameters langchain4j-core names, it honours these provider-specific ones when
 * the request's parameters have them (as {@code OpenAiChatRequestParameters} does): {@code
 * reasoningEffort}, {@code maxCompletionTokens} (wins over {@code maxOutputTokens}), {@code seed},
 * {@code user}, {@code parallelToolCalls}, {@code metadata} and {@code customParameters} (extra
 * body fields). {@code topK}, {@code frequencyPenalty} and {@code presencePenalty} become the extra
 * body fields {@code top_k}, {@code frequency_penalty} and {@code presence_penalty}.
 */
final class RequestMapping {

  private RequestMapping() {}

  static ChatRequest toTaskforce(
      dev.langchain4j.model.chat.request.ChatRequest request,
      AdapterSettings settings,
      CancellationToken cancellation) {
    ChatRequestParameters p = request.parameters();
    String id = settings.model().id();
    if (p.modelName() != null && !p.modelName().equals(id)) {
      throw new IllegalArgumentException(
          "request names model \"" + p.modelName() + "\" but this adapter serves " + id);
    }
    ChatRequest.Builder b =
        ChatRequest.builder()
            .messages(MessageMapping.toTaskforce(request.messages(), false))
            .cancellation(cancellation)
            .temperature(p.temperature())
            .topP(p.topP())
            .maxOutputTokens(p.maxOutputTokens());
    if (p.stopSequences() != null) {
      b.stop(p.stopSequences());
    }
    if (p.toolSpecifications() != null) {
      b.tools(tools(p.toolSpecifications(), settings.strictTools()));
    }
    b.toolChoice(toolChoice(p.toolChoice()));
    b.responseFormat(responseFormat(p.responseFormat(), settings.strictJsonSchema()));
    putIfSet(b, "top_k", p.topK());
    putIfSet(b, "frequency_penalty", p.frequencyPenalty());
    putIfSet(b, "presence_penalty", p.presencePenalty());
    providerSpecific(b, p, settings.reasoningEffort());
    return b.build();
  }

  private static void providerSpecific(
      ChatRequest.Builder b, ChatRequestParameters p, @Nullable ReasoningEffort defaultEffort) {
    String effort = Accessors.get(p, "reasoningEffort", String.class);
    ReasoningEffort e = effort == null ? defaultEffort : effort(effort);
    if (e != null) {
      b.reasoning(ReasoningConfig.effort(e));
    }
    Integer maxCompletion = Accessors.get(p, "maxCompletionTokens", Integer.class);
    if (maxCompletion != null) {
      b.maxOutputTokens(maxCompletion);
    }
    Integer seed = Accessors.get(p, "seed", Integer.class);
    if (seed != null) {
      b.seed(seed.longValue());
    }
    b.user(Accessors.get(p, "user", String.class));
    b.parallelToolCalls(Accessors.get(p, "parallelToolCalls", Boolean.class));
    Map<?, ?> metadata = Accessors.get(p, "metadata", Map.class);
    if (metadata != null && !metadata.isEmpty()) {
      Map<String, String> m = new LinkedHashMap<>();
      metadata.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
      b.metadata(m);
    }
    Map<?, ?> custom = Accessors.get(p, "customParameters", Map.class);
    if (custom != null) {
      custom.forEach(
          (k, v) -> {
            if (v != null) {
              b.extraBody(String.valueOf(k), v);
            }
          });
    }
  }

  private static ReasoningEffort effort(String value) {
    try {
      return ReasoningEffort.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown reasoningEffort \""
              + value
              + "\"; Taskforce knows none, minimal, low, medium,"
              + " high, xhigh and max",
          e);
    }
  }

  private static void putIfSet(ChatRequest.Builder b, String field, @Nullable Object value) {
    if (value != null) {
      b.extraBody(field, value);
    }
  }

  static List<ToolSpec> tools(List<ToolSpecification> specs, boolean strictByDefault) {
    List<ToolSpec> out = new ArrayList<>(specs.size());
    for (ToolSpecification s : specs) {
      boolean strict = s.strict() != null ? s.strict() : strictByDefault;
      out.add(
          new ToolSpec(
              s.name(),
              s.description() == null ? "" : s.description(),
              JsonSchema.fromTree(SchemaMapping.toolParameters(s.parameters(), strict)),
              strict));
    }
    return out;
  }

  private static @Nullable ToolChoice toolChoice(
      dev.langchain4j.model.chat.request.@Nullable ToolChoice choice) {
    if (choice == null) {
      return null;
    }
    switch (choice) {
      case REQUIRED:
        return ToolChoice.REQUIRED;
      case NONE:
        return ToolChoice.NONE;
      default:
        return ToolChoice.AUTO;
    }
  }

  private static @Nullable ResponseFormat responseFormat(
      dev.langchain4j.model.chat.request.@Nullable ResponseFormat format, boolean strict) {
    if (format == null) {
      return null;
    }
    if (format.type() == ResponseFormatType.TEXT) {
      return ResponseFormat.TEXT;
    }
    if (format.jsonSchema() == null) {
      return ResponseFormat.JSON_OBJECT;
    }
    dev.langchain4j.model.chat.request.json.JsonSchema s = format.jsonSchema();
    return new ResponseFormat.JsonSchemaFormat(
        schemaName(s.name()),
        JsonSchema.fromTree(SchemaMapping.toJson(s.rootElement(), strict)),
        strict,
        null);
  }

  /** A schema name providers accept: letters, digits, {@code _} and {@code -}, at most 64. */
  static String schemaName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return "response";
    }
    String clean = name.replaceAll("[^a-zA-Z0-9_-]", "_");
    return clean.length() > 64 ? clean.substring(0, 64) : clean;
  }
}
