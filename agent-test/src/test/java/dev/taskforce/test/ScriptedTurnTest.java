package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.FinishReason;
import org.junit.jupiter.api.Test;

class ScriptedTurnTest {

  @Test
  void toolCallIdsMustBeUniqueWithinATurn() {
    ScriptedTurn.Builder b =
        ScriptedTurn.builder()
            .toolCall(new ToolCall("call_1", "a", "{}"))
            .toolCall(new ToolCall("call_1", "b", "{}"));

    assertThatThrownBy(b::build).hasMessageContaining("call_1 is used twice");
  }

  @Test
  void errorFinishIsAFaultNotATurn() {
    assertThatThrownBy(() -> ScriptedTurn.builder().finishReason(FinishReason.ERROR))
        .hasMessageContaining("Fault.failedMidResponse");
  }

  @Test
  void generatedReasoningCannotBeMixedWithExplicitItems() {
    ScriptedTurn.Builder b =
        ScriptedTurn.builder()
            .openAiReasoning("x")
            .reasoningDetail(
                ReasoningDetail.fromJson("{\"type\":\"reasoning.text\",\"text\":\"y\"}"));

    assertThatThrownBy(b::build).hasMessageContaining("openAiReasoning");
  }

  @Test
  void toBuilderCopiesEverything() {
    ScriptedTurn turn =
        ScriptedTurn.builder()
            .text("t")
            .toolCall(new ToolCall("c", "n", "{}"))
            .openAiReasoning("r")
            .model("m")
            .provider("Azure")
            .nativeFinishReason("completed")
            .finishReason(FinishReason.LENGTH)
            .build();

    assertThat(turn.toBuilder().build()).isEqualTo(turn).hasSameHashCodeAs(turn);
    assertThat(turn.toBuilder().text("other").build()).isNotEqualTo(turn);
  }

  @Test
  void toStringNamesThePartsButNotTheText() {
    ScriptedTurn turn =
        ScriptedTurn.builder()
            .text("secret answer")
            .toolCall(new ToolCall("c1", "add", "{}"))
            .build();

    assertThat(turn.toString()).contains("toolCall(c1 add)").doesNotContain("secret");
  }
}
