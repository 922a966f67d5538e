package dev.taskforce.responses;

import static dev.taskforce.responses.Items.call;
import static dev.taskforce.responses.Items.message;
import static dev.taskforce.responses.Items.output;
import static dev.taskforce.responses.Items.reasoning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A three-turn tool loop against a server that enforces OpenAI's reasoning pairing rules. */
class ToolLoopTest {

  static final String RS_A = reasoning("rs_A", "Two cities", "gAAAA-A");
  static final String FC_1 = call("fc_1", "call_1", "weather", "{\"city\":\"Oslo\"}");
  static final String RS_B = reasoning("rs_B", "Now Bergen", "gAAAA-B");
  static final String FC_2 = call("fc_2", "call_2", "weather", "{\"city\":\"Bergen\"}");
  static final String RS_C = reasoning("rs_C", "", "gAAAA-C");
  static final String MSG_1 = message("msg_1", "commentary", "Both cold. Checking wind.");
  static final String FC_3 = call("fc_3", "call_3", "wind", "{}");
  static final String RS_D = reasoning("rs_D", "Wrap up", "gAAAA-D");
  static final String MSG_2 = message("msg_2", "final_answer", "Cold and windy.");

  private final FakeResponses server =
      FakeResponses.start(
          body -> {
            long results = count(body.get("input"), "function_call_output");
            if (results == 0) {
              return output(RS_A, FC_1, RS_B, FC_2);
            }
            if (results == 2) {
              return output(RS_C, MSG_1, FC_3);
            }
            return output(RS_D, MSG_2);
          });

  private final ChatModel model = TestClients.openAi(server.baseUrl()).build().model("gpt-5.4-pro");

  @AfterEach
  void stop() {
    server.close();
  }

  private static long count(JsonNode input, String type) {
    long n = 0;
    for (JsonNode item : input) {
      n += item.path("type").asText().equals(type) ? 1 : 0;
    }
    return n;
  }

  private ChatResponse send(List<Message> messages) {
    return model.chat(ChatRequest.builder().messages(messages).build());
  }

  private static List<Message> plus(List<Message> messages, Message... more) {
    List<Message> all = new ArrayList<>(messages);
    all.addAll(List.of(more));
    return all;
  }

  private static ToolResultMessage result(String callId, String content) {
    return new ToolResultMessage(callId, "weather", content, false);
  }

  @Test
  void sendsEachFunctionCallAfterItsReasoningItemAcrossThreeTurns() {
    List<Message> c =
        List.of(new SystemMessage("Use tools."), UserMessage.of("Weather in Oslo and Bergen?"));

    ChatResponse turn1 = send(c);
    assertThat(turn1.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(turn1.message().toolCalls())
        .extracting(ToolCall::id)
        .containsExactly("call_1", "call_2");
    c =
        plus(
            c, turn1.message(), result("call_1", "{\"temp\":3}"), result("call_2", "{\"temp\":7}"));

    ChatResponse turn2 = send(c);
    assertThat(turn2.message().text()).isEqualTo("Both cold. Checking wind.");
    c = plus(c, turn2.message(), result("call_3", "{\"wind\":12}"));

    ChatResponse turn3 = send(c);
    assertThat(turn3.message().text()).isEqualTo("Cold and windy.");
    assertThat(turn3.finishReason()).isEqualTo(FinishReason.STOP);

    JsonNode lastInput = server.requests().get(2).get("input");
    assertThat(lastInput)
        .isEqualTo(
            Json.parse(
                "[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                    + "\"text\":\"Weather in Oslo and Bergen?\"}]},"
                    + String.join(",", RS_A, FC_1, RS_B, FC_2)
                    + ",{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"temp\\\":3}\"}"
                    + ",{\"type\":\"function_call_output\",\"call_id\":\"call_2\",\"output\":\"{\\\"temp\\\":7}\"},"
                    + String.join(",", RS_C, MSG_1, FC_3)
                    + ",{\"type\":\"function_call_output\",\"call_id\":\"call_3\",\"output\":\"{\\\"wind\\\":12}\"}]"));
    assertThat(server.requests().get(2).get("instructions").asText()).isEqualTo("Use tools.");
    // The commentary message keeps its phase on the way back.
    assertThat(lastInput.get(8).get("phase").asText()).isEqualTo("commentary");
  }

  @Test
  void theServerRejectsReasoningWhoseEncryptedContentChanged() {
    List<Message> c = List.of(UserMessage.of("Weather in Oslo and Bergen?"));
    AssistantMessage turn1 = send(c).message();
    List<ReasoningDetail> tampered = new ArrayList<>(turn1.reasoning().details());
    tampered.set(0, ReasoningDetail.fromJson(RS_A.replace("gAAAA-A", "gAAAA-X")));
    AssistantMessage changed =
        new AssistantMessage(
            turn1.text(),
            turn1.toolCalls(),
            turn1.refusal(),
            new Reasoning(turn1.reasoning().text(), tampered));

    assertThatThrownBy(() -> send(plus(c, changed, result("call_1", "3"), result("call_2", "7"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("could not be verified");
  }

  @Test
  void theServerRejectsAFunctionCallWithoutItsReasoningItem() {
    List<Message> c = List.of(UserMessage.of("Weather in Oslo and Bergen?"));
    AssistantMessage turn1 = send(c).message();
    List<ReasoningDetail> calls = new ArrayList<>();
    for (ReasoningDetail d : turn1.reasoning().details()) {
      if (!d.type().equals("reasoning")) {
        calls.add(d);
      }
    }
    AssistantMessage dropped =
        new AssistantMessage(null, turn1.toolCalls(), null, new Reasoning(null, calls));

    assertThatThrownBy(() -> send(plus(c, dropped, result("call_1", "3"), result("call_2", "7"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("without its required 'reasoning' item: 'rs_A'");
  }

  @Test
  void reasoningFirstOrderingIsWhatTheServerRejectsWhichIsWhyTheOrderIsKept() {
    // A message whose tool calls were changed no longer agrees with its items: it is rebuilt
    // reasoning first ([rs_A, rs_B, fc, fc]), which OpenAI refuses for interleaved output.
    List<Message> c = List.of(UserMessage.of("Weather in Oslo and Bergen?"));
    AssistantMessage turn1 = send(c).message();
    AssistantMessage edited =
        new AssistantMessage(
            null,
            List.of(turn1.toolCalls().get(1), turn1.toolCalls().get(0)),
            null,
            turn1.reasoning());

    assertThatThrownBy(() -> send(plus(c, edited, result("call_1", "3"), result("call_2", "7"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(
            "'rs_A' of type 'reasoning' was provided without its required following item");
    JsonNode input = server.requests().get(1).get("input");
    assertThat(input.get(1).get("id").asText()).isEqualTo("rs_A");
    assertThat(input.get(2).get("id").asText()).isEqualTo("rs_B");
    assertThat(input.get(3).get("call_id").asText()).isEqualTo("call_2");
  }
}
