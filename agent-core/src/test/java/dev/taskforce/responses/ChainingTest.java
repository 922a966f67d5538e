package dev.taskforce.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainingTest {

  private static final String FIRST =
      Items.response(
              Items.output(
                  Items.reasoning("rs_1", "", "gAAAA"),
                  Items.call("fc_1", "call_1", "lookup", "{}")))
          .replace("resp_67ca09c5", "resp_1");
  private static final String SECOND =
      Items.response(Items.output(Items.message("msg_2", "final_answer", "done")))
          .replace("resp_67ca09c5", "resp_2");

  private final ScriptedServer server = ScriptedServer.start();
  private final ChatModel model =
      TestClients.openAi(server.baseUrl() + "/v1")
          .store(true)
          .chainResponses(true)
          .build()
          .model("gpt-5.4-pro");

  @AfterEach
  void stop() {
    server.close();
  }

  private AssistantMessage send(List<Message> messages) {
    return model.chat(ChatRequest.builder().messages(messages).build()).message();
  }

  private static final List<Message> START =
      List.of(new SystemMessage("Be brief."), UserMessage.of("Look it up."));

  private static List<Message> continued(AssistantMessage answer) {
    return List.of(
        START.get(0), START.get(1), answer, new ToolResultMessage("call_1", "lookup", "42", false));
  }

  @Test
  void continuesFromThePreviousStoredResponseWithOnlyTheNewItems() {
    server.enqueue(ScriptedResponse.json(200, FIRST));
    server.enqueue(ScriptedResponse.json(200, SECOND));

    AssistantMessage first = send(START);
    send(continued(first));

    JsonNode turn1 = server.takeRequest().bodyJson();
    assertThat(turn1.get("store").booleanValue()).isTrue();
    assertThat(turn1.has("previous_response_id")).isFalse();
    JsonNode turn2 = server.takeRequest().bodyJson();
    assertThat(turn2.get("previous_response_id").asText()).isEqualTo("resp_1");
    assertThat(turn2.get("instructions").asText()).isEqualTo("Be brief."); // Not carried over.
    assertThat(turn2.get("input"))
        .isEqualTo(
            Json.parse(
                "[{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"42\"}]"));
  }

  @Test
  void aConversationChangedBeforeItsLastAnswerIsSentInFull() {
    server.enqueue(ScriptedResponse.json(200, FIRST));
    server.enqueue(ScriptedResponse.json(200, SECOND));
    AssistantMessage first = send(START);

    send(
        List.of(
            START.get(0),
            UserMessage.of("Look it up, please."),
            first,
            new ToolResultMessage("call_1", "lookup", "42", false)));

    server.takeRequest();
    JsonNode turn2 = server.takeRequest().bodyJson();
    assertThat(turn2.has("previous_response_id")).isFalse();
    assertThat(turn2.get("input")).hasSize(4);
  }

  @Test
  void sendsTheWholeConversationWhenTheStoredResponseIsGone() {
    server.enqueue(ScriptedResponse.json(200, FIRST));
    server.enqueue(
        ScriptedResponse.json(
            400,
            "{\"error\":{\"message\":\"Previous response with id 'resp_1' not found.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"previous_response_id\","
                + "\"code\":\"previous_response_not_found\"}}"));
    server.enqueue(ScriptedResponse.json(200, SECOND));
    AssistantMessage first = send(START);

    assertThat(send(continued(first)).text()).isEqualTo("done");

    server.takeRequest();
    assertThat(server.takeRequest().bodyJson().has("previous_response_id")).isTrue();
    JsonNode retry = server.takeRequest().bodyJson();
    assertThat(retry.has("previous_response_id")).isFalse();
    assertThat(retry.get("input")).hasSize(4);
  }
}
