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
    return model(request, model, models);
  }

  /** The model known, reasoning not switched off where it is mandatory (both endpoints). */
  static @Nullable ObjectNode model(JsonNode request, String model, FakeModels models) {
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
      ObjectNode rejection =
          tool(
              function.path("name").asText(""),
              function.path("strict").asBoolean(false),
              function.path("parameters"),
              "tools[" + i + "].function");
      if (rejection != null) {
        return rejection;
      }
    }
    JsonNode format = request.path("response_format");
    if ("json_schema".equals(format.path("type").asText())) {
      JsonNode config = format.path("json_schema");
      return format(
          config.path("name").asText(""),
          config.path("strict").asBoolean(false),
          config.path("schema"),
          "response_format.json_schema",
          "response_format");
    }
    return null;
  }

  /**
   * One function tool: its name, and with {@code strict} its parameters schema.
   *
   * @param at where the function is, for the error's {@code param}: {@code tools[0].function}
   */
  static @Nullable ObjectNode tool(String name, boolean strict, JsonNode parameters, String at) {
    if (!NAME.matcher(name).matches()) {
      return openAiError(
          "Invalid '"
              + at
              + ".name': string does not match pattern. Expected a"
              + " string that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64 characters.",
          at + ".name",
          "invalid_value");
    }
    if (strict) {
      String violation = StrictSchemaChecker.check(parameters);
      if (violation != null) {
        return openAiError(
            "Invalid schema for function '" + name + "': " + violation,
            at + ".parameters",
            "invalid_function_parameters");
      }
    }
    return null;
  }

  /**
   * A json_schema output format: its name, and with {@code strict} its schema.
   *
   * @param at where the format's fields are, for the name's {@code param}
   * @param param the error's {@code param} for a schema violation
   */
  static @Nullable ObjectNode format(
      String name, boolean strict, JsonNode schema, String at, String param) {
    if (!NAME.matcher(name).matches()) {
      return openAiError(
          "Invalid '" + at + ".name': string does not match pattern.",
          at + ".name",
          "invalid_value");
    }
    if (strict) {
      String violation = StrictSchemaChecker.check(schema);
      if (violation != null) {
        return openAiError(
            "Invalid schema for response_format '" + name + "': " + violation,
            param,
            "invalid_json_schema");
      }
    }
    return null;
  }

  /** OpenRouter's wrapping of an OpenAI 400: the upstream error as a JSON string in {@code raw}. */
  static ObjectNode openAiError(String message, String param, @Nullable String code) {
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
