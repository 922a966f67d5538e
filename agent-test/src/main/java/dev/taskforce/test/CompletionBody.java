package dev.taskforce.test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.Usage;

/** The JSON of a non-streaming answer, field for field as the service writes it. */
final class CompletionBody {

  /**
   * What the service writes before the JSON of a slow answer: keep-alive whitespace, sent while the
   * model works so the connection stays open. A captured body began with exactly this.
   */
  static final String KEEP_ALIVE_WHITESPACE = "\n         \n\n         \n";

  private CompletionBody() {}

  static ObjectNode json(Completion c) {
    ObjectNode root = envelope(c, "chat.completion");
    root.putNull("system_fingerprint");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).putNull("logprobs");
    choice
        .put("finish_reason", c.finishReason())
        .put("native_finish_reason", c.nativeFinishReason());
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant").put("content", c.text()).put("refusal", c.refusal());
    message.put("reasoning", c.reasoningText());
    if (!c.toolCalls().isEmpty()) {
      ArrayNode calls = message.putArray("tool_calls");
      int index = 0;
      for (ToolCall call : c.toolCalls()) {
        ObjectNode o = calls.addObject().put("type", "function").put("index", index++);
        o.put("id", call.id());
        o.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    if (!c.reasoningDetails().isEmpty()) {
      ArrayNode details = message.putArray("reasoning_details");
      for (ReasoningDetail d : c.reasoningDetails()) {
        details.add(Json.parse(d.json()));
      }
    }
    root.set("usage", usage(c));
    return root;
  }

  /** The fields every answer and chunk starts with. */
  static ObjectNode envelope(Completion c, String object) {
    ObjectNode root = Wire.F.objectNode();
    root.put("id", c.id()).put("provider", c.provider()).put("model", c.model());
    root.put("object", object).put("created", c.created());
    return root;
  }

  /** The full usage object: tokens, cost, BYOK flag and the details objects. */
  static ObjectNode usage(Completion c) {
    Usage u = c.usage();
    ObjectNode o = Wire.F.objectNode();
    o.put("prompt_tokens", u.inputTokens())
        .put("completion_tokens", u.outputTokens())
        .put("total_tokens", u.totalTokens());
    o.put("cost", u.costUsd().stripTrailingZeros()).put("is_byok", false);
    o.putObject("prompt_tokens_details")
        .put("cached_tokens", u.cachedInputTokens())
        .put("cache_write_tokens", 0)
        .put("audio_tokens", 0)
        .put("video_tokens", 0);
    o.putObject("cost_details")
        .putNull("upstream_inference_cost")
        .put("upstream_inference_prompt_cost", c.promptCost())
        .put("upstream_inference_completions_cost", c.completionCost());
    o.putObject("completion_tokens_details")
        .put("reasoning_tokens", u.reasoningTokens())
        .put("image_tokens", 0)
        .put("audio_tokens", 0);
    return o;
  }
}
