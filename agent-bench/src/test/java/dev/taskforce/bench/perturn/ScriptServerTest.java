package dev.taskforce.bench.perturn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ScriptServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRequestWithKMinusOneToolRoundsIsAnsweredWithTurnK() throws Exception {
    for (int turn = 1; turn <= Script.TURNS; turn++) {
      ScriptServer.RequestFacts facts = ScriptServer.read(request(turn, true));

      assertThat(facts.turn()).as("turn").isEqualTo(turn);
      assertThat(facts.assistantMessages()).isEqualTo(turn - 1);
      assertThat(facts.assistantWithReasoning()).isEqualTo(turn - 1);
    }
  }

  @Test
  void reasoningLeftOutIsNoticedButStillAnswered() throws Exception {
    ScriptServer.RequestFacts facts = ScriptServer.read(request(3, false));

    assertThat(facts.turn()).isEqualTo(3);
    assertThat(facts.assistantWithReasoning()).isZero();
  }

  @Test
  void aToolCountThatFitsNoTurnIsNoTurn() {
    assertThat(Script.turnFor(1)).isZero();
    assertThat(Script.turnFor(4)).isZero();
    assertThat(Script.turnFor(8)).isZero();
    assertThat(Script.turnFor(Script.toolMessagesBefore(Script.TURNS))).isEqualTo(Script.TURNS);
  }

  @Test
  void toolTurnsCarryCallsReasoningAndCostAndTheLastTurnTheAnswer() throws Exception {
    for (int turn = 1; turn < Script.TURNS; turn++) {
      var message =
          JSON.readTree(Script.responseBody(turn)).path("choices").path(0).path("message");
      assertThat(message.path("tool_calls").size()).isEqualTo(Script.CALLS.get(turn - 1).size());
      assertThat(message.path("reasoning_details").size()).isEqualTo(2);
    }
    var last = JSON.readTree(Script.responseBody(Script.TURNS));
    assertThat(last.path("choices").path(0).path("message").path("content").asText())
        .isEqualTo(Script.FINAL_TEXT);
    assertThat(last.path("usage").path("cost").isNumber()).isTrue();
  }

  @Test
  void theStreamingFloorKeepsTheAssistantMessageExactlyAsItArrived() throws Exception {
    byte[] body = Script.responseBody(2);

    FloorDriver.Reply reply = FloorDriver.Reply.read(body);

    assertThat(JSON.readTree(reply.message))
        .isEqualTo(JSON.readTree(body).path("choices").path(0).path("message"));
    assertThat(reply.calls).hasSize(1);
    assertThat(reply.calls.get(0)[1]).isEqualTo("findOrder");
  }

  @Test
  void theFloorsDispatchEveryScriptedCallToItsTool() throws Exception {
    for (var calls : Script.CALLS) {
      for (Script.Call call : calls) {
        assertThat(
                FloorDriver.call(
                    call.name(), new FloorDriver.TreeArgs(JSON.readTree(call.argumentsJson()))))
            .doesNotStartWith("error");
      }
    }
  }

  /** A request for {@code turn}, as a client that followed the script would send it. */
  private static byte[] request(int turn, boolean withReasoning) throws Exception {
    ObjectNode request = JSON.createObjectNode().put("model", Script.MODEL);
    ArrayNode messages = request.putArray("messages");
    messages.addObject().put("role", "system").put("content", Script.SYSTEM);
    messages.addObject().put("role", "user").put("content", Script.USER);
    for (int t = 1; t < turn; t++) {
      ObjectNode assistant =
          (ObjectNode)
              JSON.readTree(Script.responseBody(t)).path("choices").path(0).path("message");
      if (!withReasoning) {
        assistant.remove("reasoning_details");
      }
      messages.add(assistant);
      for (Script.Call call : Script.CALLS.get(t - 1)) {
        messages
            .addObject()
            .put("role", "tool")
            .put("tool_call_id", call.id())
            .put("content", "ok");
      }
    }
    request.putArray("tools");
    return JSON.writeValueAsBytes(request);
  }
}
