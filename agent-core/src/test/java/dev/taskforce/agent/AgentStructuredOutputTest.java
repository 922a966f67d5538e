package dev.taskforce.agent;

import static dev.taskforce.testing.ScriptedModel.calls;
import static dev.taskforce.testing.ScriptedModel.text;
import static dev.taskforce.testing.TestTools.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.output.OutputValidationException;
import dev.taskforce.testing.ScriptedModel;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentStructuredOutputTest {

  record Triage(@NotBlank String category, @Min(1) int priority) {}

  private final ScriptedModel model = new ScriptedModel();

  @Test
  void returnsATypedAnswerAndSendsAStrictJsonSchema() {
    model.then(text("{\"category\":\"shipping\",\"priority\":2}"));

    AgentResult<Triage> r = Agent.builder().model(model).build().run("late order", Triage.class);

    assertThat(r.output()).isEqualTo(new Triage("shipping", 2));
    ResponseFormat format = model.requests().get(0).responseFormat();
    assertThat(format).isInstanceOf(ResponseFormat.JsonSchemaFormat.class);
    var schema = (ResponseFormat.JsonSchemaFormat) format;
    assertThat(schema.strict()).isTrue();
    assertThat(schema.name()).isEqualTo("Triage");
    assertThat(schema.schema().json()).contains("\"category\"").contains("\"priority\"");
  }

  @Test
  void repairsInvalidJsonThenAConstraintViolationThenAccepts() {
    model
        .then(text("{\"category\": \"shipping\", "))
        .then(text("{\"category\":\"shipping\",\"priority\":0}"))
        .then(text("{\"category\":\"shipping\",\"priority\":3}"));

    AgentResult<Triage> r = Agent.builder().model(model).build().run("late order", Triage.class);

    assertThat(r.output()).isEqualTo(new Triage("shipping", 3));
    assertThat(r.turns()).isEqualTo(3);
    UserMessage firstRepair = (UserMessage) last(model.requests().get(1).messages());
    assertThat(firstRepair.text()).contains("not valid JSON");
    UserMessage secondRepair = (UserMessage) last(model.requests().get(2).messages());
    assertThat(secondRepair.text())
        .contains("$.priority")
        .contains("must be greater than or equal to 1")
        .contains("was 0");
  }

  @Test
  void failsWithTheRawTextAndEveryProblemAfterTheAllowedRepairs() {
    model.always(r -> text("{\"category\":\"\",\"priority\":0}"));
    Agent agent = Agent.builder().model(model).outputRetries(1).build();

    AgentResult<Triage> r = agent.run("late order", Triage.class);

    assertThat(r.outcome()).isInstanceOf(RunOutcome.InvalidOutput.class);
    assertThat(r.turns()).isEqualTo(2);
    assertThatThrownBy(r::output)
        .isInstanceOfSatisfying(
            OutputValidationException.class,
            e -> {
              assertThat(e.raw()).isEqualTo("{\"category\":\"\",\"priority\":0}");
              assertThat(e.problems())
                  .extracting(p -> p.path())
                  .containsExactly("$.category", "$.priority");
            });
  }

  @Test
  void unknownFieldsAreProblemsTheModelIsToldAbout() {
    model
        .then(text("{\"category\":\"a\",\"priority\":1,\"mood\":\"sad\"}"))
        .then(text("{\"category\":\"a\",\"priority\":1}"));

    AgentResult<Triage> r = Agent.builder().model(model).build().run("x", Triage.class);

    assertThat(r.output()).isEqualTo(new Triage("a", 1));
    assertThat(((UserMessage) last(model.requests().get(1).messages())).text())
        .contains("unknown field \"mood\"");
  }

  @Test
  void runsToolTurnsFirstAndTheTypedAnswerLast() {
    model
        .then(calls(new ToolCall("c1", "lookup", "{}")))
        .then(text("{\"category\":\"billing\",\"priority\":1}"));

    AgentResult<Triage> r =
        Agent.builder().model(model).tools(List.of(echo("lookup"))).build().run("x", Triage.class);

    assertThat(r.output()).isEqualTo(new Triage("billing", 1));
    assertThat(r.toolCalls()).hasSize(1);
    assertThat(model.requests())
        .allSatisfy(
            req ->
                assertThat(req.responseFormat())
                    .isInstanceOf(ResponseFormat.JsonSchemaFormat.class));
  }

  @Test
  void fallsBackToJsonObjectWithTheSchemaInTheInstructionsWhenTheModelLacksJsonSchema() {
    ScriptedModel plain =
        new ScriptedModel(new ModelInfo("plain", 0, 0, Pricing.UNKNOWN, Set.of(), false));
    plain.then(text("```json\n{\"category\":\"a\",\"priority\":1}\n```"));

    AgentResult<Triage> r =
        Agent.builder().model(plain).instructions("Triage.").build().run("x", Triage.class);

    assertThat(r.output()).isEqualTo(new Triage("a", 1));
    assertThat(plain.requests().get(0).responseFormat()).isEqualTo(ResponseFormat.JSON_OBJECT);
    assertThat(plain.requests().get(0).messages())
        .filteredOn(m -> m instanceof SystemMessage)
        .extracting(m -> ((SystemMessage) m).text())
        .anySatisfy(t -> assertThat(t).contains("JSON schema").contains("\"priority\""));
  }

  private static Object last(List<?> list) {
    return list.get(list.size() - 1);
  }

  record Stock(java.util.Map<String, Integer> unitsBySku) {}

  @Test
  void readsAMapInTheEntryArrayShapeItsStrictSchemaAsksFor() {
    model.then(
        text("{\"unitsBySku\":[{\"key\":\"A-1\",\"value\":3},{\"key\":\"B-2\",\"value\":0}]}"));

    AgentResult<Stock> r = Agent.builder().model(model).build().run("stock", Stock.class);

    assertThat(r.outcome().isCompleted()).as(r.outcome().describe()).isTrue();
    assertThat(r.output().unitsBySku()).containsEntry("A-1", 3).containsEntry("B-2", 0);
  }
}
