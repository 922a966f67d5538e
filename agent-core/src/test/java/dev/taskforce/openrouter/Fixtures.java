package dev.taskforce.openrouter;

/** Bodies and chunks from the wire reference (docs/openrouter-wire.md), sections 3 to 6. */
final class Fixtures {

  private Fixtures() {}

  /** Section 3: a non-streaming tool-call answer, with OpenRouter's whitespace keep-alive first. */
  static final String TOOL_CALLS_BODY =
      "\n         \n\n         \n"
          + """
          {"id":"gen-1773323924-57QbnghbXm2GvzEpqDiv",
           "object":"chat.completion","created":1773323924,
           "model":"openai/gpt-5-2025-08-07",
           "provider":"OpenAI","system_fingerprint":null,"service_tier":"default",
           "choices":[{"index":0,"logprobs":null,
             "finish_reason":"tool_calls","native_finish_reason":"completed",
             "message":{"role":"assistant","content":null,"refusal":null,"annotations":[],
               "reasoning":"**Calculating sum and product**\\n\\nI need both tools.",
               "tool_calls":[
                 {"type":"function","index":0,"id":"call_hxZ5lngdot9y8AfQa3spor2J",
                  "function":{"name":"add","arguments":"{\\"a\\":2,\\"b\\":3}"}},
                 {"type":"function","index":1,"id":"call_FfAnNULynr6w23E2ptBJNI0F",
                  "function":{"name":"multiply","arguments":"{\\"a\\":2,\\"b\\":3}"}}],
               "reasoning_details":[
                 {"type":"reasoning.summary","summary":"**Calculating sum and product**\\n\\nI need both tools.",
                  "format":"openai-responses-v1","index":0},
                 {"type":"reasoning.encrypted","data":"gAAAAABpssag-opaque==",
                  "id":"rs_06113a4c35b40b110169b2c694f7608195bbc8eb5427d84429",
                  "format":"openai-responses-v1","index":1,"future_field":{"x":[1,2.50,true]}}]}}],
           "usage":{"prompt_tokens":113,"completion_tokens":286,"total_tokens":399,
             "cost":0.00300125,"is_byok":false,
             "prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0,"audio_tokens":0,"video_tokens":0},
             "cost_details":{"upstream_inference_cost":0.00300125,
                             "upstream_inference_prompt_cost":0.00014125,
                             "upstream_inference_completions_cost":0.00286},
             "completion_tokens_details":{"reasoning_tokens":192,"image_tokens":0,"audio_tokens":0}}}
          """;

  static String chunk(String choicesAndMore) {
    return "{\"id\":\"gen-1761054747-aRXhxlwVNm3mtTObq3p8\",\"provider\":\"OpenAI\",\"model\":\"openai/gpt-5\","
        + "\"object\":\"chat.completion.chunk\",\"created\":1761054747,"
        + choicesAndMore
        + "}";
  }

  static String delta(String delta) {
    return chunk(
        "\"choices\":[{\"index\":0,\"delta\":"
            + delta
            + ",\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}]");
  }

  static String finish(String reason, String nativeReason) {
    return chunk(
        "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\""
            + reason
            + "\",\"native_finish_reason\":\""
            + nativeReason
            + "\",\"logprobs\":null}]");
  }

  /** The 2025-10 usage chunk: a choice with an empty delta next to the usage. */
  static final String USAGE_WITH_CHOICE =
      chunk(
          "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null,"
              + "\"native_finish_reason\":null,\"logprobs\":null}],"
              + "\"usage\":{\"prompt_tokens\":56,\"completion_tokens\":183,\"total_tokens\":239,\"cost\":0.0019,"
              + "\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
              + "\"cost_details\":{\"upstream_inference_cost\":null,\"upstream_inference_prompt_cost\":0.00007,"
              + "\"upstream_inference_completions_cost\":0.00183},"
              + "\"completion_tokens_details\":{\"reasoning_tokens\":128,\"image_tokens\":0}}");

  /** The 2026-03 usage chunk: {@code choices: []}. */
  static String usageEmptyChoices(int in, int out, int cached, int reasoning, String cost) {
    return chunk(
        "\"choices\":[],\"usage\":{\"prompt_tokens\":"
            + in
            + ",\"completion_tokens\":"
            + out
            + ",\"total_tokens\":"
            + (in + out)
            + ",\"cost\":"
            + cost
            + ",\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":"
            + cached
            + "},\"completion_tokens_details\":{\"reasoning_tokens\":"
            + reasoning
            + "}}");
  }

  static final String ENCRYPTED_ITEM =
      "{\"type\":\"reasoning.encrypted\",\"data\":\"gAAAABo95Ad-blob\",\"id\":\"rs_051a5b\",\"format\":\"openai-responses-v1\",\"index\":0}";

  /** Section 5.3: a mid-stream error. */
  static final String MID_STREAM_ERROR =
      "{\"id\":\"gen-abc123\",\"object\":\"chat.completion.chunk\",\"created\":1234567890,\"model\":\"openai/gpt-4o\","
          + "\"provider\":\"OpenAI\",\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\",\"metadata\":"
          + "{\"error_type\":\"rate_limit_exceeded\",\"provider_code\":\"rate_limited\"}},"
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}";
}
