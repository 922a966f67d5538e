package dev.taskforce.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the attributes a LangChain4j model put on its {@code AiMessage} (Anthropic thinking
 * signatures, Gemini thought signatures, ...) through a Taskforce conversation, as one reasoning
 * item of type {@value #TYPE}, so that they reach the same model again when the conversation
 * continues, and survive saving the conversation.
 */
final class ForeignAttributes {

  /** The reasoning item type that holds a LangChain4j model's own AI message attributes. */
  static final String TYPE = "langchain4j.attributes";

  private static final Logger log = LoggerFactory.getLogger(ForeignAttributes.class);

  private ForeignAttributes() {}

  /**
   * Adds an item holding every attribute Taskforce does not write itself; none if there are none.
   */
  static Reasoning attach(Reasoning reasoning, Map<String, Object> attributes) {
    ObjectNode kept = Json.MAPPER.createObjectNode();
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      if (ReasoningAttributes.isOwn(e.getKey()) || e.getValue() == null) {
        continue;
      }
      try {
        kept.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
      } catch (IllegalArgumentException notJson) {
        // Not JSON-serialisable (generated images, for example): it cannot be saved or resent.
        log.debug("AiMessage attribute {} is not JSON-serialisable; not kept", e.getKey());
      }
    }
    if (kept.isEmpty()) {
      return reasoning;
    }
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("type", TYPE);
    item.set("attributes", kept);
    List<ReasoningDetail> details = new ArrayList<>(reasoning.details());
    details.add(ReasoningDetail.fromTree(item));
    return new Reasoning(reasoning.text(), details);
  }

  /**
   * Puts the attributes held by {@value #TYPE} items into {@code into}, and returns the reasoning
   * without those items.
   */
  static Reasoning detach(Reasoning reasoning, Map<String, Object> into) {
    List<ReasoningDetail> rest = new ArrayList<>(reasoning.details().size());
    for (ReasoningDetail d : reasoning.details()) {
      if (!d.type().equals(TYPE)) {
        rest.add(d);
        continue;
      }
      JsonNode attributes = Json.parse(d.json()).path("attributes");
      for (Map.Entry<String, JsonNode> f : attributes.properties()) {
        into.put(f.getKey(), Json.MAPPER.convertValue(f.getValue(), Object.class));
      }
    }
    return rest.size() == reasoning.details().size()
        ? reasoning
        : new Reasoning(reasoning.text(), rest);
  }
}
