package dev.taskforce.responses;

/** Responses API output items and bodies for tests, shaped as in the wire reference, section 9. */
final class Items {

  private Items() {}

  static String reasoning(String id, String summary, String encrypted) {
    return "{\"type\":\"reasoning\",\"id\":\""
        + id
        + "\",\"summary\":["
        + (summary.isEmpty() ? "" : "{\"type\":\"summary_text\",\"text\":\"" + summary + "\"}")
        + "],\"encrypted_content\":\""
        + encrypted
        + "\",\"status\":\"completed\"}";
  }

  static String call(String id, String callId, String name, String argumentsJson) {
    return "{\"type\":\"function_call\",\"id\":\""
        + id
        + "\",\"call_id\":\""
        + callId
        + "\",\"name\":\""
        + name
        + "\",\"arguments\":"
        + quote(argumentsJson)
        + ",\"status\":\"completed\"}";
  }

  static String message(String id, String phase, String text) {
    return "{\"type\":\"message\",\"id\":\""
        + id
        + "\",\"role\":\"assistant\",\"status\":\"completed\",\"phase\":\""
        + phase
        + "\",\"content\":[{\"type\":\"output_text\",\"text\":"
        + quote(text)
        + ",\"annotations\":[],\"logprobs\":[]}]}";
  }

  static String output(String... items) {
    return "[" + String.join(",", items) + "]";
  }

  /** A whole completed Response with these output items. */
  static String response(String outputJson) {
    return "{\"id\":\"resp_67ca09c5\",\"object\":\"response\",\"created_at\":1741294021,"
        + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,"
        + "\"instructions\":null,\"max_output_tokens\":null,\"model\":\"gpt-5.4-pro-2026-03-05\","
        + "\"output\":"
        + outputJson
        + ",\"parallel_tool_calls\":true,\"previous_response_id\":null,"
        + "\"reasoning\":{\"effort\":\"high\",\"summary\":null},\"store\":false,"
        + "\"text\":{\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\",\"tools\":[],"
        + "\"usage\":{\"input_tokens\":291,\"input_tokens_details\":{\"cached_tokens\":100},"
        + "\"output_tokens\":23,\"output_tokens_details\":{\"reasoning_tokens\":10},"
        + "\"total_tokens\":314},\"metadata\":{}}";
  }

  static String quote(String s) {
    return dev.taskforce.internal.Json.write(s);
  }
}
