package dev.taskforce.bench.streaming;

import java.nio.charset.StandardCharsets;

/**
 * A long Chat Completions SSE stream in OpenRouter's shape (see openrouter-wire.md §5): a role
 * chunk, reasoning summary fragments (with {@code delta.reasoning}) merged by (type, index), one
 * encrypted reasoning item on the same index, answer text in token-sized content deltas, two tool
 * calls whose arguments arrive in small fragments, keep-alive comments, the finish chunk, a usage
 * chunk with {@code choices:[]}, and {@code [DONE]}. Built once per size, deterministically, with
 * the merged texts kept to check the client's result against.
 *
 * @param bytes the stream as it comes over the wire
 * @param chunks how many {@code data:} events it has, {@code [DONE]} excluded
 * @param reasoning the reasoning summary, merged
 * @param text the answer text, merged
 * @param arguments0 the first tool call's arguments, merged
 * @param arguments1 the second tool call's arguments, merged
 */
record StreamFixture(
    byte[] bytes, int chunks, String reasoning, String text, String arguments0, String arguments1) {

  private static final String[] WORDS = {
    "the",
    "order",
    "shipped",
    "on",
    "Monday",
    "and",
    "refunds",
    "rose",
    "by",
    "12%",
    "after",
    "a",
    "carrier",
    "delay;",
    "customers",
    "in",
    "Zürich",
    "saw",
    "“late”",
    "notices",
    "—",
    "see",
    "ticket",
    "A-1042.",
    "Next,",
    "we",
    "compare",
    "weeks\n",
    "with",
    "\"care\"",
  };
  private static final String HEAD =
      "data: {\"id\":\"gen-1761054747-aRXbench\",\"provider\":\"OpenAI\","
          + "\"model\":\"openai/gpt-5.4\",\"object\":\"chat.completion.chunk\","
          + "\"created\":1761054747,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",";
  private static final String TAIL =
      "},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}]}\n\n";

  /**
   * Builds a stream of about {@code targetBytes}: a fifth reasoning, a fifth tool-call arguments,
   * the rest answer text.
   */
  static StreamFixture of(int targetBytes) {
    StringBuilder sse = new StringBuilder(targetBytes + 4096);
    StringBuilder reasoning = new StringBuilder();
    StringBuilder text = new StringBuilder();
    StringBuilder[] args = {new StringBuilder(), new StringBuilder()};
    int chunks = 0;
    int word = 0;
    sse.append(": OPENROUTER PROCESSING\n\n");
    sse.append(HEAD).append("\"content\":\"\"").append(TAIL);
    chunks++;
    while (sse.length() < targetBytes / 5) {
      String piece = piece(word++);
      reasoning.append(piece);
      String json = json(piece);
      sse.append(HEAD)
          .append("\"content\":\"\",\"reasoning\":\"")
          .append(json)
          .append("\",\"reasoning_details\":[{\"type\":\"reasoning.summary\",\"summary\":\"")
          .append(json)
          .append("\",\"format\":\"openai-responses-v1\",\"index\":0}]")
          .append(TAIL);
      chunks++;
    }
    sse.append(HEAD)
        .append("\"content\":\"\",\"reasoning\":null,\"reasoning_details\":[{\"type\":")
        .append("\"reasoning.encrypted\",\"data\":\"gAAAAAB")
        .append("QmVuY2htYXJrIGVuY3J5cHRlZCByZWFzb25pbmc".repeat(40))
        .append("\",\"id\":\"rs_051a5bbench\",\"format\":\"openai-responses-v1\",\"index\":0}]")
        .append(TAIL);
    chunks++;
    int textEnd = targetBytes * 4 / 5;
    while (sse.length() < textEnd) {
      if (chunks % 2000 == 0) {
        sse.append(": OPENROUTER PROCESSING\n\n");
      }
      String piece = piece(word++);
      text.append(piece);
      sse.append(HEAD).append("\"content\":\"").append(json(piece)).append('"').append(TAIL);
      chunks++;
    }
    for (int call = 0; call < 2; call++) {
      sse.append(HEAD)
          .append("\"content\":null,\"tool_calls\":[{\"id\":\"call_bench")
          .append(call)
          .append("\",\"index\":")
          .append(call)
          .append(",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"\"}}]")
          .append(TAIL);
      chunks++;
      int end = textEnd + (targetBytes - textEnd) * (call + 1) / 2;
      String argsJson = "{\"ids\":[";
      appendArgs(sse, args[call], call, argsJson);
      chunks++;
      for (int n = 0; sse.length() < end; n++) {
        String fragment = (n == 0 ? "" : ",") + "\"A-" + (1000 + n) + "\"";
        appendArgs(sse, args[call], call, fragment);
        chunks++;
      }
      appendArgs(sse, args[call], call, "]}");
      chunks++;
    }
    sse.append(HEAD.replace("\"role\":\"assistant\",", "\"role\":\"assistant\""))
        .append(
            "},\"finish_reason\":\"tool_calls\",\"native_finish_reason\":\"completed\","
                + "\"logprobs\":null}]}\n\n");
    chunks++;
    sse.append(
        "data: {\"id\":\"gen-1761054747-aRXbench\",\"provider\":\"OpenAI\","
            + "\"model\":\"openai/gpt-5.4\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1761054747,\"choices\":[],\"usage\":{\"prompt_tokens\":56,"
            + "\"completion_tokens\":183,\"total_tokens\":239,\"cost\":0.0019,\"is_byok\":false,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":128}}}\n\n");
    chunks++;
    sse.append("data: [DONE]\n\n");
    return new StreamFixture(
        sse.toString().getBytes(StandardCharsets.UTF_8),
        chunks,
        reasoning.toString(),
        text.toString(),
        args[0].toString(),
        args[1].toString());
  }

  private static void appendArgs(StringBuilder sse, StringBuilder args, int call, String piece) {
    args.append(piece);
    sse.append(HEAD)
        .append("\"content\":null,\"tool_calls\":[{\"index\":")
        .append(call)
        .append(",\"type\":\"function\",\"function\":{\"arguments\":\"")
        .append(json(piece))
        .append("\"}}]")
        .append(TAIL);
  }

  private static String piece(int n) {
    return (n == 0 ? "" : " ") + WORDS[(n * 7 + n / WORDS.length) % WORDS.length];
  }

  /** The piece as the inside of a JSON string. */
  static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  double megabytes() {
    return bytes.length / 1e6;
  }
}
