package dev.taskforce.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.model.StreamListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Merges Responses API stream events into the finished Response object and its output items, and
 * passes the pieces to the {@link StreamListener} as they arrive.
 *
 * <p>Each output item is taken from its {@code response.output_item.done} event (whose {@code
 * encrypted_content} is complete, unlike the one in {@code .added}), else from the terminal event's
 * {@code response.output}, else rebuilt from {@code .added} and the deltas. The listener sees
 * {@code output_text} deltas as text, {@code reasoning_summary_text} deltas as reasoning (with a
 * blank line before each new summary part, as the finished message joins them), and function calls
 * as tool-call pieces numbered in output order: the first piece carries the {@code call_id} and
 * name. So the pieces add up to the message {@code chat} would return.
 *
 * <p>Not thread-safe; one stream feeds it.
 */
final class EventAccumulator {

  private final StreamListener listener;
  private final TreeMap<Integer, ObjectNode> added = new TreeMap<>();
  private final TreeMap<Integer, ObjectNode> done = new TreeMap<>();
  private final Map<Integer, StringBuilder> texts = new HashMap<>();
  private final Map<Integer, StringBuilder> arguments = new HashMap<>();
  private final Map<Integer, Integer> callNumbers = new HashMap<>();
  private final Set<Integer> announced = new HashSet<>();
  private @Nullable String reasoningPart;
  private boolean reasoningStarted;
  private @Nullable JsonNode latest;
  private @Nullable JsonNode terminal;
  private @Nullable JsonNode failed;
  private @Nullable JsonNode error;

  EventAccumulator(StreamListener listener) {
    this.listener = listener;
  }

  /**
   * Takes one event.
   *
   * @param sseName the SSE {@code event:} name, used when the data has no {@code type}
   */
  void accept(@Nullable String sseName, JsonNode event) {
    String type = event.path("type").asText(sseName == null ? "" : sseName);
    int index = event.path("output_index").asInt(-1);
    switch (type) {
      case "response.created":
      case "response.queued":
      case "response.in_progress":
        latest = event.get("response");
        break;
      case "response.output_item.added":
        itemAdded(index, event.get("item"));
        break;
      case "response.output_item.done":
        itemDone(index, event.get("item"));
        break;
      case "response.output_text.delta":
        String delta = event.path("delta").asText("");
        texts.computeIfAbsent(index, i -> new StringBuilder()).append(delta);
        if (!delta.isEmpty()) {
          listener.onText(delta);
        }
        break;
      case "response.reasoning_summary_text.delta":
        summaryDelta(index + ":" + event.path("summary_index").asInt(0), event.path("delta"));
        break;
      case "response.function_call_arguments.delta":
        argumentsDelta(index, event.path("delta").asText(""));
        break;
      case "response.function_call_arguments.done":
        if (event.path("arguments").isTextual()) {
          arguments.put(index, new StringBuilder(event.get("arguments").textValue()));
        }
        break;
      case "response.completed":
      case "response.incomplete":
      case "response.done": // Older OpenRouter documentation's name for the end.
        terminal = event.path("response");
        if ("failed".equals(terminal.path("status").asText())) {
          failed = terminal;
        }
        break;
      case "response.failed":
        failed = event.path("response");
        break;
      case "error":
        error = event;
        break;
      default:
        break; // Part and done events repeat what the deltas and items already say.
    }
  }

  private void itemAdded(int index, @Nullable JsonNode item) {
    if (index < 0 || item == null || !item.isObject()) {
      return;
    }
    added.put(index, ((ObjectNode) item).deepCopy());
    if ("function_call".equals(item.path("type").asText())) {
      announce(index, item, item.path("arguments").asText(""));
    }
  }

  private void itemDone(int index, @Nullable JsonNode item) {
    if (index < 0 || item == null || !item.isObject()) {
      return;
    }
    done.put(index, (ObjectNode) item);
    if ("function_call".equals(item.path("type").asText()) && !announced.contains(index)) {
      announce(index, item, item.path("arguments").asText(""));
    }
  }

  private void announce(int index, JsonNode item, String args) {
    announced.add(index);
    int number = callNumbers.computeIfAbsent(index, i -> callNumbers.size());
    arguments.computeIfAbsent(index, i -> new StringBuilder()).append(args);
    listener.onToolCall(number, OutputItems.callId(item), item.path("name").asText(""), args);
  }

  private void argumentsDelta(int index, String delta) {
    if (!announced.contains(index)) {
      return; // A call never announced has no id or name to report yet.
    }
    arguments.get(index).append(delta);
    if (!delta.isEmpty()) {
      listener.onToolCall(callNumbers.get(index), null, null, delta);
    }
  }

  private void summaryDelta(String part, JsonNode deltaNode) {
    String delta = deltaNode.asText("");
    if (delta.isEmpty()) {
      return;
    }
    if (reasoningStarted && !part.equals(reasoningPart)) {
      delta = OutputItems.PART_SEPARATOR + delta;
    }
    reasoningPart = part;
    reasoningStarted = true;
    listener.onReasoning(delta);
  }

  /** A {@code response.failed} (or terminal failed) Response object, or null. */
  @Nullable JsonNode failed() {
    return failed;
  }

  /** An {@code error} event, or null. */
  @Nullable JsonNode error() {
    return error;
  }

  /** The terminal event's Response object, or null while the stream is not finished. */
  @Nullable JsonNode terminal() {
    return terminal;
  }

  /** The Response object to read id, model and usage from: the terminal one, else the latest. */
  @Nullable JsonNode response() {
    return terminal != null ? terminal : latest;
  }

  /** The output items, in output order. */
  List<JsonNode> items() {
    TreeMap<Integer, JsonNode> all = new TreeMap<>();
    JsonNode output = terminal == null ? null : terminal.get("output");
    if (output != null && output.isArray()) {
      for (int i = 0; i < output.size(); i++) {
        all.put(i, output.get(i));
      }
    }
    added.forEach((i, item) -> all.putIfAbsent(i, rebuilt(i, item)));
    all.putAll(done);
    return new ArrayList<>(all.values());
  }

  /** An item that never came whole: its {@code .added} form with the deltas put in. */
  private JsonNode rebuilt(int index, ObjectNode item) {
    String type = item.path("type").asText();
    if (type.equals("function_call") && arguments.containsKey(index)) {
      item.put("arguments", arguments.get(index).toString());
    } else if (type.equals("message") && texts.containsKey(index)) {
      ArrayNode content = item.putArray("content");
      content.addObject().put("type", "output_text").put("text", texts.get(index).toString());
    }
    return item;
  }
}
