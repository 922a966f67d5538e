package dev.taskforce.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.orchestration.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanShapeTest {

  @Test
  void theBenchmarkPlanHasSixteenStepsEightWideAndThreeDeep() {
    PlanShape plan = PlanShape.benchmark();

    assertThat(plan.steps()).hasSize(16);
    assertThat(plan.width()).isEqualTo(8);
    assertThat(plan.depth()).isEqualTo(3);
    assertThat(plan.levels().values()).containsOnly(1, 2, 3);
  }

  @Test
  void eachLayerDependsOnAdjacentStepsOfTheLayerBeforeWithoutGaps() {
    PlanShape plan = PlanShape.benchmark();

    assertThat(plan.steps().subList(0, 8)).allSatisfy(s -> assertThat(s.dependsOn()).isEmpty());
    assertThat(plan.steps().get(8).dependsOn()).containsExactly("s1", "s2");
    assertThat(plan.steps().get(13).dependsOn()).containsExactly("s7", "s8");
    assertThat(plan.steps().get(14).dependsOn()).containsExactly("s9", "s10", "s11");
    assertThat(plan.steps().get(15).dependsOn()).containsExactly("s12", "s13", "s14");
    List<String> depended =
        plan.steps().stream().flatMap(s -> s.dependsOn().stream()).distinct().toList();
    assertThat(depended).hasSize(14); // every step but the two of the last layer
  }

  @Test
  void theCriticalPathIsTheHeaviestChainOfStepTimes() {
    PlanShape plan = PlanShape.benchmark();
    Map<String, Long> nanos = new HashMap<>();
    plan.steps().forEach(s -> nanos.put(s.id(), 100L));
    nanos.put("s8", 500L); // s8 -> s14 -> s16
    nanos.put("s10", 300L); // s2 -> s10 -> s15 is lighter

    assertThat(plan.criticalPathNanos(nanos)).isEqualTo(700L);
  }

  @Test
  void equalStepTimesGiveDepthTimesTheStepTime() {
    PlanShape plan = PlanShape.benchmark();
    Map<String, Long> nanos = new HashMap<>();
    plan.steps().forEach(s -> nanos.put(s.id(), 200L));

    assertThat(plan.criticalPathNanos(nanos)).isEqualTo(600L);
  }

  @Test
  void aStepWithoutATimeIsAnError() {
    assertThatThrownBy(() -> PlanShape.benchmark().criticalPathNanos(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s1");
  }

  @Test
  void thePlannerJsonListsEveryStepWithItsDependencies() {
    PlanShape plan = PlanShape.layered(2, 1);

    assertThat(plan.plannerJson())
        .startsWith("{\"kind\":\"plan\",\"steps\":[")
        .contains("\"id\":\"s3\",\"executor\":\"worker\"")
        .contains("\"dependsOn\":[\"s1\",\"s2\"]")
        .endsWith("],\"answer\":null}");
    assertThat(plan.steps()).extracting(Step::id).containsExactly("s1", "s2", "s3");
  }
}
