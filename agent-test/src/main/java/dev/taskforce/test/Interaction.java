package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.model.ChatResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded model call: the model, the request, and either the response or the failure; for a
 * streamed call also the pieces the listener got.
 *
 * @param model the id of the model called
 * @param request the request, as {@link RequestJson} writes it
 * @param response the response, or {@code null} when the call failed
 * @param failure the failure, as {@link FailureJson} writes it, or {@code null}
 * @param pieces the streamed pieces in order, or {@code null} when the call was not streamed
 */
record Interaction(
    String model,
    JsonNode request,
    @Nullable ChatResponse response,
    @Nullable ObjectNode failure,
    @Nullable List<StreamPiece> pieces) {

  Interaction {
    requireNonNull(model, "model == null");
    requireNonNull(request, "request == null");
    if ((response == null) == (failure == null)) {
      throw new IllegalArgumentException("an interaction has a response or a failure");
    }
    pieces = pieces == null ? null : List.copyOf(pieces);
  }

  ObjectNode toJson() {
    ObjectNode o = Wire.F.objectNode().put("model", model);
    o.set("request", request);
    if (pieces != null) {
      o.set("stream", ResponseJson.writePieces(pieces));
    }
    if (response != null) {
      o.set("response", ResponseJson.write(response));
    } else {
      o.set("failure", failure);
    }
    return o;
  }

  static Interaction fromJson(JsonNode o) {
    JsonNode response = o.get("response");
    JsonNode failure = o.get("failure");
    JsonNode stream = o.get("stream");
    if (failure != null && !failure.isObject()) {
      throw new IllegalArgumentException("\"failure\" is not an object");
    }
    return new Interaction(
        ResponseJson.required(o, "model").asText(),
        ResponseJson.required(o, "request"),
        response == null ? null : ResponseJson.read(response),
        (ObjectNode) failure,
        stream == null ? null : ResponseJson.readPieces(stream));
  }
}
