package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.model.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The Response object of OpenRouter's {@code /responses} (wire doc sections 9.3 and 9.9), field for
 * field: the request's settings echoed, the output, and usage with OpenRouter's cost fields.
 */
final class ResponsesBody {

  private ResponsesBody() {}

  /** The finished response: {@code completed} or {@code incomplete}, with output and usage. */
  static ObjectNode json(ResponseOutput out, JsonNode request) {
    ObjectNode root = envelope(out, request, out.status());
    root.put("completed_at", out.completion().created());
    if (out.incompleteReason() != null) {
      root.putObject("incomplete_details").put("reason", out.incompleteReason());
    }
    root.set("output", out.itemsJson());
    root.set("usage", usage(out.completion()));
    return root;
  }

  /**
   * The fields every Response object has, with an empty output and no usage: what {@code
   * response.created} carries, and what a failed response starts from.
   */
  static ObjectNode envelope(ResponseOutput out, JsonNode request, String status) {
    Completion c = out.completion();
    ObjectNode root = Wire.F.objectNode();
    root.put("id", out.id()).put("object", "response").put("created_at", c.created());
    root.put("status", status).putNull("completed_at").putNull("error");
    root.putNull("incomplete_details");
    root.set("instructions", copyOrNull(request.get("instructions")));
    root.set("max_output_tokens", copyOrNull(request.get("max_output_tokens")));
    root.put("model", c.model());
    root.putArray("output");
    root.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
    root.putNull("previous_response_id");
    ObjectNode reasoning = root.putObject("reasoning");
    reasoning.set("effort", copyOrNull(request.path("reasoning").get("effort")));
    reasoning.set("summary", copyOrNull(request.path("reasoning").get("summary")));
    root.put("store", false);
    root.set("temperature", copyOrNull(request.get("temperature")));
    ObjectNode text = root.putObject("text");
    JsonNode format = request.path("text").get("format");
    if (format != null && format.isObject()) {
      text.set("format", format.deepCopy());
    } else {
      text.putObject("format").put("type", "text");
    }
    JsonNode choice = request.get("tool_choice");
    root.set("tool_choice", choice == null ? Wire.F.textNode("auto") : choice.deepCopy());
    JsonNode tools = request.get("tools");
    root.set("tools", tools != null && tools.isArray() ? tools.deepCopy() : Wire.F.arrayNode());
    root.set("top_p", copyOrNull(request.get("top_p")));
    root.put("truncation", "disabled");
    root.putNull("usage");
    root.set("user", copyOrNull(request.get("user")));
    JsonNode metadata = request.get("metadata");
    root.set("metadata", metadata != null ? metadata.deepCopy() : Wire.F.objectNode());
    return root;
  }

  /** Usage in the Responses names (wire doc 9.8), plus OpenRouter's cost fields (9.9). */
  static ObjectNode usage(Completion c) {
    Usage u = c.usage();
    ObjectNode o = Wire.F.objectNode();
    o.put("input_tokens", u.inputTokens());
    o.putObject("input_tokens_details").put("cached_tokens", u.cachedInputTokens());
    o.put("output_tokens", u.outputTokens());
    o.putObject("output_tokens_details").put("reasoning_tokens", u.reasoningTokens());
    o.put("total_tokens", u.totalTokens());
    o.put("cost", u.costUsd().stripTrailingZeros()).put("is_byok", false);
    o.putObject("cost_details")
        .putNull("upstream_inference_cost")
        .put("upstream_inference_input_cost", c.promptCost())
        .put("upstream_inference_output_cost", c.completionCost());
    return o;
  }

  private static JsonNode copyOrNull(@Nullable JsonNode value) {
    return value == null || value.isMissingNode() ? Wire.F.nullNode() : value.deepCopy();
  }
}
