package dev.taskforce.test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** What {@code GET /api/v1/generation?id=} reports about served answers (wire doc 8.2). */
final class Generations {

  private final Map<String, String> byId = new ConcurrentHashMap<>();

  void add(Completion c, boolean streamed) {
    ObjectNode d = Wire.F.objectNode();
    d.put("id", c.id()).putNull("upstream_id");
    d.put("total_cost", c.usage().costUsd()).putNull("upstream_inference_cost");
    d.put("cache_discount", 0);
    d.put("created_at", Instant.ofEpochSecond(c.created()).toString());
    d.put("model", c.model()).put("provider_name", c.provider()).putNull("app_id");
    d.put("api_type", "completions").put("streamed", streamed).put("cancelled", false);
    d.put("latency", 0).put("generation_time", 0).putNull("moderation_latency");
    d.put("finish_reason", c.finishReason()).put("native_finish_reason", c.nativeFinishReason());
    d.put("tokens_prompt", c.usage().inputTokens());
    d.put("tokens_completion", c.usage().outputTokens());
    d.put("native_tokens_prompt", c.usage().inputTokens());
    d.put("native_tokens_completion", c.usage().outputTokens());
    d.put("native_tokens_reasoning", c.usage().reasoningTokens());
    d.put("native_tokens_cached", c.usage().cachedInputTokens());
    d.put("native_tokens_completion_images", 0).put("num_media_prompt", 0);
    d.put("num_media_completion", 0).put("num_input_audio_prompt", 0);
    d.put("num_search_results", 0).put("num_fetches", 0).putNull("web_search_engine");
    d.put("origin", "").putNull("http_referer").putNull("user_agent").putNull("external_user");
    d.put("is_byok", false).putNull("preset_id").putNull("router");
    d.putArray("provider_responses");
    d.putNull("request_id").putNull("session_id").put("service_tier", "default");
    d.putNull("data_region").putNull("workspace_id").putNull("response_cache_source_id");
    ObjectNode root = Wire.F.objectNode();
    root.set("data", d);
    byId.put(c.id(), Wire.write(root));
  }

  @Nullable String json(String id) {
    return byId.get(id);
  }
}
