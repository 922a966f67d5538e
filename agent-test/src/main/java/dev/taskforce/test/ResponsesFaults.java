package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * Plays a {@link Fault} on the {@code /responses} endpoint. Faults answered before the response
 * starts (429, 5xx, 402, any HTTP error) are the same as on the chat endpoint: OpenRouter's error
 * shape is the same for both. The others take the Responses shapes of wire doc 9.5 and 9.9: an
 * {@code error} event or a 200 error body; a {@code failed} response (whole, or as a {@code
 * response.failed} event after the partial text) with OpenRouter's top-level {@code error_type}; a
 * stream that stops before its terminal event, or a body cut in half.
 */
final class ResponsesFaults {

  private final HttpExchange exchange;
  private final boolean streaming;
  private final ResponseOutput partial;
  private final JsonNode request;
  private final String bodyPrefix;
  private final int keepAlives;

  ResponsesFaults(
      HttpExchange exchange,
      boolean streaming,
      ResponseOutput partial,
      JsonNode request,
      String bodyPrefix,
      int keepAlives) {
    this.exchange = exchange;
    this.streaming = streaming;
    this.partial = partial;
    this.request = request;
    this.bodyPrefix = bodyPrefix;
    this.keepAlives = keepAlives;
  }

  /** The Responses API's string code for a status, as OpenRouter collapses them (wire doc 9.9). */
  static String codeFor(int status) {
    if (status == 429) {
      return "rate_limit_exceeded";
    }
    return status < 500 ? "invalid_prompt" : "server_error";
  }

  void send(Fault fault) throws IOException {
    String id = partial.completion().id();
    if (fault instanceof Fault.ErrorInBody f) {
      if (streaming) {
        SseWriter sse = new SseWriter(exchange, id);
        for (int i = 0; i < keepAlives; i++) {
          sse.keepAlive();
        }
        ObjectNode event = Wire.F.objectNode().put("type", "error");
        event.put("code", codeFor(f.code())).put("message", f.message()).putNull("param");
        sse.data(event.put("sequence_number", 0));
      } else {
        ObjectNode body = FaultResponses.errorObject(f.code(), f.message(), f.errorType());
        body.put("user_id", Wire.USER_ID);
        exchange.getResponseHeaders().set("X-Generation-Id", id);
        Wire.sendJson(exchange, 200, bodyPrefix, body);
      }
    } else if (fault instanceof Fault.FailedMidResponse f) {
      ObjectNode failed = ResponsesBody.envelope(partial, request, "failed");
      failed.putObject("error").put("code", codeFor(f.code())).put("message", f.message());
      failed.put("error_type", f.errorType());
      ArrayNode output = partial.itemsJson();
      output.forEach(item -> ((ObjectNode) item).put("status", "incomplete"));
      failed.set("output", output);
      if (streaming) {
        ResponsesStream stream = startStream(id);
        ObjectNode event = Wire.F.objectNode().put("type", "response.failed");
        event.set("response", failed);
        stream.send(event);
        stream.done();
      } else {
        exchange.getResponseHeaders().set("X-Generation-Id", id);
        Wire.sendJson(exchange, 200, bodyPrefix, failed);
      }
    } else if (fault instanceof Fault.Truncated) {
      if (streaming) {
        startStream(id); // Closing the exchange ends the body with no terminal event, no [DONE].
      } else {
        String body = bodyPrefix + Wire.write(ResponsesBody.json(partial, request));
        FaultResponses.sendHalf(exchange, body, id);
      }
    } else {
      new FaultResponses(exchange, streaming, partial.completion(), bodyPrefix, keepAlives)
          .send(fault);
    }
  }

  /** The start of the stream and the partial text, its items never finished. */
  private ResponsesStream startStream(String id) throws IOException {
    ResponsesStream stream = new ResponsesStream(partial, request, new SseWriter(exchange, id));
    stream.writeStart(keepAlives);
    List<ObjectNode> items = partial.items();
    for (int i = 0; i < items.size(); i++) {
      stream.writeItemStart(i, items.get(i));
    }
    return stream;
  }
}
