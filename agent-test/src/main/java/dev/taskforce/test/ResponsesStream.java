package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Streams a response as OpenRouter's {@code /responses} does (wire doc sections 9.5 and 9.9):
 * {@code data:} lines of OpenAI's {@code response.*} events, each with its {@code sequence_number},
 * keep-alive comments, and {@code data: [DONE]} after the terminal event.
 *
 * <p>Each item is announced by {@code response.output_item.added} and finished by {@code
 * response.output_item.done}, with its pieces in between: summary parts and their text deltas for a
 * reasoning item, a content part and its text (or refusal) deltas for a message, argument deltas
 * for a function call. A reasoning item's {@code encrypted_content} is cut short in the {@code
 * .added} event, as the wire doc warns it may be: only the {@code .done} one is whole.
 */
final class ResponsesStream {

  private final ResponseOutput out;
  private final JsonNode request;
  private final SseWriter sse;
  private int sequence;

  ResponsesStream(ResponseOutput out, JsonNode request, SseWriter sse) {
    this.out = out;
    this.request = request;
    this.sse = sse;
  }

  /** The whole stream: start, every item, the terminal event, {@code [DONE]}. */
  void writeAll(int keepAlives) throws IOException {
    writeStart(keepAlives);
    List<ObjectNode> items = out.items();
    for (int i = 0; i < items.size(); i++) {
      writeItem(i, items.get(i));
    }
    String terminal = out.incompleteReason() == null ? "completed" : "incomplete";
    ObjectNode end = event("response." + terminal);
    end.set("response", ResponsesBody.json(out, request));
    send(end);
    done();
  }

  /** {@code data: [DONE]}: OpenRouter's end of every stream that reached its terminal event. */
  void done() throws IOException {
    sse.done();
  }

  /** Keep-alive comments, {@code response.created}, one more keep-alive, {@code in_progress}. */
  void writeStart(int keepAlives) throws IOException {
    for (int i = 0; i < keepAlives; i++) {
      sse.keepAlive();
    }
    send(withResponse("response.created"));
    if (keepAlives > 0) {
      sse.keepAlive();
    }
    send(withResponse("response.in_progress"));
  }

  /** One item, from {@code output_item.added} to {@code output_item.done}. */
  void writeItem(int index, ObjectNode item) throws IOException {
    writeItemStart(index, item);
    writeItemDone(index, item);
  }

  /** {@code output_item.added} and the item's pieces, without its {@code .done}. */
  void writeItemStart(int index, ObjectNode item) throws IOException {
    String type = item.path("type").asText();
    String id = item.path("id").asText();
    ObjectNode added = event("response.output_item.added").put("output_index", index);
    added.set("item", addedForm(item));
    send(added);
    if (type.equals("reasoning")) {
      JsonNode summary = item.path("summary");
      for (int s = 0; s < summary.size(); s++) {
        String text = summary.get(s).path("text").asText("");
        ObjectNode part = Wire.F.objectNode().put("type", "summary_text");
        send(piece("response.reasoning_summary_part.added", id, index, "summary_index", s, part));
        for (String delta : Fragments.split(text, Fragments.TEXT)) {
          send(
              piece("response.reasoning_summary_text.delta", id, index, "summary_index", s, null)
                  .put("delta", delta));
        }
        send(
            piece("response.reasoning_summary_text.done", id, index, "summary_index", s, null)
                .put("text", text));
        send(
            piece(
                "response.reasoning_summary_part.done",
                id,
                index,
                "summary_index",
                s,
                part.deepCopy().put("text", text)));
      }
    } else if (type.equals("message")) {
      JsonNode content = item.path("content");
      for (int c = 0; c < content.size(); c++) {
        writePart(id, index, c, (ObjectNode) content.get(c));
      }
    } else if (type.equals("function_call")) {
      String arguments = item.path("arguments").asText("");
      for (String delta : Fragments.split(arguments, Fragments.ARGUMENTS)) {
        send(
            event("response.function_call_arguments.delta")
                .put("item_id", id)
                .put("output_index", index)
                .put("delta", delta));
      }
      send(
          event("response.function_call_arguments.done")
              .put("item_id", id)
              .put("name", item.path("name").asText())
              .put("output_index", index)
              .put("arguments", arguments));
    }
  }

  void writeItemDone(int index, ObjectNode item) throws IOException {
    ObjectNode done = event("response.output_item.done").put("output_index", index);
    done.set("item", item.deepCopy());
    send(done);
  }

  /** One content part of a message: added, its deltas, its done events. */
  private void writePart(String id, int index, int c, ObjectNode part) throws IOException {
    boolean refusal = part.path("type").asText().equals("refusal");
    String field = refusal ? "refusal" : "text";
    String text = part.path(field).asText("");
    ObjectNode empty = part.deepCopy().put(field, "");
    send(piece("response.content_part.added", id, index, "content_index", c, empty));
    String kind = refusal ? "response.refusal" : "response.output_text";
    for (String delta : Fragments.split(text, Fragments.TEXT)) {
      ObjectNode e =
          piece(kind + ".delta", id, index, "content_index", c, null).put("delta", delta);
      if (!refusal) {
        e.putArray("logprobs");
      }
      send(e);
    }
    ObjectNode done = piece(kind + ".done", id, index, "content_index", c, null).put(field, text);
    if (!refusal) {
      done.putArray("logprobs");
    }
    send(done);
    send(piece("response.content_part.done", id, index, "content_index", c, part.deepCopy()));
  }

  /** The item as {@code .added} shows it: no content yet, arguments empty, blob cut short. */
  private static ObjectNode addedForm(ObjectNode item) {
    ObjectNode added = item.deepCopy();
    switch (item.path("type").asText()) {
      case "reasoning":
        added.putArray("summary");
        String blob = item.path("encrypted_content").asText("");
        added.put("encrypted_content", blob.substring(0, blob.length() / 2));
        break;
      case "message":
        added.put("status", "in_progress").putArray("content");
        break;
      case "function_call":
        added.put("arguments", "").put("status", "in_progress");
        break;
      default:
        break;
    }
    return added;
  }

  private ObjectNode piece(
      String type, String itemId, int index, String indexName, int at, @Nullable ObjectNode part) {
    ObjectNode e = event(type).put("item_id", itemId).put("output_index", index);
    e.put(indexName, at);
    if (part != null) {
      e.set("part", part);
    }
    return e;
  }

  private ObjectNode withResponse(String type) {
    ObjectNode e = event(type);
    e.set("response", ResponsesBody.envelope(out, request, "in_progress"));
    return e;
  }

  /** A new event of a type; its sequence number is given when it is sent. */
  private static ObjectNode event(String type) {
    return Wire.F.objectNode().put("type", type);
  }

  /** Sends an event with the next sequence number. */
  void send(ObjectNode event) throws IOException {
    event.put("sequence_number", sequence++);
    sse.data(event);
  }
}
