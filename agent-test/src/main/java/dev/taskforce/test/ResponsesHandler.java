package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/responses}, OpenRouter's stateless Responses endpoint: checks the request as
 * the service would, then serves the next scripted reply of the same script the chat endpoint uses,
 * as a Response object or as a stream of {@code response.*} events.
 */
final class ResponsesHandler {

  private final boolean leadingWhitespace;
  private final int keepAlives;
  private final FakeModels models;
  private final ReasoningItems reasoning;
  private final Script<RecordedRequest, Reply> script;
  private final Credits credits;
  private final Generations generations;
  private final Ids ids;

  ResponsesHandler(
      boolean leadingWhitespace,
      int keepAlives,
      FakeModels models,
      ReasoningItems reasoning,
      Script<RecordedRequest, Reply> script,
      Credits credits,
      Generations generations,
      Ids ids) {
    this.leadingWhitespace = leadingWhitespace;
    this.keepAlives = keepAlives;
    this.models = models;
    this.reasoning = reasoning;
    this.script = script;
    this.credits = credits;
    this.generations = generations;
    this.ids = ids;
  }

  void handle(HttpExchange exchange, RecordedRequest recorded, int number) throws IOException {
    JsonNode request = ChatHandler.parse(exchange, recorded);
    if (request == null) {
      return;
    }
    String model = request.path("model").asText(models.defaultModel());
    int promptChars =
        request.path("instructions").asText("").length()
            + request.path("input").toString().length();
    ObjectNode rejection = check(request, model, promptChars);
    if (rejection != null) {
      int status = rejection.path("error").path("code").asInt(400);
      Wire.sendJson(exchange, status, rejection);
      return;
    }
    Reply reply = ChatHandler.nextReply(exchange, script, recorded, number, model);
    if (reply != null) {
      serve(exchange, reply, request, model, promptChars);
    }
  }

  /** As on the chat endpoint: the service's checks, credit, then the provider's. */
  private @Nullable ObjectNode check(JsonNode request, String model, int promptChars) {
    ObjectNode rejection = ResponsesChecks.basics(request, model, models);
    if (rejection == null) {
      FakeModels.Entry entry = models.get(model);
      Fault.InsufficientCredits f =
          entry == null ? null : credits.reserve(request, entry, (promptChars + 3) / 4);
      if (f != null) {
        rejection = Wire.error(402, FaultResponses.insufficientCreditsMessage(f));
      }
    }
    JsonNode input = request.get("input");
    if (rejection == null && input.isArray()) {
      rejection = ResponsesChecks.toolOutputs(input);
    }
    if (rejection == null) {
      rejection = ResponsesChecks.schemas(request);
    }
    if (rejection == null) {
      String raw = reasoning.check(model, input);
      if (raw != null) {
        String code = raw.startsWith("The encrypted content") ? "invalid_encrypted_content" : null;
        rejection = RequestChecks.openAiError(raw, "input", code);
      }
    }
    return rejection;
  }

  private void serve(
      HttpExchange exchange, Reply reply, JsonNode request, String model, int promptChars)
      throws IOException {
    boolean streaming = request.path("stream").asBoolean(false);
    String prefix = leadingWhitespace ? CompletionBody.KEEP_ALIVE_WHITESPACE : "";
    if (reply instanceof ScriptedTurn turn) {
      Completion c =
          Completion.resolve(turn, model, promptChars, false, ids, models.pricing(model));
      ResponseOutput out = ResponseOutput.of(c, ids);
      reasoning.remember(model, out);
      generations.add(c, streaming);
      credits.charge(c.usage().costUsd());
      if (streaming) {
        new ResponsesStream(out, request, new SseWriter(exchange, c.id())).writeAll(keepAlives);
      } else {
        exchange.getResponseHeaders().set("X-Generation-Id", c.id());
        Wire.sendJson(exchange, 200, prefix, ResponsesBody.json(out, request));
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
      Completion c =
          Completion.resolve(turn, model, promptChars, false, ids, models.pricing(model));
      new ResponsesFaults(
              exchange, streaming, ResponseOutput.of(c, ids), request, prefix, keepAlives)
          .send(fault);
    }
  }
}
