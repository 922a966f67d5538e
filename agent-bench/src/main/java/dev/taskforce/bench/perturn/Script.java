package dev.taskforce.bench.perturn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/**
 * The scripted five-turn conversation every driver has with the server: turns 1 to 4 each answer
 * one or two tool calls with OpenRouter-shaped {@code reasoning_details} (a summary and an
 * encrypted item) and usage with cost; turn 5 answers the final text. The conversation ends with 14
 * messages (system, user, four assistant messages, seven tool results, the answer).
 *
 * <p>The server tells the turn from the number of tool messages in the request, so every driver
 * gets the same exchange whatever else it sends.
 */
final class Script {

  static final String MODEL = "openai/gpt-5.4-mini";
  static final int TURNS = 5;
  static final String SYSTEM =
      "You are the support assistant of an online shop. Use the tools to look things up before"
          + " you answer, and answer in two sentences at most.";
  static final String USER =
      "Hi, this is ada@example.com. My order A-1042 has not arrived yet; where is it, and can you"
          + " send the blue one express to Stockholm instead? Open a ticket if it is late.";
  static final String FINAL_TEXT =
      "Your order A-1042 shipped from Oslo on 20 August; the blue item is in stock and can go"
          + " express to Stockholm tomorrow for 39 EUR. I opened ticket T-9002 about the delay.";

  /** One tool call the model makes. */
  record Call(String id, String name, String argumentsJson) {}

  /** The tool calls of turns 1 to 4. */
  static final List<List<Call>> CALLS =
      List.of(
          List.of(
              new Call(
                  "call_hxZ5lngdot9y8AfQa3spor01",
                  "lookupCustomer",
                  "{\"email\":\"ada@example.com\",\"includeHistory\":true}"),
              new Call(
                  "call_FfAnNULynr6w23E2ptBJNI02",
                  "searchOrders",
                  "{\"customerEmail\":\"ada@example.com\",\"status\":\"open\",\"limit\":5}")),
          List.of(
              new Call(
                  "call_mUCAklYTU3uGC65pRz7M7U03",
                  "findOrder",
                  "{\"orderId\":\"A-1042\",\"includeItems\":true}")),
          List.of(
              new Call(
                  "call_y7BeX0S3uY40okx6MWg7dX04",
                  "checkInventory",
                  "{\"sku\":\"SKU-77-BLUE\",\"warehouse\":\"Oslo\"}"),
              new Call(
                  "call_Q2w9cVt8LmZr1xKp4HsYe605",
                  "shippingQuote",
                  "{\"weightKg\":2.5,\"fromCountry\":\"NO\",\"toCountry\":\"SE\",\"express\":true}")),
          List.of(
              new Call(
                  "call_Jd8sWq1ZxRt5nBv7LkPo3a06",
                  "currentWeather",
                  "{\"city\":\"Stockholm\",\"unit\":\"CELSIUS\"}"),
              new Call(
                  "call_Te4uYh6GfDs2aZx9CvBn8m07",
                  "createTicket",
                  "{\"subject\":\"Late delivery of A-1042\",\"body\":\"Customer ada@example.com"
                      + " reports order A-1042 (shipped 2026-08-20) has not arrived; re-sent"
                      + " express to Stockholm.\",\"priority\":2}")));

  private static final JsonFactory JSON = new JsonFactory();

  private Script() {}

  /**
   * The turn a request is for, from the number of tool messages it carries.
   *
   * @return 1 to {@value #TURNS}, or 0 when no turn of the script has that many tool messages
   */
  static int turnFor(int toolMessages) {
    int seen = 0;
    for (int turn = 1; turn <= TURNS; turn++) {
      if (toolMessages == seen) {
        return turn;
      }
      if (turn <= CALLS.size()) {
        seen += CALLS.get(turn - 1).size();
      }
    }
    return 0;
  }

  /** How many tool messages a request for {@code turn} carries. */
  static int toolMessagesBefore(int turn) {
    int seen = 0;
    for (int t = 1; t < turn; t++) {
      seen += CALLS.get(t - 1).size();
    }
    return seen;
  }

  /** The response body of one turn, in the OpenRouter Chat Completions shape. */
  static byte[] responseBody(int turn) {
    if (turn < 1 || turn > TURNS) {
      throw new IllegalArgumentException("turn must be 1.." + TURNS + ": " + turn);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      boolean last = turn == TURNS;
      g.writeStartObject();
      g.writeStringField("id", "gen-1773323924-57QbnghbXm2GvzEpq" + turn);
      g.writeStringField("provider", "OpenAI");
      g.writeStringField("model", "openai/gpt-5.4-mini-20260317");
      g.writeStringField("object", "chat.completion");
      g.writeNumberField("created", 1773323924L + turn);
      g.writeArrayFieldStart("choices");
      g.writeStartObject();
      g.writeNullField("logprobs");
      g.writeStringField("finish_reason", last ? "stop" : "tool_calls");
      g.writeStringField("native_finish_reason", "completed");
      g.writeNumberField("index", 0);
      g.writeObjectFieldStart("message");
      g.writeStringField("role", "assistant");
      if (last) {
        g.writeStringField("content", FINAL_TEXT);
        g.writeNullField("refusal");
        g.writeNullField("reasoning");
      } else {
        g.writeNullField("content");
        g.writeNullField("refusal");
        String summary = summary(turn);
        g.writeStringField("reasoning", summary);
        g.writeArrayFieldStart("tool_calls");
        List<Call> calls = CALLS.get(turn - 1);
        for (int i = 0; i < calls.size(); i++) {
          Call call = calls.get(i);
          g.writeStartObject();
          g.writeStringField("type", "function");
          g.writeNumberField("index", i);
          g.writeStringField("id", call.id());
          g.writeObjectFieldStart("function");
          g.writeStringField("name", call.name());
          g.writeStringField("arguments", call.argumentsJson());
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("reasoning_details");
        g.writeStartObject();
        g.writeStringField("type", "reasoning.summary");
        g.writeStringField("summary", summary);
        g.writeStringField("format", "openai-responses-v1");
        g.writeNumberField("index", 0);
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "reasoning.encrypted");
        g.writeStringField("data", encrypted(turn));
        g.writeStringField(
            "id", "rs_06113a4c35b40b110169b2c694f76081" + turn + "5bbc8eb5427d84429");
        g.writeStringField("format", "openai-responses-v1");
        g.writeNumberField("index", 1);
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject(); // message
      g.writeEndObject(); // choice
      g.writeEndArray();
      g.writeNullField("system_fingerprint");
      g.writeObjectFieldStart("usage");
      int prompt = 1200 + 180 * turn;
      int completion = last ? 60 : 140;
      g.writeNumberField("prompt_tokens", prompt);
      g.writeNumberField("completion_tokens", completion);
      g.writeNumberField("total_tokens", prompt + completion);
      g.writeNumberField("cost", 0.00012345 * turn);
      g.writeBooleanField("is_byok", false);
      g.writeObjectFieldStart("prompt_tokens_details");
      g.writeNumberField("cached_tokens", turn == 1 ? 0 : 1024);
      g.writeNumberField("cache_write_tokens", 0);
      g.writeNumberField("audio_tokens", 0);
      g.writeEndObject();
      g.writeObjectFieldStart("cost_details");
      g.writeNullField("upstream_inference_cost");
      g.writeNumberField("upstream_inference_prompt_cost", 0.00009 * turn);
      g.writeNumberField("upstream_inference_completions_cost", 0.00003345 * turn);
      g.writeEndObject();
      g.writeObjectFieldStart("completion_tokens_details");
      g.writeNumberField("reasoning_tokens", last ? 0 : 96);
      g.writeNumberField("image_tokens", 0);
      g.writeNumberField("audio_tokens", 0);
      g.writeEndObject();
      g.writeEndObject(); // usage
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String summary(int turn) {
    return switch (turn) {
      case 1 ->
          "**Identifying the customer and the order**\n\nThe user gave an e-mail and an"
              + " order id. I should look up the customer and their open orders first.";
      case 2 ->
          "**Checking the order**\n\nOrder A-1042 is open; I need its shipping state and"
              + " items to see what the blue one is.";
      case 3 ->
          "**Checking stock and shipping**\n\nThe blue item is SKU-77-BLUE; check stock in"
              + " Oslo and quote express shipping from NO to SE.";
      default ->
          "**Wrapping up**\n\nExpress is possible. Check the weather on the route and open"
              + " a ticket for the late delivery as asked.";
    };
  }

  /** An opaque blob of realistic size (about 600 base64 characters), fixed per turn. */
  private static String encrypted(int turn) {
    Random random = new Random(turn);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder b = new StringBuilder("gAAAAABpssag");
    while (b.length() < 600) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
