package dev.taskforce.bench.perturn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolSpec;
import dev.taskforce.tools.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: the same exchange written by hand with Jackson and no framework, resending the growing
 * message list with each assistant message exactly as it came (so {@code reasoning_details} go back
 * as Taskforce sends them). Two ways with the JSON ({@link Style}) over either HTTP client.
 *
 * <p>A floor does only what any client must: write the request, parse the response, parse each
 * call's arguments, call the tool and write its result. It has no validation, no events, no budgets
 * and no retries, and the tools' JSON is rendered once.
 */
final class FloorDriver implements Driver {

  /** How the floor handles JSON. */
  enum Style {
    /**
     * Jackson's tree model: the request is an {@code ObjectNode} that grows, the response is read
     * with {@code readTree} and its message node is appended as it is.
     */
    TREE("Jackson tree"),
    /**
     * Jackson's streaming API: the response is read token by token, the assistant message is kept
     * as the bytes it arrived as, and the request is those bytes written back to back.
     */
    STREAMING("Jackson streaming");

    final String label;

    Style(String label) {
      this.label = label;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  /** The tools as the Chat Completions {@code tools} array, from the same Java methods. */
  static final String TOOLS_JSON = toolsJson();

  private static final JsonNode TOOLS_TREE = readTree(TOOLS_JSON);
  private static final byte[] PREFIX =
      ("{\"model\":\"" + Script.MODEL + "\",\"tools\":" + TOOLS_JSON + ",\"messages\":[")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] OPENING = opening();
  private static final byte[] COMMA = {','};
  private static final byte[] SUFFIX = {']', '}'};

  private final Style style;
  private final FloorHttp http;

  FloorDriver(Style style, FloorHttp http) {
    this.style = style;
    this.http = http;
  }

  @Override
  public String label() {
    return http.kind() + ": " + style.label + " + " + http.label();
  }

  @Override
  public void converse() throws Exception {
    String answer = style == Style.TREE ? tree() : streaming();
    Driver.check(answer, label());
  }

  @Override
  public void close() {
    http.close();
  }

  private String tree() throws Exception {
    ObjectNode request = MAPPER.createObjectNode();
    request.put("model", Script.MODEL);
    ArrayNode messages = request.putArray("messages");
    messages.addObject().put("role", "system").put("content", Script.SYSTEM);
    messages.addObject().put("role", "user").put("content", Script.USER);
    request.set("tools", TOOLS_TREE);
    for (int turn = 1; turn <= Script.TURNS; turn++) {
      byte[] body = MAPPER.writeValueAsBytes(request);
      JsonNode root = MAPPER.readTree(http.post(List.of(body), body.length));
      JsonNode message = root.path("choices").path(0).path("message");
      JsonNode calls = message.path("tool_calls");
      if (!calls.isArray() || calls.isEmpty()) {
        return message.path("content").asText();
      }
      messages.add(message);
      for (JsonNode call : calls) {
        JsonNode function = call.path("function");
        JsonNode args = MAPPER.readTree(function.path("arguments").asText());
        String result = call(function.path("name").asText(), new TreeArgs(args));
        messages
            .addObject()
            .put("role", "tool")
            .put("tool_call_id", call.path("id").asText())
            .put("content", result);
      }
    }
    throw new IllegalStateException("no answer after " + Script.TURNS + " turns");
  }

  private String streaming() throws Exception {
    List<byte[]> messages = new ArrayList<>();
    for (int turn = 1; turn <= Script.TURNS; turn++) {
      List<byte[]> parts = new ArrayList<>(messages.size() * 2 + 3);
      parts.add(PREFIX);
      parts.add(OPENING);
      int length = PREFIX.length + OPENING.length + SUFFIX.length;
      for (byte[] m : messages) {
        parts.add(COMMA);
        parts.add(m);
        length += 1 + m.length;
      }
      parts.add(SUFFIX);
      Reply reply = Reply.read(http.post(parts, length));
      if (reply.calls.isEmpty()) {
        return reply.content;
      }
      messages.add(reply.message);
      for (String[] call : reply.calls) {
        String result = call(call[1], new MapArgs(readArgs(call[2])));
        messages.add(toolMessage(call[0], result));
      }
    }
    throw new IllegalStateException("no answer after " + Script.TURNS + " turns");
  }

  /** What the streaming floor takes from a response. */
  static final class Reply {
    byte[] message;
    String content;
    final List<String[]> calls = new ArrayList<>(2); // id, name, arguments

    static Reply read(byte[] body) throws IOException {
      Reply reply = new Reply();
      try (JsonParser p = JSON.createParser(body)) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          if (field.equals("choices")) {
            expect(p.currentToken(), JsonToken.START_ARRAY);
            if (p.nextToken() == JsonToken.START_OBJECT) {
              reply.choice(p, body);
              while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
      }
      if (reply.message == null) {
        throw new IOException("no choices[0].message in the response");
      }
      return reply;
    }

    private void choice(JsonParser p, byte[] body) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("message") && t == JsonToken.START_OBJECT) {
          int start = (int) p.currentTokenLocation().getByteOffset();
          message(p);
          int end = (int) p.currentLocation().getByteOffset();
          this.message = Arrays.copyOfRange(body, start, end);
        } else {
          p.skipChildren();
        }
      }
    }

    private void message(JsonParser p) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("content")) {
          content = t == JsonToken.VALUE_NULL ? null : p.getText();
        } else if (field.equals("tool_calls") && t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            calls.add(call(p));
          }
        } else {
          p.skipChildren();
        }
      }
    }

    private static String[] call(JsonParser p) throws IOException {
      String[] call = new String[3];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("id")) {
          call[0] = p.getText();
        } else if (field.equals("function") && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("name")) {
              call[1] = p.getText();
            } else if (f.equals("arguments")) {
              call[2] = p.getText();
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      return call;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
      if (actual != expected) {
        throw new IOException("expected " + expected + ", got " + actual);
      }
    }
  }

  private static Map<String, String> readArgs(String json) throws IOException {
    Map<String, String> args = new HashMap<>(8);
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("arguments are not an object: " + json);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        args.put(name, p.getText());
      }
    }
    return args;
  }

  private static byte[] toolMessage(String id, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + content.length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("role", "tool");
      g.writeStringField("tool_call_id", id);
      g.writeStringField("content", content);
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** A call's arguments, however the floor read them. */
  interface Args {
    String text(String name);

    int integer(String name);

    double number(String name);

    boolean bool(String name);
  }

  record TreeArgs(JsonNode node) implements Args {
    public String text(String name) {
      return node.path(name).asText();
    }

    public int integer(String name) {
      return node.path(name).asInt();
    }

    public double number(String name) {
      return node.path(name).asDouble();
    }

    public boolean bool(String name) {
      return node.path(name).asBoolean();
    }
  }

  private record MapArgs(Map<String, String> map) implements Args {
    public String text(String name) {
      return map.get(name);
    }

    public int integer(String name) {
      return Integer.parseInt(map.get(name));
    }

    public double number(String name) {
      return Double.parseDouble(map.get(name));
    }

    public boolean bool(String name) {
      return Boolean.parseBoolean(map.get(name));
    }
  }

  /** Calls a tool by name: a switch, the least any dispatcher can do. */
  static String call(String name, Args a) {
    return switch (name) {
      case "currentWeather" ->
          Toolbox.currentWeather(a.text("city"), TemperatureUnit.valueOf(a.text("unit")));
      case "findOrder" -> Toolbox.findOrder(a.text("orderId"), a.bool("includeItems"));
      case "searchOrders" ->
          Toolbox.searchOrders(a.text("customerEmail"), a.text("status"), a.integer("limit"));
      case "convertCurrency" ->
          Toolbox.convertCurrency(a.number("amount"), a.text("from"), a.text("to"));
      case "shippingQuote" ->
          Toolbox.shippingQuote(
              a.number("weightKg"), a.text("fromCountry"), a.text("toCountry"), a.bool("express"));
      case "checkInventory" -> Toolbox.checkInventory(a.text("sku"), a.text("warehouse"));
      case "createTicket" ->
          Toolbox.createTicket(a.text("subject"), a.text("body"), a.integer("priority"));
      case "lookupCustomer" -> Toolbox.lookupCustomer(a.text("email"), a.bool("includeHistory"));
      case "scheduleCallback" ->
          Toolbox.scheduleCallback(a.text("phone"), a.text("date"), a.integer("durationMinutes"));
      case "translate" -> Toolbox.translate(a.text("text"), a.text("targetLanguage"));
      default -> "error: no tool named " + name;
    };
  }

  private static String toolsJson() {
    List<ToolHandler> handlers = Tools.from(new TaskforceTools());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (ToolHandler handler : handlers) {
        ToolSpec spec = handler.spec();
        g.writeStartObject();
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", spec.name());
        g.writeStringField("description", spec.description());
        g.writeFieldName("parameters");
        g.writeRawValue(spec.parameters().json());
        g.writeBooleanField("strict", spec.strict());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] opening() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("role", "system");
      g.writeStringField("content", Script.SYSTEM);
      g.writeEndObject();
      g.writeRaw(',');
      g.writeStartObject();
      g.writeStringField("role", "user");
      g.writeStringField("content", Script.USER);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
