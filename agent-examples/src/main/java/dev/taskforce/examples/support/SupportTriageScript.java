package dev.taskforce.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.message.ToolCall;
import dev.taskforce.test.RecordedRequest;
import dev.taskforce.test.Reply;
import dev.taskforce.test.ScriptedTurn;
import java.util.function.Function;

/**
 * What the offline model says in the support triage example, on either endpoint of the fake server:
 * Chat Completions (the conversation in {@code messages}) or Responses (in {@code input}).
 */
public final class SupportTriageScript implements Function<RecordedRequest, Reply> {

  @Override
  public Reply apply(RecordedRequest request) {
    JsonNode body = request.json();
    JsonNode conversation = body.has("input") ? body.get("input") : body.path("messages");
    JsonNode last = conversation.get(conversation.size() - 1);
    if (last.path("role").asText().equals("user")) {
      // First turn: look up the order and its shipment at the same time.
      return ScriptedTurn.builder()
          .openAiReasoning(
              "The customer names order A-1042: check the order and where the parcel is.")
          .toolCall(new ToolCall("call_order", "findOrder", "{\"id\":\"A-1042\"}"))
          .toolCall(new ToolCall("call_track", "trackShipment", "{\"orderId\":\"A-1042\"}"))
          .build();
    }
    return ScriptedTurn.builder()
        .openAiReasoning("The parcel is held at the depot because the address is incomplete.")
        .text(
            "{\"category\":\"DELIVERY\",\"priority\":2,\"orderIds\":[\"A-1042\"],"
                + "\"summary\":\"Order A-1042 (espresso grinder, EUR 129.00) shipped with PostNord"
                + " on 18 Nov; since 22 Nov it is held at the depot because the address is"
                + " incomplete.\",\"nextAction\":\"Confirm the full delivery address with the"
                + " customer and pass it to PostNord (tracking PN77120034).\","
                + "\"customerReply\":\"Hi Dana, your grinder is waiting at the PostNord depot: the"
                + " address on the parcel is incomplete. Could you confirm your full address"
                + " (with apartment number)? We will have it on its way the same day.\"}")
        .build();
  }
}
