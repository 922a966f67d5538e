package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the reasoning issued with each assistant turn and checks that later requests carry it
 * back unchanged. Thread-safe: conversations may run concurrently on one server.
 */
final class ReasoningLedger {

  /** Reasoning issued with one turn: for which model, under which generation id. */
  record Issued(String model, String generationId, ArrayNode details) {}

  /** The outcome of checking one request: an error to answer with, or what to count. */
  record Verdict(@Nullable String error, int verified, int dropped) {}

  private final ReasoningCheck mode;
  // Key: "call:<id>" for each tool call of a turn, else "text:<content>". Lists, because two turns
  // may share a text (the same answer twice).
  private final Map<String, List<Issued>> byKey = new ConcurrentHashMap<>();
  private final AtomicInteger verified = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();

  ReasoningLedger(ReasoningCheck mode) {
    this.mode = mode;
  }

  ReasoningCheck mode() {
    return mode;
  }

  /** Counts what an accepted request carried back (for the Responses endpoint's checks too). */
  void count(int verifiedTurns, int droppedTurns) {
    verified.addAndGet(verifiedTurns);
    dropped.addAndGet(droppedTurns);
  }

  ReasoningRoundTrips counts() {
    return new ReasoningRoundTrips(verified.get(), dropped.get(), rejected.get());
  }

  /** Records what a served turn carried, under the model that was requested. */
  void remember(String requestedModel, Completion c) {
    if (mode == ReasoningCheck.OFF || c.reasoningDetails().isEmpty()) {
      return;
    }
    ArrayNode details = Wire.F.arrayNode();
    for (ReasoningDetail d : c.reasoningDetails()) {
      details.add(Json.parse(d.json()));
    }
    Issued issued = new Issued(requestedModel, c.id(), details);
    if (c.toolCalls().isEmpty()) {
      add("text:" + (c.text() == null ? "" : c.text()), issued);
    }
    for (ToolCall call : c.toolCalls()) {
      add("call:" + call.id(), issued);
    }
  }

  private void add(String key, Issued issued) {
    byKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(issued);
  }

  /** Checks every assistant message of a request; counts only when the request is accepted. */
  @Nullable String check(String requestedModel, JsonNode messages) {
    if (mode == ReasoningCheck.OFF) {
      return null;
    }
    int ok = 0;
    int missing = 0;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      if (!"assistant".equals(m.path("role").asText())) {
        continue;
      }
      JsonNode sent = m.get("reasoning_details");
      boolean present = sent != null && sent.isArray() && !sent.isEmpty();
      List<Issued> candidates = byKey.get(key(m));
      String where = "messages[" + i + "] (assistant" + describe(m) + ")";
      if (candidates == null) {
        if (present) {
          return reject(
              where + " carries reasoning_details that were not issued with it" + origin(sent));
        }
        continue;
      }
      Issued last = candidates.get(candidates.size() - 1);
      if (!last.model().equals(requestedModel)) {
        if (present) {
          return reject(
              where
                  + " carries reasoning_details produced by "
                  + last.model()
                  + "; they cannot be sent to "
                  + requestedModel);
        }
        continue;
      }
      if (!present) {
        if (mode == ReasoningCheck.STRICT) {
          return reject(
              where
                  + " is missing the reasoning_details issued with it ("
                  + last.details().size()
                  + " items, generation "
                  + last.generationId()
                  + ")");
        }
        missing++;
        continue;
      }
      if (candidates.stream().anyMatch(c -> c.details().equals(sent))) {
        ok++;
      } else if (mode == ReasoningCheck.LENIENT
          && candidates.stream().anyMatch(c -> isSubsequence(sent, c.details()))) {
        missing++; // Some items left out, the rest unchanged and in order: OpenAI accepts that.
      } else {
        return reject(where + ": " + ReasoningDiff.describe(last.details(), sent));
      }
    }
    count(ok, missing);
    return null;
  }

  /** Whether {@code part}'s items all appear, unchanged and in the same order, in {@code whole}. */
  private static boolean isSubsequence(JsonNode part, JsonNode whole) {
    int j = 0;
    for (JsonNode item : whole) {
      if (j < part.size() && item.equals(part.get(j))) {
        j++;
      }
    }
    return j == part.size();
  }

  /** Counts a rejected request and returns its message. */
  String reject(String message) {
    rejected.incrementAndGet();
    return message;
  }

  /** Names the turn the items were issued with, when they are some other turn's. */
  private String origin(JsonNode sent) {
    for (List<Issued> list : byKey.values()) {
      for (Issued issued : list) {
        if (issued.details().equals(sent)) {
          return " (they were issued with generation " + issued.generationId() + ")";
        }
      }
    }
    return "";
  }

  private static String key(JsonNode assistant) {
    JsonNode calls = assistant.path("tool_calls");
    if (calls.isArray() && !calls.isEmpty()) {
      return "call:" + calls.get(0).path("id").asText();
    }
    return "text:" + contentText(assistant.get("content"));
  }

  private static String describe(JsonNode assistant) {
    JsonNode calls = assistant.path("tool_calls");
    if (calls.isArray() && !calls.isEmpty()) {
      StringBuilder sb = new StringBuilder(", tool calls");
      calls.forEach(c -> sb.append(' ').append(c.path("id").asText()));
      return sb.toString();
    }
    return "";
  }

  /** The content as text: a string, or the text parts of a parts array joined. */
  static String contentText(@Nullable JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode part : content) {
      sb.append(part.path("text").asText(""));
    }
    return sb.toString();
  }
}
