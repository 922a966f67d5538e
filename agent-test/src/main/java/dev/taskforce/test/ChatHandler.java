package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.taskforce.internal.Json;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/chat/completions}: checks the request as the service would, then serves the
 * next scripted reply, as a body or as a stream.
 */
final class ChatHandler {

  private final boolean leadingWhitespace;
  private final int keepAlives;
  private final FakeModels models;
  private final ReasoningLedger ledger;
  private final Script<RecordedRequest, Reply> script;
  private final Credits credits;
  private final Generations generations;
  private final Ids ids;

  ChatHandler(
      boolean leadingWhitespace,
      int keepAlives,
      FakeModels models,
      ReasoningLedger ledger,
      Script<RecordedRequest, Reply> script,
      Credits credits,
      Generations generations,
      Ids ids) {
    this.leadingWhitespace = leadingWhitespace;
    this.keepAlives = keepAlives;
    this.models = models;
    this.ledger = ledger;
    this.script = script;
    this.credits = credits;
    this.generations = generations;
    this.ids = ids;
  }

  void handle(HttpExchange exchange, RecordedRequest recorded, int number) throws IOException {
    JsonNode request = parse(exchange, recorded);
    if (request == null) {
      return;
    }
    String model = request.path("model").asText(models.defaultModel());
    ObjectNode rejection = check(request, model);
    if (rejection != null) {
      int status = rejection.path("error").path("code").asInt(400);
      Wire.sendJson(exchange, status, rejection);
      return;
    }
    Reply reply = nextReply(exchange, script, recorded, number, model);
    if (reply != null) {
      serve(exchange, reply, request, model, request.path("messages").toString().length());
    }
  }

  /** The body as a JSON object, or {@code null} after answering 400. Shared by both endpoints. */
  static @Nullable JsonNode parse(HttpExchange exchange, RecordedRequest recorded)
      throws IOException {
    JsonNode request;
    try {
      request = Json.parse(recorded.body());
    } catch (IllegalArgumentException e) {
      Wire.sendJson(exchange, 400, Wire.error(400, "Invalid JSON in request body"));
      return null;
    }
    if (!request.isObject()) {
      Wire.sendJson(exchange, 400, Wire.error(400, "Request body must be a JSON object"));
      return null;
    }
    return request;
  }

  /**
   * The script's next reply, or {@code null} after answering 500 (the rule threw, or nothing was
   * left). Shared by both endpoints.
   */
  static @Nullable Reply nextReply(
      HttpExchange exchange,
      Script<RecordedRequest, Reply> script,
      RecordedRequest recorded,
      int number,
      String model)
      throws IOException {
    Reply reply;
    try {
      reply = script.next(recorded, number, recorded.toString());
    } catch (RuntimeException e) {
      Wire.sendJson(exchange, 500, Wire.error(500, "FakeOpenRouter: the rule threw " + e));
      return null;
    }
    if (reply == null) {
      String message =
          "FakeOpenRouter has no scripted reply left for request #"
              + number
              + " (model "
              + model
              + "); enqueue one or set a rule";
      Wire.sendJson(exchange, 500, Wire.error(500, message));
    }
    return reply;
  }

  /**
   * The service's own checks first (input, model, credit), then the provider's (tool messages,
   * strict schemas, reasoning).
   */
  private @Nullable ObjectNode check(JsonNode request, String model) {
    ObjectNode rejection = RequestChecks.basics(request, model, models);
    if (rejection == null) {
      rejection = reserveCredit(request, model);
    }
    if (rejection == null) {
      rejection = RequestChecks.toolMessages(request.get("messages"));
    }
    if (rejection == null) {
      rejection = RequestChecks.schemas(request);
    }
    if (rejection == null) {
      String raw = ledger.check(model, request.get("messages"));
      if (raw != null) {
        rejection = Wire.providerError(400, "invalid_request", raw);
      }
    }
    return rejection;
  }

  private @Nullable ObjectNode reserveCredit(JsonNode request, String model) {
    FakeModels.Entry entry = models.get(model);
    long promptTokens = (request.path("messages").toString().length() + 3) / 4;
    Fault.InsufficientCredits f =
        entry == null ? null : credits.reserve(request, entry, promptTokens);
    return f == null ? null : Wire.error(402, FaultResponses.insufficientCreditsMessage(f));
  }

  private void serve(
      HttpExchange exchange, Reply reply, JsonNode request, String model, int promptChars)
      throws IOException {
    boolean streaming = request.path("stream").asBoolean(false);
    String prefix = leadingWhitespace ? CompletionBody.KEEP_ALIVE_WHITESPACE : "";
    if (reply instanceof ScriptedTurn turn) {
      Completion c =
          Completion.resolve(turn, model, promptChars, streaming, ids, models.pricing(model));
      ledger.remember(model, c);
      generations.add(c, streaming);
      credits.charge(c.usage().costUsd());
      if (streaming) {
        new CompletionStream(c, new SseWriter(exchange, c.id())).writeAll(keepAlives);
      } else {
        exchange.getResponseHeaders().set("X-Generation-Id", c.id());
        Wire.sendJson(exchange, 200, prefix, CompletionBody.json(c));
      }
    } else if (reply instanceof Fault fault) {
      String partialText = "";
      if (fault instanceof Fault.FailedMidResponse f) {
        partialText = f.partialText();
      } else if (fault instanceof Fault.Truncated f) {
        partialText = f.partialText();
      }
      ScriptedTurn turn =
          partialText.isEmpty() ? ScriptedTurn.builder().build() : ScriptedTurn.ofText(partialText);
      Completion partial =
          Completion.resolve(turn, model, promptChars, streaming, ids, models.pricing(model));
      new FaultResponses(exchange, streaming, partial, prefix, keepAlives).send(fault);
    }
  }
}
