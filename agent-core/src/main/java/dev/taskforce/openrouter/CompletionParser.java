package dev.taskforce.openrouter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.internal.ParsedReasoning;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Chat Completions response object or stream chunk into a {@link ResponseAccumulator},
 * token by token: unknown fields are skipped without building trees, only reasoning items and
 * errors are read as trees. Leading whitespace (OpenRouter's keep-alive before a whole body) is
 * skipped like any JSON whitespace.
 *
 * <p>Only the first choice is read; a request never asks for more than one.
 */
final class CompletionParser {

  static final JsonFactory FACTORY = Json.MAPPER.getFactory();

  /**
   * Parses one object; throws {@link JsonParseException} when the text is not one.
   *
   * @param source the bytes {@code p} reads, from their start, when there are any: reasoning items
   *     of a whole response are then cut from them as text rather than built as trees
   */
  static void parse(JsonParser p, byte @Nullable [] source, ResponseAccumulator acc)
      throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new JsonParseException(p, "expected a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "id":
          acc.id(text(p, t));
          break;
        case "model":
          acc.model(text(p, t));
          break;
        case "provider":
          acc.provider(text(p, t));
          break;
        case "choices":
          choices(p, t, source, acc);
          break;
        case "usage":
          usage(p, t, acc);
          break;
        case "error":
          if (t == JsonToken.START_OBJECT) {
            acc.error(p.readValueAsTree());
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static @Nullable String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static void choices(
      JsonParser p, JsonToken t, byte @Nullable [] source, ResponseAccumulator acc)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    boolean first = true;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (first && p.currentToken() == JsonToken.START_OBJECT) {
        choice(p, source, acc);
      } else {
        p.skipChildren();
      }
      first = false;
    }
  }

  private static void choice(JsonParser p, byte @Nullable [] source, ResponseAccumulator acc)
      throws IOException {
    acc.choiceSeen();
    String finish = null;
    String nativeFinish = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "message":
        case "delta":
          if (t == JsonToken.START_OBJECT) {
            message(p, source, acc);
          } else {
            p.skipChildren();
          }
          break;
        case "finish_reason":
          finish = text(p, t);
          break;
        case "native_finish_reason":
          nativeFinish = text(p, t);
          break;
        case "error":
          if (t == JsonToken.START_OBJECT) {
            acc.choiceError(p.readValueAsTree());
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    acc.finish(finish, nativeFinish);
  }

  private static void message(JsonParser p, byte @Nullable [] source, ResponseAccumulator acc)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "content":
          if (t == JsonToken.VALUE_STRING) {
            acc.content(p.getText());
          } else if (t == JsonToken.START_ARRAY) {
            contentParts(p.readValueAsTree(), acc);
          } else {
            p.skipChildren();
          }
          break;
        case "reasoning":
          if (t == JsonToken.VALUE_STRING) {
            acc.reasoning(p.getText());
          } else {
            p.skipChildren();
          }
          break;
        case "refusal":
          if (t == JsonToken.VALUE_STRING) {
            acc.refusal(p.getText());
          } else {
            p.skipChildren();
          }
          break;
        case "tool_calls":
          toolCalls(p, t, acc);
          break;
        case "reasoning_details":
          reasoningDetails(p, t, source, acc);
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static void contentParts(JsonNode parts, ResponseAccumulator acc) {
    for (JsonNode part : parts) {
      JsonNode text = part.get("text");
      if (text != null && text.isTextual()) {
        acc.content(text.textValue());
      }
    }
  }

  private static void reasoningDetails(
      JsonParser p, JsonToken t, byte @Nullable [] source, ResponseAccumulator acc)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.START_OBJECT && source != null && acc.keepsItemsAsSent()) {
        // Cut the item's text from the body: no tree, and every byte of it as the provider sent it.
        // Its type and index are read on the way, so the text is not parsed a second time.
        long start = p.currentTokenLocation().getByteOffset();
        ParsedReasoning.Head head = ParsedReasoning.readHead(p);
        long end = p.currentLocation().getByteOffset();
        if (head.type() != null) { // Without a string type it is no item; the tree path skips it.
          acc.reasoningDetail(
              ParsedReasoning.of(
                  new String(source, (int) start, (int) (end - start), StandardCharsets.UTF_8),
                  head.type(),
                  head.index()));
        }
      } else if (p.currentToken() == JsonToken.START_OBJECT) {
        JsonNode item = p.readValueAsTree();
        acc.reasoningDetail((ObjectNode) item);
      } else {
        p.skipChildren();
      }
    }
  }

  private static void toolCalls(JsonParser p, JsonToken t, ResponseAccumulator acc)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    int position = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.START_OBJECT) {
        toolCall(p, acc, position);
      } else {
        p.skipChildren();
      }
      position++;
    }
  }

  private static void toolCall(JsonParser p, ResponseAccumulator acc, int position)
      throws IOException {
    int index = -1;
    String id = null;
    String name = null;
    String arguments = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "index":
          if (t == JsonToken.VALUE_NUMBER_INT) {
            index = p.getIntValue();
          }
          break;
        case "id":
          id = text(p, t);
          break;
        case "function":
          if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            break;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals("name")) {
              name = text(p, v);
            } else if (f.equals("arguments")) {
              arguments = v == JsonToken.VALUE_STRING ? p.getText() : argumentsTree(p, v);
            } else {
              p.skipChildren();
            }
          }
          break;
        default:
          p.skipChildren();
      }
    }
    acc.toolCall(index >= 0 ? index : position, id, name, arguments);
  }

  /** Some providers send arguments as an object rather than a string: keep its JSON text. */
  private static @Nullable String argumentsTree(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      return p.readValueAsTree().toString();
    }
    p.skipChildren();
    return null;
  }

  private static void usage(JsonParser p, JsonToken t, ResponseAccumulator acc) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    long input = 0;
    long output = 0;
    long cached = 0;
    long reasoning = 0;
    BigDecimal cost = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "prompt_tokens":
          input = count(p, v);
          break;
        case "completion_tokens":
          output = count(p, v);
          break;
        case "cost":
          cost = decimal(p, v);
          break;
        case "prompt_tokens_details":
          cached = detail(p, v, "cached_tokens");
          break;
        case "completion_tokens_details":
          reasoning = detail(p, v, "reasoning_tokens");
          break;
        default:
          p.skipChildren();
      }
    }
    acc.usage(input, output, cached, reasoning, cost);
  }

  private static long count(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return Math.max(0, p.getValueAsLong());
    }
    p.skipChildren();
    return 0;
  }

  private static @Nullable BigDecimal decimal(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDecimalValue(); // Exact: never through double.
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return new BigDecimal(p.getText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    p.skipChildren();
    return null;
  }

  private static long detail(JsonParser p, JsonToken t, String name) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return 0;
    }
    long value = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals(name)) {
        value = count(p, v);
      } else {
        p.skipChildren();
      }
    }
    return value;
  }
}
