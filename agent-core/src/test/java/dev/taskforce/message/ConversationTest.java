package dev.taskforce.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

  static final String SUMMARY =
      "{\"type\":\"reasoning.summary\",\"summary\":\"**Calculating**\",\"format\":\"openai-responses-v1\",\"index\":0}";
  static final String ENCRYPTED =
      "{\"type\":\"reasoning.encrypted\",\"data\":\"gAAAAABpssag==\",\"id\":\"rs_06113a\",\"format\":\"openai-responses-v1\",\"index\":1,\"unknown\":{\"nested\":[1,2.50,true,null]}}";

  private static Conversation everyKindOfMessage() {
    return new Conversation(
        List.of(
            new SystemMessage("You are terse."),
            new UserMessage(
                List.of(
                    new TextPart("What is in this picture?"),
                    new ImagePart("https://example.com/a.png", "high"),
                    ImagePart.fromBytes("image/png", new byte[] {1, 2, 3}))),
            new AssistantMessage(
                null,
                List.of(
                    new ToolCall("call_1", "add", "{\"a\":2,\"b\":3}"),
                    new ToolCall("call_2", "mul", "{bad json")),
                null,
                new Reasoning(
                    "**Calculating**",
                    List.of(
                        ReasoningDetail.fromJson(SUMMARY), ReasoningDetail.fromJson(ENCRYPTED)))),
            new ToolResultMessage("call_1", "add", "5", false),
            new ToolResultMessage("call_2", "mul", "arguments are not valid JSON", true),
            new AssistantMessage(null, List.of(), "I can't help with that.", Reasoning.NONE),
            AssistantMessage.of("Sum: 5")));
  }

  @Test
  void savesAndRestoresEveryKindOfMessageWithNothingLost() {
    Conversation original = everyKindOfMessage();

    Conversation restored = Conversation.fromJson(original.toJson());

    assertThat(restored).isEqualTo(original);
    assertThat(restored.toJson()).isEqualTo(original.toJson());
  }

  @Test
  void keepsReasoningDetailsJsonEqualIncludingUnknownFields() {
    Conversation restored = Conversation.fromJson(everyKindOfMessage().toJson());

    AssistantMessage a = (AssistantMessage) restored.messages().get(2);
    assertThat(Json.parse(a.reasoning().details().get(1).json())).isEqualTo(Json.parse(ENCRYPTED));
    assertThat(a.reasoning().details().get(1).json())
        .contains("\"unknown\":{\"nested\":[1,2.50,true,null]}");
  }

  @Test
  void readingSomethingElseFailsNamingTheOffendingMessage() {
    assertThatThrownBy(
            () ->
                Conversation.fromJson(
                    "{\"version\":1,\"messages\":[{\"role\":\"system\",\"text\":\"a\"},{\"role\":\"robot\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message 1")
        .hasMessageContaining("robot");
    assertThatThrownBy(() -> Conversation.fromJson("[]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Conversation.fromJson("{\"version\":2,\"messages\":[]}"))
        .hasMessageContaining("version 2");
  }

  @Test
  void plusReturnsANewConversationAndLeavesTheOldOneAlone() {
    Conversation one = new Conversation(List.of(UserMessage.of("a")));
    Conversation two = one.plus(AssistantMessage.of("b"));
    assertThat(one.messages()).hasSize(1);
    assertThat(two.messages()).hasSize(2);
  }
}
