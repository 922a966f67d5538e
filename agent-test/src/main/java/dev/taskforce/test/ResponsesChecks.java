package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks OpenRouter's {@code /responses} and its provider make before answering; each returns
 * the error body to answer with (its {@code error.code} is the status), or {@code null}.
 */
final class ResponsesChecks {

  private ResponsesChecks() {}

  /**
   * The endpoint is stateless (wire doc 9.9): {@code store:true} and {@code previous_response_id}
   * are refused; the input must be there and the model known.
   */
  static @Nullable ObjectNode basics(JsonNode request, String model, FakeModels models) {
    if (request.path("store").asBoolean(false)) {
      return Wire.error(
          400,
          "Invalid request: store must be false. OpenRouter's Responses API is stateless: send"
              + " \"store\": false (or leave it out) and the whole conversation in \"input\".");
    }
    JsonNode previous = request.get("previous_response_id");
    if (previous != null && !previous.isNull()) {
      return Wire.error(
          400,
          "Invalid request: previous_response_id is not supported. OpenRouter's Responses API is"
              + " stateless: send the whole conversation in \"input\".");
    }
    JsonNode input = request.get("input");
    boolean empty =
        input == null
            || (input.isTextual() && input.textValue().isEmpty())
            || (input.isArray() && input.isEmpty())
            || !(input.isTextual() || input.isArray());
    if (empty) {
      return Wire.error(400, "Input required: specify \"input\"");
    }
    return RequestChecks.model(request, model, models);
  }

  /**
   * Function tools are flat and strict unless they say {@code strict:false} (the Responses API's
   * default); a {@code text.format} of type {@code json_schema} is checked when {@code strict}.
   */
  static @Nullable ObjectNode schemas(JsonNode request) {
    JsonNode tools = request.path("tools");
    for (int i = 0; i < tools.size(); i++) {
      JsonNode tool = tools.get(i);
      if (!"function".equals(tool.path("type").asText())) {
        continue;
      }
      ObjectNode rejection =
          RequestChecks.tool(
              tool.path("name").asText(""),
              tool.path("strict").asBoolean(true),
              tool.path("parameters"),
              "tools[" + i + "]");
      if (rejection != null) {
        return rejection;
      }
    }
    JsonNode format = request.path("text").path("format");
    if ("json_schema".equals(format.path("type").asText())) {
      return RequestChecks.format(
          format.path("name").asText(""),
          format.path("strict").asBoolean(false),
          format.path("schema"),
          "text.format",
          "text.format");
    }
    return null;
  }

  /**
   * Every {@code function_call_output} answers a {@code function_call} earlier in the input, and
   * every function call is answered (OpenAI's messages).
   */
  static @Nullable ObjectNode toolOutputs(JsonNode input) {
    Set<String> calls = new HashSet<>();
    Set<String> open = new LinkedHashSet<>();
    for (JsonNode item : input) {
      String type = item.path("type").asText("");
      String callId = item.path("call_id").asText("");
      if (type.equals("function_call")) {
        calls.add(callId);
        open.add(callId);
      } else if (type.equals("function_call_output")) {
        if (!calls.contains(callId)) {
          return RequestChecks.openAiError(
              "No tool call found for function call output with call_id " + callId + ".",
              "input",
              null);
        }
        open.remove(callId);
      }
    }
    if (!open.isEmpty()) {
      return RequestChecks.openAiError(
          "No tool output found for function call " + open.iterator().next() + ".", "input", null);
    }
    return null;
  }
}
