package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.message.ToolCall;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Streams a completion as the service does (wire doc section 5.2). */
final class CompletionStream {

  private final Completion c;
  private final SseWriter out;

  CompletionStream(Completion c, SseWriter out) {
    this.c = c;
    this.out = out;
  }

  /** The whole stream: keep-alives, role, reasoning, content, tool calls, finish, usage, done. */
  void writeAll(int keepAlives) throws IOException {
    writeStart(keepAlives);
    writeReasoning();
    writeText(c.text());
    if (c.refusal() != null) {
      for (String piece : Fragments.split(c.refusal(), Fragments.TEXT)) {
        out.data(chunk(delta(null).put("refusal", piece)));
      }
    }
    writeToolCalls();
    ObjectNode finish = chunk(delta(""));
    ObjectNode choice = (ObjectNode) finish.get("choices").get(0);
    choice
        .put("finish_reason", c.finishReason())
        .put("native_finish_reason", c.nativeFinishReason());
    out.data(finish);
    ObjectNode usage = CompletionBody.envelope(c, "chat.completion.chunk");
    usage.putArray("choices");
    usage.set("usage", CompletionBody.usage(c));
    out.data(usage);
    out.done();
  }

  /** Keep-alive comments, the first chunk (role and empty content), one more keep-alive. */
  void writeStart(int keepAlives) throws IOException {
    for (int i = 0; i < keepAlives; i++) {
      out.keepAlive();
    }
    out.data(chunk(delta("")));
    if (keepAlives > 0) {
      out.keepAlive();
    }
  }

  void writeText(@Nullable String text) throws IOException {
    if (text != null) {
      for (String piece : Fragments.split(text, Fragments.TEXT)) {
        out.data(chunk(delta(piece)));
      }
    }
  }

  /**
   * Reasoning chunks, each with a {@code delta.reasoning} piece and a {@code reasoning_details}
   * fragment. When the text-bearing fragments spell out the reasoning text (OpenAI summaries,
   * Anthropic thinking), each chunk carries a fragment and its own text; otherwise text pieces and
   * fragments are paired by position.
   */
  private void writeReasoning() throws IOException {
    List<ReasoningFragments.Fragment> fragments = ReasoningFragments.of(c.reasoningDetails());
    String text = c.reasoningText();
    StringBuilder spelled = new StringBuilder();
    fragments.forEach(f -> spelled.append(f.text() == null ? "" : f.text()));
    if (text == null || spelled.toString().equals(text)) {
      for (ReasoningFragments.Fragment f : fragments) {
        out.data(reasoningChunk(f.text(), f.item()));
      }
      return;
    }
    List<String> pieces = Fragments.split(text, Fragments.TEXT);
    for (int i = 0; i < Math.max(pieces.size(), fragments.size()); i++) {
      out.data(
          reasoningChunk(
              i < pieces.size() ? pieces.get(i) : null,
              i < fragments.size() ? fragments.get(i).item() : null));
    }
  }

  private ObjectNode reasoningChunk(@Nullable String text, @Nullable JsonNode item) {
    ObjectNode delta = delta("").put("reasoning", text);
    ArrayNode details = delta.putArray("reasoning_details");
    if (item != null) {
      details.add(item);
    }
    return chunk(delta);
  }

  private void writeToolCalls() throws IOException {
    int index = 0;
    for (ToolCall call : c.toolCalls()) {
      ObjectNode first = delta(null);
      ObjectNode tc = first.putArray("tool_calls").addObject();
      tc.put("id", call.id()).put("index", index).put("type", "function");
      tc.putObject("function").put("name", call.name()).put("arguments", "");
      out.data(chunk(first));
      for (String piece : Fragments.split(call.argumentsJson(), Fragments.ARGUMENTS)) {
        ObjectNode more = delta(null);
        ObjectNode p = more.putArray("tool_calls").addObject().put("index", index);
        p.put("type", "function").putObject("function").put("arguments", piece);
        out.data(chunk(more));
      }
      index++;
    }
  }

  private static ObjectNode delta(@Nullable String content) {
    return Wire.F.objectNode().put("role", "assistant").put("content", content);
  }

  ObjectNode chunk(ObjectNode delta) {
    ObjectNode root = CompletionBody.envelope(c, "chat.completion.chunk");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).set("delta", delta);
    choice.putNull("finish_reason").putNull("native_finish_reason").putNull("logprobs");
    return root;
  }
}
