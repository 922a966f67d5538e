package dev.taskforce.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads and writes {@link Conversation}s in Taskforce's JSON format, version 1. */
final class ConversationJson {

  static final int VERSION = 1;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ConversationJson() {}

  static String write(Conversation conversation) {
    ObjectNode root = F.objectNode();
    root.put("version", VERSION);
    ArrayNode messages = root.putArray("messages");
    for (Message m : conversation.messages()) {
      messages.add(write(m));
    }
    return Json.write(root);
  }

  private static ObjectNode write(Message message) {
    ObjectNode o = F.objectNode();
    if (message instanceof SystemMessage s) {
      o.put("role", "system").put("text", s.text());
    } else if (message instanceof UserMessage u) {
      o.put("role", "user");
      ArrayNode parts = o.putArray("parts");
      for (ContentPart part : u.parts()) {
        if (part instanceof TextPart t) {
          parts.addObject().put("type", "text").put("text", t.text());
        } else if (part instanceof ImagePart i) {
          ObjectNode p = parts.addObject().put("type", "image").put("url", i.url());
          if (i.detail() != null) {
            p.put("detail", i.detail());
          }
        }
      }
    } else if (message instanceof AssistantMessage a) {
      o.put("role", "assistant");
      putIfNotNull(o, "text", a.text());
      putIfNotNull(o, "refusal", a.refusal());
      if (!a.toolCalls().isEmpty()) {
        ArrayNode calls = o.putArray("toolCalls");
        for (ToolCall c : a.toolCalls()) {
          calls
              .addObject()
              .put("id", c.id())
              .put("name", c.name())
              .put("arguments", c.argumentsJson());
        }
      }
      if (!a.reasoning().isEmpty()) {
        ObjectNode r = o.putObject("reasoning");
        putIfNotNull(r, "text", a.reasoning().text());
        ArrayNode details = r.putArray("details");
        for (ReasoningDetail d : a.reasoning().details()) {
          details.add(Json.parse(d.json()));
        }
      }
    } else if (message instanceof ToolResultMessage t) {
      o.put("role", "tool")
          .put("toolCallId", t.toolCallId())
          .put("toolName", t.toolName())
          .put("content", t.content())
          .put("isError", t.isError());
    }
    return o;
  }

  static Conversation read(String json) {
    JsonNode root = Json.parse(json);
    if (!root.isObject() || !root.path("messages").isArray()) {
      throw new IllegalArgumentException("not a conversation: expected {\"messages\": [...]}");
    }
    int version = root.path("version").asInt(VERSION);
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "unsupported conversation format version " + version + " (this release reads 1)");
    }
    List<Message> messages = new ArrayList<>();
    int i = 0;
    for (JsonNode m : root.get("messages")) {
      try {
        messages.add(read(m));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("message " + i + ": " + e.getMessage(), e);
      }
      i++;
    }
    return new Conversation(messages);
  }

  private static Message read(JsonNode m) {
    String role = required(m, "role");
    switch (role) {
      case "system":
        return new SystemMessage(required(m, "text"));
      case "user":
        List<ContentPart> parts = new ArrayList<>();
        for (JsonNode p : m.path("parts")) {
          String type = required(p, "type");
          if (type.equals("text")) {
            parts.add(new TextPart(required(p, "text")));
          } else if (type.equals("image")) {
            parts.add(new ImagePart(required(p, "url"), optional(p, "detail")));
          } else {
            throw new IllegalArgumentException("unknown user part type: " + type);
          }
        }
        return new UserMessage(parts);
      case "assistant":
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode c : m.path("toolCalls")) {
          calls.add(new ToolCall(required(c, "id"), required(c, "name"), required(c, "arguments")));
        }
        Reasoning reasoning = Reasoning.NONE;
        JsonNode r = m.get("reasoning");
        if (r != null && r.isObject()) {
          List<ReasoningDetail> details = new ArrayList<>();
          for (JsonNode d : r.path("details")) {
            details.add(ReasoningDetail.fromTree(d));
          }
          reasoning = new Reasoning(optional(r, "text"), details);
        }
        return new AssistantMessage(optional(m, "text"), calls, optional(m, "refusal"), reasoning);
      case "tool":
        return new ToolResultMessage(
            required(m, "toolCallId"),
            required(m, "toolName"),
            required(m, "content"),
            m.path("isError").asBoolean(false));
      default:
        throw new IllegalArgumentException("unknown role: " + role);
    }
  }

  private static void putIfNotNull(ObjectNode o, String field, @Nullable String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static String required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing string field \"" + field + "\"");
    }
    return v.textValue();
  }

  private static @Nullable String optional(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
