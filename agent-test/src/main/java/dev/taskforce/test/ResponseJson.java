package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.Message;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Responses and streamed pieces as a cassette stores them, and back. The message is in the {@link
 * Conversation} JSON format, so reasoning items are kept verbatim; the cost is a decimal string.
 */
final class ResponseJson {

  private ResponseJson() {}

  static ObjectNode write(ChatResponse r) {
    ObjectNode o = Wire.F.objectNode();
    o.set("message", message(r.message()));
    o.put("finishReason", r.finishReason().name().toLowerCase(Locale.ROOT));
    putIfSet(o, "nativeFinishReason", r.nativeFinishReason());
    Usage u = r.usage();
    o.putObject("usage")
        .put("inputTokens", u.inputTokens())
        .put("outputTokens", u.outputTokens())
        .put("cachedInputTokens", u.cachedInputTokens())
        .put("reasoningTokens", u.reasoningTokens())
        .put("costUsd", u.costUsd().toPlainString());
    putIfSet(o, "model", r.model());
    putIfSet(o, "provider", r.provider());
    putIfSet(o, "id", r.id());
    return o;
  }

  static ChatResponse read(JsonNode o) {
    Message m = readMessage(required(o, "message"));
    if (!(m instanceof AssistantMessage message)) {
      throw new IllegalArgumentException("the response message is not an assistant message");
    }
    JsonNode u = required(o, "usage");
    Usage usage =
        new Usage(
            u.path("inputTokens").asLong(),
            u.path("outputTokens").asLong(),
            u.path("cachedInputTokens").asLong(),
            u.path("reasoningTokens").asLong(),
            new BigDecimal(u.path("costUsd").asText("0")));
    return new ChatResponse(
        message,
        FinishReason.valueOf(text(o, "finishReason", "unknown").toUpperCase(Locale.ROOT)),
        text(o, "nativeFinishReason", null),
        usage,
        text(o, "model", null),
        text(o, "provider", null),
        text(o, "id", null));
  }

  static ArrayNode writePieces(List<StreamPiece> pieces) {
    ArrayNode a = Wire.F.arrayNode();
    for (StreamPiece p : pieces) {
      if (p instanceof StreamPiece.Text t) {
        a.addObject().put("text", t.delta());
      } else if (p instanceof StreamPiece.Reasoning r) {
        a.addObject().put("reasoning", r.delta());
      } else if (p instanceof StreamPiece.ToolCallPiece c) {
        ObjectNode n = a.addObject().putObject("toolCall").put("index", c.index());
        putIfSet(n, "id", c.id());
        putIfSet(n, "name", c.name());
        n.put("arguments", c.arguments());
      }
    }
    return a;
  }

  static List<StreamPiece> readPieces(JsonNode a) {
    List<StreamPiece> out = new ArrayList<>();
    for (JsonNode p : a) {
      if (p.has("text")) {
        out.add(new StreamPiece.Text(p.get("text").asText()));
      } else if (p.has("reasoning")) {
        out.add(new StreamPiece.Reasoning(p.get("reasoning").asText()));
      } else if (p.has("toolCall")) {
        JsonNode c = p.get("toolCall");
        out.add(
            new StreamPiece.ToolCallPiece(
                c.path("index").asInt(),
                text(c, "id", null),
                text(c, "name", null),
                c.path("arguments").asText("")));
      } else {
        throw new IllegalArgumentException("unknown stream piece: " + Texts.quote(p.toString()));
      }
    }
    return out;
  }

  /** One message in the conversation format: the only element of a saved conversation. */
  static JsonNode message(Message m) {
    return Json.parse(new Conversation(List.of(m)).toJson()).get("messages").get(0);
  }

  private static Message readMessage(JsonNode m) {
    ObjectNode wrapper = Wire.F.objectNode();
    wrapper.putArray("messages").add(m);
    return Conversation.fromJson(Json.write(wrapper)).messages().get(0);
  }

  static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field \"" + field + "\"");
    }
    return v;
  }

  static @Nullable String text(JsonNode o, String field, @Nullable String absent) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? absent : v.asText();
  }

  static void putIfSet(ObjectNode o, String field, @Nullable String value) {
    if (value != null) {
      o.put(field, value);
    }
  }
}
