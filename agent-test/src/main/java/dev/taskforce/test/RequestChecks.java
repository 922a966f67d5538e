package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks the service and its provider make on a chat request before answering it; each returns
 * the 400 body to answer with, or {@code null} when the request passes.
 */
final class RequestChecks {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  private RequestChecks() {}

  /** Messages present, the model known, reasoning not switched off where it is mandatory. */
  static @Nullable ObjectNode basics(JsonNode request, String model, FakeModels models) {
    JsonNode messages = request.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      return Wire.error(400, "Input required: specify \"prompt\" or \"messages\"");
    }
    if (!models.isKnown(model)) {
      return Wire.error(400, model + " is not a valid model ID");
    }
    FakeModels.Entry entry = models.get(model);
    String effort = request.path("reasoning").path("effort").asText(null);
    if (effort == null) {
      effort = request.path("reasoning_effort").asText(null);
    }
    if (entry != null && entry.reasoningMandatory() && "none".equals(effort)) {
      return Wire.error(400, "Reasoning is mandatory for this endpoint and cannot be disabled.");
    }
    return null;
  }

  /**
   * Every {@code tool} message answers a tool call of an earlier assistant message, and every tool
   * call is answered before the conversation moves on.
   */
  static @Nullable ObjectNode toolMessages(JsonNode messages) {
    Set<String> issued = new HashSet<>();
    Set<String> open = new LinkedHashSet<>();
    int openAt = -1;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String role = m.path("role").asText();
      if (role.equals("tool")) {
        String id = m.path("tool_call_id").asText(null);
        if (id == null || !issued.contains(id)) {
          return openAiError(
              "Invalid parameter: messages with role 'tool' must be a response to a preceding"
                  + " message with 'tool_calls'. messages["
                  + i
                  + "].tool_call_id "
                  + (id == null ? "is missing" : id + " matches no earlier tool call"),
              "messages.[" + i + "].tool_call_id",
              null);
        }
        open.remove(id);
        continue;
      }
      if (!open.isEmpty()) {
        return unanswered(openAt, open);
      }
      if (role.equals("assistant")) {
        for (JsonNode call : m.path("tool_calls")) {
          String id = call.path("id").asText();
          issued.add(id);
          open.add(id);
          openAt = i;
        }
      }
    }
    return null;
  }

  private static ObjectNode unanswered(int at, Set<String> open) {
    return openAiError(
        "An assistant message with 'tool_calls' must be followed by tool messages responding to"
            + " each 'tool_call_id'. The following tool_call_ids of messages["
            + at
            + "] did not have response messages: "
            + String.join(", ", open),
        "messages.[" + at + "].role",
        null);
  }

  /** With {@code strict:true}, tool parameters and json_schema formats follow OpenAI's rules. */
  static @Nullable ObjectNode schemas(JsonNode request) {
    JsonNode tools = request.path("tools");
    for (int i = 0; i < tools.size(); i++) {
      JsonNode function = tools.get(i).path("function");
      String name = function.path("name").asText("");
      if (!NAME.matcher(name).matches()) {
        return openAiError(
            "Invalid 'tools["
                + i
                + "].function.name': string does not match pattern. Expected a"
                + " string that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64 characters.",
            "tools[" + i + "].function.name",
            "invalid_value");
      }
      if (function.path("strict").asBoolean(false)) {
        String violation = StrictSchemaChecker.check(function.path("parameters"));
        if (violation != null) {
          return openAiError(
              "Invalid schema for function '" + name + "': " + violation,
              "tools[" + i + "].function.parameters",
              "invalid_function_parameters");
        }
      }
    }
    JsonNode format = request.path("response_format");
    if ("json_schema".equals(format.path("type").asText())) {
      JsonNode config = format.path("json_schema");
      String name = config.path("name").asText("");
      if (!NAME.matcher(name).matches()) {
        return openAiError(
            "Invalid 'response_format.json_schema.name': string does not match pattern.",
            "response_format.json_schema.name",
            "invalid_value");
      }
      if (config.path("strict").asBoolean(false)) {
        String violation = StrictSchemaChecker.check(config.path("schema"));
        if (violation != null) {
          return openAiError(
              "Invalid schema for response_format '" + name + "': " + violation,
              "response_format",
              "invalid_json_schema");
        }
      }
    }
    return null;
  }

  /** OpenRouter's wrapping of an OpenAI 400: the upstream error as a JSON string in {@code raw}. */
  private static ObjectNode openAiError(String message, String param, @Nullable String code) {
    ObjectNode upstream = Wire.F.objectNode();
    upstream
        .putObject("error")
        .put("message", message)
        .put("type", "invalid_request_error")
        .put("param", param)
        .put("code", code);
    return Wire.providerError(400, "invalid_request", Wire.write(upstream));
  }
}
