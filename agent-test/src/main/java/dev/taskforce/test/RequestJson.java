package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.Conversation;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ProviderPreferences;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.model.ToolChoice;
import dev.taskforce.tool.ToolSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChatRequest} as a cassette stores it: every setting that reaches the provider, under
 * Taskforce's own names, messages in the {@link Conversation} JSON format. Unset settings are left
 * out; the cancellation token and retry listener are not part of it.
 */
final class RequestJson {

  private RequestJson() {}

  /**
   * The request's tree, in the form read back from a file (numbers as the shared mapper parses
   * them), so that a recorded tree and a fresh one compare equal when the requests are the same.
   */
  static JsonNode of(ChatRequest r) {
    ObjectNode o = Wire.F.objectNode();
    o.set("messages", Json.parse(new Conversation(r.messages()).toJson()).get("messages"));
    if (!r.tools().isEmpty()) {
      ArrayNode tools = o.putArray("tools");
      for (ToolSpec t : r.tools()) {
        ObjectNode spec = tools.addObject().put("name", t.name());
        spec.put("description", t.description()).put("strict", t.strict());
        spec.set("parameters", t.parameters().node());
      }
    }
    ToolChoice choice = r.toolChoice();
    if (choice != null) {
      if (choice instanceof ToolChoice.Named n) {
        o.putObject("toolChoice").put("name", n.name());
      } else {
        o.put("toolChoice", choice.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
      }
    }
    putIfSet(o, "parallelToolCalls", r.parallelToolCalls());
    putResponseFormat(o, r.responseFormat());
    ReasoningConfig reasoning = r.reasoning();
    if (reasoning != null) {
      ObjectNode n = o.putObject("reasoning");
      putIfSet(n, "effort", reasoning.effort() == null ? null : reasoning.effort().wireValue());
      putIfSet(n, "maxTokens", reasoning.maxTokens());
      putIfSet(n, "exclude", reasoning.exclude());
      putIfSet(n, "enabled", reasoning.enabled());
      putIfSet(n, "summary", reasoning.summary());
    }
    putIfSet(o, "maxOutputTokens", r.maxOutputTokens());
    putIfSet(o, "temperature", r.temperature());
    putIfSet(o, "topP", r.topP());
    putIfSet(o, "seed", r.seed());
    putStrings(o, "stop", r.stop());
    putIfSet(o, "user", r.user());
    putIfSet(o, "sessionId", r.sessionId());
    if (!r.metadata().isEmpty()) {
      o.set("metadata", Json.MAPPER.valueToTree(new java.util.TreeMap<>(r.metadata())));
    }
    putStrings(o, "fallbackModels", r.fallbackModels());
    if (r.providerPreferences() != null) {
      o.set("providerPreferences", provider(r.providerPreferences()));
    }
    if (!r.extraBody().isEmpty()) {
      ObjectNode extra = o.putObject("extraBody");
      for (Map.Entry<String, Object> e : r.extraBody().entrySet()) {
        extra.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
      }
    }
    return Json.parse(Json.write(o));
  }

  private static void putResponseFormat(ObjectNode o, @Nullable ResponseFormat format) {
    if (format instanceof ResponseFormat.Text) {
      o.put("responseFormat", "text");
    } else if (format instanceof ResponseFormat.JsonObject) {
      o.put("responseFormat", "json_object");
    } else if (format instanceof ResponseFormat.JsonSchemaFormat f) {
      ObjectNode n = o.putObject("responseFormat").putObject("jsonSchema");
      n.put("name", f.name()).put("strict", f.strict());
      putIfSet(n, "description", f.description());
      n.set("schema", f.schema().node());
    }
  }

  private static JsonNode provider(ProviderPreferences p) {
    ObjectNode o = Wire.F.objectNode();
    putStrings(o, "order", p.order());
    putStrings(o, "only", p.only());
    putStrings(o, "ignore", p.ignore());
    putIfSet(o, "allowFallbacks", p.allowFallbacks());
    putIfSet(o, "requireParameters", p.requireParameters());
    putIfSet(
        o, "dataCollection", p.dataCollection() == null ? null : p.dataCollection().wireValue());
    putIfSet(o, "zdr", p.zdr());
    putIfSet(o, "enforceDistillableText", p.enforceDistillableText());
    putStrings(o, "quantizations", p.quantizations());
    putIfSet(o, "sort", p.sort());
    ProviderPreferences.MaxPrice m = p.maxPrice();
    if (m != null) {
      ObjectNode n = o.putObject("maxPrice");
      putIfSet(n, "prompt", m.prompt());
      putIfSet(n, "completion", m.completion());
      putIfSet(n, "request", m.request());
      putIfSet(n, "image", m.image());
      putIfSet(n, "audio", m.audio());
    }
    putIfSet(o, "preferredMinThroughput", p.preferredMinThroughput());
    putIfSet(o, "preferredMaxLatency", p.preferredMaxLatency());
    return o;
  }

  private static void putStrings(ObjectNode o, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(field);
      values.forEach(a::add);
    }
  }

  private static void putIfSet(ObjectNode o, String field, @Nullable Object value) {
    if (value instanceof String s) {
      o.put(field, s);
    } else if (value instanceof Boolean b) {
      o.put(field, b);
    } else if (value instanceof Integer i) {
      o.put(field, i);
    } else if (value instanceof Long l) {
      o.put(field, l);
    } else if (value instanceof Double d) {
      o.put(field, d);
    } else if (value instanceof BigDecimal d) {
      o.put(field, d);
    }
  }
}
