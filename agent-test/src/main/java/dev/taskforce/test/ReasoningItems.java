package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The reasoning check of the {@code /responses} endpoint: remembers every reasoning item it issued
 * and checks each later request's {@code input} as OpenAI does for stateless requests (wire doc
 * 9.4). A reasoning item must come back JSON-equal to the one issued ({@code encrypted_content}
 * unchanged), for the model that issued it, directly followed by the item that followed it; a
 * function call (and, under {@link ReasoningCheck#STRICT}, a message) the server issued after a
 * reasoning item must come after that item. Counts go to the shared {@link ReasoningLedger}, one
 * per earlier response carried back. Thread-safe.
 */
final class ReasoningItems {

  /** One issued reasoning item, and the key of the item that followed it, if any. */
  private record Issued(
      String model, String responseId, ObjectNode item, @Nullable String following) {}

  /** Where an issued message or function call stood: its response, the reasoning before it. */
  private record Placed(String responseId, @Nullable String reasoningId) {}

  private final ReasoningLedger ledger;
  private final Map<String, Issued> reasoning = new ConcurrentHashMap<>();
  private final Map<String, Placed> placed = new ConcurrentHashMap<>();

  ReasoningItems(ReasoningLedger ledger) {
    this.ledger = ledger;
  }

  /** Records the items of a served response. */
  void remember(String requestedModel, ResponseOutput out) {
    if (ledger.mode() == ReasoningCheck.OFF) {
      return;
    }
    List<ObjectNode> items = out.items();
    String last = null;
    for (int i = 0; i < items.size(); i++) {
      ObjectNode item = items.get(i);
      String id = item.path("id").asText();
      if (item.path("type").asText().equals("reasoning")) {
        String following = i + 1 < items.size() ? key(items.get(i + 1)) : null;
        reasoning.put(id, new Issued(requestedModel, out.id(), item.deepCopy(), following));
        last = id;
      } else {
        Placed p = new Placed(out.id(), last);
        placed.put(key(item), p);
        if (item.path("type").asText().equals("message")) {
          placed.put(textKey(item), p); // For a client that rebuilt the message without its id.
        }
      }
    }
  }

  /** Checks a request's input; counts only when it is accepted. */
  @Nullable String check(String requestedModel, JsonNode input) {
    if (ledger.mode() == ReasoningCheck.OFF || !input.isArray()) {
      return null;
    }
    Set<String> seen = new HashSet<>();
    Set<String> verified = new LinkedHashSet<>();
    Set<String> dropped = new LinkedHashSet<>();
    for (int i = 0; i < input.size(); i++) {
      JsonNode item = input.get(i);
      String type = item.path("type").asText("");
      if (type.equals("reasoning")) {
        String error = checkReasoning(requestedModel, input, i);
        if (error != null) {
          return ledger.reject(error);
        }
        seen.add(item.path("id").asText());
        continue;
      }
      boolean assistant =
          type.equals("function_call")
              || ((type.isEmpty() || type.equals("message"))
                  && "assistant".equals(item.path("role").asText()));
      Placed p = assistant ? placed.get(key(item)) : null;
      if (p == null || p.reasoningId() == null) {
        continue;
      }
      if (seen.contains(p.reasoningId())) {
        verified.add(p.responseId());
      } else if (type.equals("function_call") || ledger.mode() == ReasoningCheck.STRICT) {
        String id = item.path("id").asText(item.path("call_id").asText(""));
        return ledger.reject(
            "Item '"
                + id
                + "' of type '"
                + (type.isEmpty() ? "message" : type)
                + "' was provided without its required 'reasoning' item: '"
                + p.reasoningId()
                + "'. (input["
                + i
                + "]; the reasoning item was issued with response "
                + p.responseId()
                + ")");
      } else {
        dropped.add(p.responseId());
      }
    }
    verified.removeAll(dropped);
    ledger.count(verified.size(), dropped.size());
    return null;
  }

  private @Nullable String checkReasoning(String requestedModel, JsonNode input, int i) {
    JsonNode item = input.get(i);
    String id = item.path("id").asText("");
    Issued issued = reasoning.get(id);
    String where = " (input[" + i + "], reasoning " + id + ")";
    if (issued == null) {
      return "The encrypted content for item "
          + id
          + " could not be verified."
          + where
          + " was not issued by this server"
          + origin(item);
    }
    if (!issued.model().equals(requestedModel)) {
      return "The encrypted content for item "
          + id
          + " could not be verified."
          + where
          + " was produced by "
          + issued.model()
          + "; it cannot be sent to "
          + requestedModel;
    }
    if (!issued.item().equals(item)) {
      return "The encrypted content for item "
          + id
          + " could not be verified."
          + where
          + " "
          + ReasoningDiff.fieldDiff(issued.item(), item)
          + " (issued with response "
          + issued.responseId()
          + ")";
    }
    if (issued.following() != null
        && (i + 1 >= input.size() || !issued.following().equals(key(input.get(i + 1))))) {
      return "Item '"
          + id
          + "' of type 'reasoning' was provided without its required following item."
          + where;
    }
    return null;
  }

  /** Names the response a reasoning item with this encrypted content was issued with. */
  private String origin(JsonNode item) {
    JsonNode blob = item.get("encrypted_content");
    for (Issued issued : reasoning.values()) {
      if (blob != null && blob.equals(issued.item().get("encrypted_content"))) {
        return " (its encrypted content was issued as item "
            + issued.item().path("id").asText()
            + " with response "
            + issued.responseId()
            + ")";
      }
    }
    return "";
  }

  /** Function calls by {@code call_id}, messages by id (else by text). */
  private static String key(JsonNode item) {
    String type = item.path("type").asText("");
    if (type.equals("function_call")) {
      return "call:" + item.path("call_id").asText();
    }
    String id = item.path("id").asText("");
    return id.isEmpty() ? textKey(item) : type + ":" + id;
  }

  private static String textKey(JsonNode message) {
    return "text:" + ReasoningLedger.contentText(message.get("content"));
  }
}
