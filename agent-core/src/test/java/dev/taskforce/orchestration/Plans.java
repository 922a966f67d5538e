package dev.taskforce.orchestration;

import dev.taskforce.internal.Json;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.testing.ScriptedModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Planner answers for tests, written as the planner would write them. */
final class Plans {
  private Plans() {}

  static Map<String, Object> step(String id, String executor, String instructions, String... deps) {
    return Map.of(
        "id",
        id,
        "executor",
        executor,
        "instructions",
        instructions,
        "dependsOn",
        Arrays.asList(deps));
  }

  @SafeVarargs
  static ChatResponse plan(Map<String, Object>... steps) {
    return ScriptedModel.text(
        Json.write(Map.of("kind", "plan", "steps", List.of(steps), "answer", ""))
            .replace("\"answer\":\"\"", "\"answer\":null"));
  }

  static ChatResponse answer(Object answer) {
    return ScriptedModel.text(
        "{\"kind\":\"answer\",\"steps\":null,\"answer\":" + Json.write(answer) + "}");
  }
}
