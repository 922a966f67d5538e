package dev.taskforce.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReasoningDetailTest {

  @Test
  void keepsTheItemVerbatimInCompactFormWithFieldOrderUnchanged() {
    ReasoningDetail d =
        ReasoningDetail.fromJson(
            "{ \"type\" : \"reasoning.text\", \"text\": \"hmm\", \"signature\": \"EqcD\", \"format\": \"anthropic-claude-v1\", \"index\": 0 }");
    assertThat(d.json())
        .isEqualTo(
            "{\"type\":\"reasoning.text\",\"text\":\"hmm\",\"signature\":\"EqcD\",\"format\":\"anthropic-claude-v1\",\"index\":0}");
    assertThat(d.type()).isEqualTo("reasoning.text");
    assertThat(d.index()).isZero();
  }

  @Test
  void keepsStringsEscapesAndNumbersExactlyAsWrittenAndOnlyDropsWhitespaceBetweenTokens() {
    String sent =
        "{\n  \"type\": \"reasoning.summary\",\n  \"summary\": \"a  b\\t\\u00e9\\/ \\\" c\",\n"
            + "  \"x\": [1, 2.50, 1e3, true, null],\n  \"index\": 3\n}";
    ReasoningDetail d = ReasoningDetail.fromJson(sent);
    assertThat(d.json())
        .isEqualTo(
            "{\"type\":\"reasoning.summary\",\"summary\":\"a  b\\t\\u00e9\\/ \\\" c\","
                + "\"x\":[1,2.50,1e3,true,null],\"index\":3}");
    assertThat(d.index()).isEqualTo(3);
    assertThat(d.view()).isEqualTo(new ReasoningView.Summary("a  b\té/ \" c"));
    assertThat(d).isEqualTo(ReasoningDetail.fromJson(d.json()));
  }

  @Test
  void givesTypedViewsOfTheKnownItemTypes() {
    assertThat(
            ReasoningDetail.fromJson("{\"type\":\"reasoning.summary\",\"summary\":\"plan\"}")
                .view())
        .isEqualTo(new ReasoningView.Summary("plan"));
    assertThat(
            ReasoningDetail.fromJson(
                    "{\"type\":\"reasoning.encrypted\",\"data\":\"gA\",\"id\":\"rs_1\"}")
                .view())
        .isEqualTo(new ReasoningView.Encrypted("rs_1", "gA"));
    assertThat(
            ReasoningDetail.fromJson("{\"type\":\"reasoning.text\",\"signature\":\"sig\"}").view())
        .isEqualTo(new ReasoningView.Text(null, "sig"));
    assertThat(
            ReasoningDetail.fromJson(
                    "{\"type\":\"reasoning.server_tool_call\",\"tool_name\":\"x\"}")
                .view())
        .isEqualTo(new ReasoningView.Other("reasoning.server_tool_call"));
  }

  @Test
  void rejectsAnythingButAnObjectWithAType() {
    assertThatThrownBy(() -> ReasoningDetail.fromJson("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReasoningDetail.fromJson("{\"data\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> ReasoningDetail.fromJson("{not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReasoningDetail.fromJson("{\"type\":\"reasoning.text\"} {}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReasoningDetail.fromJson("{\"type\":\"reasoning.text\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsNoContent() {
    ReasoningDetail d =
        ReasoningDetail.fromJson("{\"type\":\"reasoning.encrypted\",\"data\":\"SECRET-BLOB\"}");
    assertThat(d.toString()).doesNotContain("SECRET-BLOB").contains("reasoning.encrypted");
  }

  @Test
  void messagesCopyTheirListsAndCheckTheirArguments() {
    List<ContentPart> parts = new java.util.ArrayList<>(List.of(new TextPart("a")));
    UserMessage u = new UserMessage(parts);
    parts.add(new TextPart("b"));
    assertThat(u.parts()).hasSize(1);
    assertThatThrownBy(() -> new UserMessage(List.of())).hasMessageContaining("parts is empty");
    assertThatThrownBy(() -> new ImagePart("file:///etc/passwd", null))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> new ToolCall(null, "a", "{}")).hasMessage("id == null");
    assertThat(ImagePart.fromBytes("image/png", new byte[] {1}).url())
        .isEqualTo("data:image/png;base64,AQ==");
  }
}
