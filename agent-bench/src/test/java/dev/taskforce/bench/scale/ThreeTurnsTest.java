package dev.taskforce.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskforce.message.Message;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreeTurnsTest {

  @Test
  void theTurnIsOneMoreThanTheToolResultsSoFar() {
    List<Message> first = List.of(UserMessage.of("Where is A-1?"));
    List<Message> third =
        List.of(
            UserMessage.of("Where is A-1?"),
            new ToolResultMessage("c1", "lookup", "{}", false),
            new ToolResultMessage("c2", "lookup", "{}", false));

    assertThat(ThreeTurns.turn(first)).isEqualTo(1);
    assertThat(ThreeTurns.turn(third)).isEqualTo(3);
    assertThat(ThreeTurns.answers(2)).isFalse();
    assertThat(ThreeTurns.answers(3)).isTrue();
  }

  @Test
  void theServerCallsTheToolInTheFirstTwoTurnsAndAnswersInTheThird() throws Exception {
    ObjectMapper json = new ObjectMapper();

    JsonNode turn2 = json.readTree(LocalModelServer.answer(2)).at("/choices/0");
    JsonNode turn3 = json.readTree(LocalModelServer.answer(3)).at("/choices/0");

    assertThat(turn2.path("finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(turn2.at("/message/tool_calls/0/function/name").asText()).isEqualTo("lookup");
    assertThat(turn2.at("/message/tool_calls/0/function/arguments").asText())
        .isEqualTo(ThreeTurns.arguments(2));
    assertThat(turn3.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(turn3.at("/message/content").asText()).isEqualTo(ThreeTurns.ANSWER);
  }

  @Test
  void theServerCountsToolMessagesInTheRequestBody() {
    byte[] body =
        "{\"messages\":[{\"role\":\"user\"},{\"role\":\"tool\"},{\"role\":\"tool\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(LocalModelServer.count(body, "\"role\":\"tool\"".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(2);
  }

  @Test
  void inFlightKeepsTheMostThatWereEverInFlight() {
    InFlight inFlight = new InFlight();
    inFlight.enter();
    inFlight.enter();
    inFlight.exit();
    inFlight.enter();

    assertThat(inFlight.peak()).isEqualTo(2);
  }
}
