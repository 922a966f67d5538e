package dev.taskforce.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.MapType;
import dev.taskforce.internal.Json;
import java.io.IOException;

/**
 * Reads maps written as strict schemas describe them: an array of {@code {"key": ..., "value":
 * ...}} entries. Maps written as JSON objects are still read as usual.
 */
final class MapEntries {

  /** The shared mapper plus entry-array maps; thread-safe, never reconfigured. */
  static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(module());

  private MapEntries() {}

  private static SimpleModule module() {
    SimpleModule module = new SimpleModule("taskforce-map-entries");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyMapDeserializer(
              DeserializationConfig config,
              MapType type,
              BeanDescription beanDesc,
              JsonDeserializer<?> deserializer) {
            return new EntriesDeserializer(deserializer);
          }
        });
    return module;
  }

  /** Turns an entry array into an object, then lets the map's own deserializer read it. */
  private static final class EntriesDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    EntriesDeserializer(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new EntriesDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return super.deserialize(p, ctxt);
      }
      JsonNode entries = ctxt.readTree(p);
      ObjectNode object = ctxt.getNodeFactory().objectNode();
      for (JsonNode entry : entries) {
        JsonNode key = entry.get("key");
        if (!entry.isObject()
            || entry.size() != 2
            || key == null
            || !key.isValueNode()
            || key.isNull()
            || !entry.has("value")) {
          return ctxt.reportInputMismatch(
              this, "each map entry must be an object with exactly \"key\" and \"value\"");
        }
        if (object.has(key.asText())) {
          return ctxt.reportInputMismatch(this, "map key \"%s\" appears twice", key.asText());
        }
        object.set(key.asText(), entry.get("value"));
      }
      try (JsonParser objectParser = object.traverse(p.getCodec())) {
        objectParser.nextToken();
        return _delegatee.deserialize(objectParser, ctxt);
      }
    }
  }
}
