package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.agent.Agent;
import dev.taskforce.test.ScriptedModel;
import dev.taskforce.test.ScriptedTurn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snippet of docs/structured-output.md, with a scripted model that needs one repair. */
class StructuredOutputDocTest {

  // snippet:triage
  record Triage(@NotBlank String category, @Min(1) @Max(4) int priority, Optional<String> orderId) {}
  // end:triage

  static Triage triage(Agent agent) {
    // snippet:run
    Triage t = agent.run("Customer says order A-1042 never arrived", Triage.class).output();
    // end:run
    return t;
  }

  @Test
  void anInvalidAnswerIsRepairedIntoAValidTriage() {
    ScriptedModel model = ScriptedModel.builder().build();
    model.enqueue(
        ScriptedTurn.ofText("{\"category\":\"\",\"priority\":7,\"orderId\":null}"),
        ScriptedTurn.ofText("{\"category\":\"delivery\",\"priority\":2,\"orderId\":\"A-1042\"}"));

    Triage t = triage(Agent.builder().model(model).build());

    assertThat(t).isEqualTo(new Triage("delivery", 2, Optional.of("A-1042")));
    assertThat(model.requests().get(1).messages().toString())
        .contains("$.priority: must be less than or equal to 4");
  }
}
