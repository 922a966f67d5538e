package dev.taskforce.openrouter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.taskforce.internal.BodyBytes;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ContentPart;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Message;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.model.internal.ProviderWriter;
import dev.taskforce.tool.ToolSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link ChatRequest} as an OpenRouter Chat Completions request body, with a streaming
 * generator: schemas and reasoning items are copied in as the raw JSON they already are, so nothing
 * is parsed again per request.
 *
 * <p>Fields appear in the order of the wire reference; unset settings are left out. {@code
 * extraBody} entries come last, and a standard field with the same name is not written, so an extra
 * field always wins.
 *
 * <p>The {@code tools} array of the last request is kept written: an agent offers the same tools on
 * every turn, so their schemas are encoded once, not once per turn. Thread-safe.
 */
final class RequestWriter {

  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

  /** The tools of the last request and their array, written. */
  private record WrittenTools(List<ToolSpec> tools, SerializedString json) {}

  private volatile @Nullable WrittenTools lastTools;

  byte[] write(String model, ChatRequest r, boolean stream) {
    BodyBytes out = BodyBytes.take();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      new Fields(g, r.extraBody(), this).write(model, r, stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Writing to memory does not fail.
    }
    return out.toByteArray();
  }

  /** The {@code tools} array, from the cache when the tools are those of the last request. */
  private SerializedString tools(List<ToolSpec> tools) throws IOException {
    WrittenTools last = lastTools;
    if (last != null && last.tools().equals(tools)) {
      return last.json();
    }
    StringWriter text = new StringWriter(1024);
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.writeStartArray();
      for (ToolSpec t : tools) {
        tool(g, t);
      }
      g.writeEndArray();
    }
    SerializedString json = new SerializedString(text.toString());
    lastTools = new WrittenTools(List.copyOf(tools), json);
    return json;
  }

  private static void tool(JsonGenerator g, ToolSpec t) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "function");
    g.writeObjectFieldStart("function");
    g.writeStringField("name", t.name());
    if (!t.description().isEmpty()) {
      g.writeStringField("description", t.description());
    }
    g.writeFieldName("parameters");
    g.writeRawValue(t.parameters().json());
    g.writeBooleanField("strict", t.strict());
    g.writeEndObject();
    g.writeEndObject();
  }

  /** One body being written. */
  private static final class Fields {
    private final JsonGenerator g;
    private final Map<String, Object> extra;
    private final RequestWriter writer;

    Fields(JsonGenerator g, Map<String, Object> extra, RequestWriter writer) {
      this.g = g;
      this.extra = extra;
      this.writer = writer;
    }

    private boolean want(String field) {
      return !extra.containsKey(field);
    }

    void write(String model, ChatRequest r, boolean stream) throws IOException {
      g.writeStartObject();
      if (want("model")) {
        g.writeStringField("model", model);
      }
      if (!r.fallbackModels().isEmpty() && want("models")) {
        g.writeArrayFieldStart("models");
        for (String m : r.fallbackModels()) {
          g.writeString(m);
        }
        g.writeEndArray();
      }
      if (want("messages")) {
        g.writeArrayFieldStart("messages");
        for (Message m : r.messages()) {
          message(m);
        }
        g.writeEndArray();
      }
      if (!r.tools().isEmpty() && want("tools")) {
        g.writeFieldName("tools");
        g.writeRawValue(writer.tools(r.tools()));
      }
      if (r.toolChoice() != null && want("tool_choice")) {
        toolChoice(r.toolChoice());
      }
      if (r.parallelToolCalls() != null && want("parallel_tool_calls")) {
        g.writeBooleanField("parallel_tool_calls", r.parallelToolCalls());
      }
      if (r.responseFormat() != null && want("response_format")) {
        responseFormat(r.responseFormat());
      }
      if (r.reasoning() != null && want("reasoning")) {
        reasoning(r.reasoning());
      }
      if (r.maxOutputTokens() != null && want("max_completion_tokens")) {
        g.writeNumberField("max_completion_tokens", r.maxOutputTokens());
      }
      if (r.temperature() != null && want("temperature")) {
        g.writeNumberField("temperature", r.temperature());
      }
      if (r.topP() != null && want("top_p")) {
        g.writeNumberField("top_p", r.topP());
      }
      if (r.seed() != null && want("seed")) {
        g.writeNumberField("seed", r.seed());
      }
      if (!r.stop().isEmpty() && want("stop")) {
        g.writeArrayFieldStart("stop");
        for (String s : r.stop()) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      if (r.providerPreferences() != null && want("provider")) {
        g.writeFieldName("provider");
        ProviderWriter.write(g, r.providerPreferences());
      }
      if (r.user() != null && want("user")) {
        g.writeStringField("user", r.user());
      }
      if (r.sessionId() != null && want("session_id")) {
        g.writeStringField("session_id", r.sessionId());
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

    private void message(Message m) throws IOException {
      g.writeStartObject();
      if (m instanceof SystemMessage s) {
        g.writeStringField("role", "system");
        g.writeStringField("content", s.text());
      } else if (m instanceof UserMessage u) {
        g.writeStringField("role", "user");
        user(u);
      } else if (m instanceof AssistantMessage a) {
        assistant(a);
      } else if (m instanceof ToolResultMessage t) {
        g.writeStringField("role", "tool");
        g.writeStringField("tool_call_id", t.toolCallId());
        g.writeStringField("content", t.content());
      }
      g.writeEndObject();
    }

    private void user(UserMessage u) throws IOException {
      if (u.parts().size() == 1 && u.parts().get(0) instanceof TextPart t) {
        g.writeStringField("content", t.text());
        return;
      }
      g.writeArrayFieldStart("content");
      for (ContentPart p : u.parts()) {
        g.writeStartObject();
        if (p instanceof TextPart t) {
          g.writeStringField("type", "text");
          g.writeStringField("text", t.text());
        } else if (p instanceof ImagePart i) {
          g.writeStringField("type", "image_url");
          g.writeObjectFieldStart("image_url");
          g.writeStringField("url", i.url());
          if (i.detail() != null) {
            g.writeStringField("detail", i.detail());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void assistant(AssistantMessage a) throws IOException {
      g.writeStringField("role", "assistant");
      if (a.text() != null) {
        g.writeStringField("content", a.text());
      } else if (a.toolCalls().isEmpty()) {
        g.writeStringField("content", ""); // Some providers reject a message with no content.
      }
      if (a.refusal() != null) {
        g.writeStringField("refusal", a.refusal());
      }
      if (!a.toolCalls().isEmpty()) {
        g.writeArrayFieldStart("tool_calls");
        for (ToolCall c : a.toolCalls()) {
          g.writeStartObject();
          g.writeStringField("id", c.id());
          g.writeStringField("type", "function");
          g.writeObjectFieldStart("function");
          g.writeStringField("name", c.name());
          g.writeStringField("arguments", c.argumentsJson());
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      String reasoning = a.reasoning().text();
      if (reasoning != null) {
        g.writeStringField("reasoning", reasoning);
      }
      boolean started = false;
      for (ReasoningDetail d : a.reasoning().details()) {
        if (!d.type().startsWith("reasoning.")) {
          // A Responses API output item ("reasoning", "message", "function_call"), kept for the
          // Responses client: it is not a Chat Completions reasoning detail.
          continue;
        }
        if (!started) {
          g.writeArrayFieldStart("reasoning_details");
          started = true;
        }
        g.writeRawValue(d.json()); // Byte for byte as received.
      }
      if (started) {
        g.writeEndArray();
      }
    }

    private void toolChoice(ToolChoice c) throws IOException {
      if (c instanceof ToolChoice.Named n) {
        g.writeObjectFieldStart("tool_choice");
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", n.name());
        g.writeEndObject();
        g.writeEndObject();
      } else if (c instanceof ToolChoice.None) {
        g.writeStringField("tool_choice", "none");
      } else if (c instanceof ToolChoice.Required) {
        g.writeStringField("tool_choice", "required");
      } else {
        g.writeStringField("tool_choice", "auto");
      }
    }

    private void responseFormat(ResponseFormat f) throws IOException {
      g.writeObjectFieldStart("response_format");
      if (f instanceof ResponseFormat.JsonSchemaFormat s) {
        g.writeStringField("type", "json_schema");
        g.writeObjectFieldStart("json_schema");
        g.writeStringField("name", s.name());
        if (s.description() != null) {
          g.writeStringField("description", s.description());
        }
        g.writeBooleanField("strict", s.strict());
        g.writeFieldName("schema");
        g.writeRawValue(s.schema().json());
        g.writeEndObject();
      } else if (f instanceof ResponseFormat.JsonObject) {
        g.writeStringField("type", "json_object");
      } else {
        g.writeStringField("type", "text");
      }
      g.writeEndObject();
    }

    private void reasoning(ReasoningConfig c) throws IOException {
      g.writeObjectFieldStart("reasoning");
      if (c.effort() != null) {
        g.writeStringField("effort", c.effort().wireValue());
      }
      if (c.maxTokens() != null) {
        g.writeNumberField("max_tokens", c.maxTokens());
      }
      if (c.exclude() != null) {
        g.writeBooleanField("exclude", c.exclude());
      }
      if (c.enabled() != null) {
        g.writeBooleanField("enabled", c.enabled());
      }
      if (c.summary() != null) {
        g.writeStringField("summary", c.summary());
      }
      g.writeEndObject();
    }
  }
}
