package dev.taskforce.responses;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskforce.internal.Json;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.model.internal.ProviderWriter;
import dev.taskforce.tool.ToolSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link ChatRequest} as a {@code POST /responses} body.
 *
 * <p>Always sent: {@code include: ["reasoning.encrypted_content"]} (so reasoning can travel back
 * with a stateless conversation) and, except to OpenRouter, an explicit {@code store} (OpenAI
 * stores by default). Tools are flat and always say {@code strict} ({@code strict: false} too: the
 * Responses API makes an omitted one strict). Settings the Responses API does not have ({@code
 * seed}, {@code stop}, and OpenRouter's routing fields at other targets) are refused with an {@link
 * IllegalArgumentException} rather than dropped. {@code extraBody} comes last and wins over a
 * standard field of the same name, except that OpenRouter is never sent {@code store}, {@code
 * previous_response_id} or {@code background}.
 */
final class BodyWriter {

  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
  private static final Set<String> STATEFUL_FIELDS =
      Set.of("store", "previous_response_id", "background");

  private BodyWriter() {}

  /**
   * Writes the body.
   *
   * @param previousResponseId the stored response to continue from, or {@code null}
   * @param from the first message to send (after the previous response), 0 for all
   */
  static byte[] write(
      String model,
      ChatRequest r,
      Settings s,
      boolean stream,
      @Nullable String previousResponseId,
      int from) {
    check(model, r, s);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      new Fields(g, r.extraBody()).write(model, r, s, stream, previousResponseId, from);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Writing to memory does not fail.
    }
    return out.toByteArray();
  }

  private static void check(String model, ChatRequest r, Settings s) {
    String where = " (Responses API model " + model + ")";
    if (r.seed() != null) {
      throw new IllegalArgumentException("ChatRequest.seed is not supported" + where);
    }
    if (!r.stop().isEmpty()) {
      throw new IllegalArgumentException("ChatRequest.stop is not supported" + where);
    }
    ReasoningConfig c = r.reasoning();
    if (c != null && c.exclude() != null) {
      throw new IllegalArgumentException("ReasoningConfig.exclude is not supported" + where);
    }
    if (s.target() instanceof Target.OpenRouter) {
      for (String field : STATEFUL_FIELDS) {
        if (r.extraBody().containsKey(field)) {
          throw new IllegalArgumentException(
              "extraBody \"" + field + "\" is rejected by OpenRouter's stateless /responses");
        }
      }
      return;
    }
    String onlyOpenRouter = " is only taken by OpenRouter's /responses" + where;
    if (!r.fallbackModels().isEmpty()) {
      throw new IllegalArgumentException("ChatRequest.fallbackModels" + onlyOpenRouter);
    }
    if (r.providerPreferences() != null) {
      throw new IllegalArgumentException("ChatRequest.providerPreferences" + onlyOpenRouter);
    }
    if (r.sessionId() != null) {
      throw new IllegalArgumentException("ChatRequest.sessionId" + onlyOpenRouter);
    }
    if (c != null && (c.maxTokens() != null || c.enabled() != null)) {
      throw new IllegalArgumentException(
          "ReasoningConfig.maxTokens and enabled" + onlyOpenRouter + "; use an effort");
    }
  }

  /** One body being written. */
  private static final class Fields {
    private final JsonGenerator g;
    private final Map<String, Object> extra;

    Fields(JsonGenerator g, Map<String, Object> extra) {
      this.g = g;
      this.extra = extra;
    }

    private boolean want(String field) {
      return !extra.containsKey(field);
    }

    void write(
        String model,
        ChatRequest r,
        Settings s,
        boolean stream,
        @Nullable String previousResponseId,
        int from)
        throws IOException {
      boolean openRouter = s.target() instanceof Target.OpenRouter;
      g.writeStartObject();
      if (want("model")) {
        g.writeStringField("model", model);
      }
      if (openRouter && !r.fallbackModels().isEmpty() && want("models")) {
        strings("models", r.fallbackModels());
      }
      String instructions = InputWriter.instructions(r.messages());
      if (instructions != null && want("instructions")) {
        g.writeStringField("instructions", instructions);
      }
      if (want("input")) {
        InputWriter.input(g, r.messages(), from);
      }
      if (!r.tools().isEmpty() && want("tools")) {
        g.writeArrayFieldStart("tools");
        for (ToolSpec t : r.tools()) {
          tool(t);
        }
        g.writeEndArray();
      }
      if (r.toolChoice() != null && want("tool_choice")) {
        toolChoice(r.toolChoice());
      }
      if (r.parallelToolCalls() != null && want("parallel_tool_calls")) {
        g.writeBooleanField("parallel_tool_calls", r.parallelToolCalls());
      }
      if ((r.responseFormat() != null || s.verbosity() != null) && want("text")) {
        text(r.responseFormat(), s.verbosity());
      }
      if (r.reasoning() != null && want("reasoning")) {
        reasoning(r.reasoning());
      }
      if (r.maxOutputTokens() != null && want("max_output_tokens")) {
        g.writeNumberField("max_output_tokens", r.maxOutputTokens());
      }
      if (r.temperature() != null && want("temperature")) {
        g.writeNumberField("temperature", r.temperature());
      }
      if (r.topP() != null && want("top_p")) {
        g.writeNumberField("top_p", r.topP());
      }
      if (want("include")) {
        strings("include", List.of("reasoning.encrypted_content"));
      }
      if (!openRouter) {
        if (want("store")) {
          g.writeBooleanField("store", s.store());
        }
        if (previousResponseId != null && want("previous_response_id")) {
          g.writeStringField("previous_response_id", previousResponseId);
        }
        if (s.background() && !stream && want("background")) {
          g.writeBooleanField("background", true);
        }
      }
      if (openRouter && r.providerPreferences() != null && want("provider")) {
        g.writeFieldName("provider");
        ProviderWriter.write(g, r.providerPreferences());
      }
      if (openRouter && r.sessionId() != null && want("session_id")) {
        g.writeStringField("session_id", r.sessionId());
      }
      if (r.user() != null && want("user")) {
        g.writeStringField("user", r.user());
      }
      if (!r.metadata().isEmpty() && want("metadata")) {
        g.writeObjectFieldStart("metadata");
        for (Map.Entry<String, String> e : r.metadata().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      if (want("stream")) {
        g.writeBooleanField("stream", stream);
      }
      for (Map.Entry<String, Object> e : extra.entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeObject(e.getValue());
      }
      g.writeEndObject();
    }

    private void strings(String field, List<String> values) throws IOException {
      g.writeArrayFieldStart(field);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }

    private void tool(ToolSpec t) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "function");
      g.writeStringField("name", t.name());
      if (!t.description().isEmpty()) {
        g.writeStringField("description", t.description());
      }
      g.writeFieldName("parameters");
      g.writeRawValue(t.parameters().json());
      g.writeBooleanField("strict", t.strict()); // Explicit: an omitted strict means true here.
      g.writeEndObject();
    }

    private void toolChoice(ToolChoice c) throws IOException {
      if (c instanceof ToolChoice.Named n) {
        g.writeObjectFieldStart("tool_choice");
        g.writeStringField("type", "function");
        g.writeStringField("name", n.name());
        g.writeEndObject();
      } else if (c instanceof ToolChoice.None) {
        g.writeStringField("tool_choice", "none");
      } else if (c instanceof ToolChoice.Required) {
        g.writeStringField("tool_choice", "required");
      } else {
        g.writeStringField("tool_choice", "auto");
      }
    }

    private void text(@Nullable ResponseFormat f, @Nullable Verbosity verbosity)
        throws IOException {
      g.writeObjectFieldStart("text");
      if (f != null) {
        g.writeObjectFieldStart("format");
        if (f instanceof ResponseFormat.JsonSchemaFormat s) {
          g.writeStringField("type", "json_schema");
          g.writeStringField("name", s.name());
          if (s.description() != null) {
            g.writeStringField("description", s.description());
          }
          g.writeBooleanField("strict", s.strict());
          g.writeFieldName("schema");
          g.writeRawValue(s.schema().json());
        } else if (f instanceof ResponseFormat.JsonObject) {
          g.writeStringField("type", "json_object");
        } else {
          g.writeStringField("type", "text");
        }
        g.writeEndObject();
      }
      if (verbosity != null) {
        g.writeStringField("verbosity", verbosity.wireValue());
      }
      g.writeEndObject();
    }

    private void reasoning(ReasoningConfig c) throws IOException {
      g.writeObjectFieldStart("reasoning");
      if (c.effort() != null) {
        g.writeStringField("effort", c.effort().wireValue());
      }
      if (c.summary() != null) {
        g.writeStringField("summary", c.summary());
      }
      if (c.maxTokens() != null) {
        g.writeNumberField("max_tokens", c.maxTokens()); // OpenRouter only (checked).
      }
      if (c.enabled() != null) {
        g.writeBooleanField("enabled", c.enabled()); // OpenRouter only (checked).
      }
      g.writeEndObject();
    }
  }
}
