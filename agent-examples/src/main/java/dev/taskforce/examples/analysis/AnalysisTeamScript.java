package dev.taskforce.examples.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.message.ToolCall;
import dev.taskforce.test.RecordedRequest;
import dev.taskforce.test.Reply;
import dev.taskforce.test.ScriptedTurn;
import java.util.function.Function;

/**
 * What the offline models say in the analysis team example. Steps run in parallel, so answers are
 * chosen by what each request contains (model, step, last message), not by arrival order.
 */
public final class AnalysisTeamScript implements Function<RecordedRequest, Reply> {

  @Override
  public Reply apply(RecordedRequest request) {
    JsonNode body = request.json();
    String model = body.path("model").asText();
    JsonNode messages = body.path("messages");
    JsonNode last = messages.get(messages.size() - 1);
    String lastText = text(last);
    if (model.endsWith("gpt-5.4-pro")) {
      return planner(lastText);
    }
    if (last.path("role").asText().equals("tool")) {
      return ScriptedTurn.builder().text(summarise(last.path("content").asText())).build();
    }
    if (lastText.contains("Your step (s1)")) {
      return call("refundsByDay", "{\"from\":\"2026-11-16\",\"to\":\"2026-11-29\"}");
    }
    if (lastText.contains("Your step (s2)")) {
      return call(
          "refundTotals", "{\"from\":\"2026-11-23\",\"to\":\"2026-11-29\",\"groupBy\":\"REASON\"}");
    }
    if (lastText.contains("Your step (s3)")) {
      return call(
          "refundTotals",
          "{\"from\":\"2026-11-23\",\"to\":\"2026-11-29\",\"groupBy\":\"WAREHOUSE\"}");
    }
    // s4, the analyst: join the three results.
    return ScriptedTurn.builder()
        .openAiReasoning(
            "Week 2 adds ~10 refunds a day, all 'arrived damaged' grinders from Bergen.")
        .text(
            "Refunds rose from about 7 a day in week 1 to about 18 a day in week 2 while orders"
                + " stayed flat. The whole rise is one group: 'arrived damaged' Grinder refunds"
                + " shipped from the Bergen warehouse (84 of them, EUR 10,836), which did not exist"
                + " in week 1. Other reasons stayed at their usual level.")
        .build();
  }

  private static Reply planner(String lastText) {
    if (lastText.startsWith("Goal:")) {
      return ScriptedTurn.builder()
          .openAiReasoning(
              "Split the data pulls so they run in parallel, then have the analyst join them.")
          .text(
              "{\"kind\":\"plan\",\"answer\":null,\"steps\":["
                  + "{\"id\":\"s1\",\"executor\":\"data\",\"instructions\":\"Get refunds and orders per day from 2026-11-16 to 2026-11-29.\",\"dependsOn\":[]},"
                  + "{\"id\":\"s2\",\"executor\":\"data\",\"instructions\":\"Get refund totals by reason for the week 2026-11-23 to 2026-11-29.\",\"dependsOn\":[]},"
                  + "{\"id\":\"s3\",\"executor\":\"data\",\"instructions\":\"Get refund totals by warehouse for the week 2026-11-23 to 2026-11-29.\",\"dependsOn\":[]},"
                  + "{\"id\":\"s4\",\"executor\":\"analyst\",\"instructions\":\"Compare the two weeks and explain what drives the rise in refunds.\",\"dependsOn\":[\"s1\",\"s2\",\"s3\"]}]}")
          .build();
    }
    return ScriptedTurn.builder()
        .openAiReasoning("The analyst's explanation matches the raw totals; answer.")
        .text(
            "{\"kind\":\"answer\",\"steps\":null,\"answer\":{"
                + "\"headline\":\"Refunds spiked because grinders shipped from Bergen arrive damaged.\","
                + "\"findings\":[{\"cause\":\"Damaged grinders from the Bergen warehouse\","
                + "\"evidence\":\"84 'arrived damaged' Grinder refunds in week 2, none in week 1; orders flat\","
                + "\"extraRefunds\":84},"
                + "{\"cause\":\"Usual refunds unchanged\",\"evidence\":\"late delivery and changed mind stay at ~7 a day\",\"extraRefunds\":0}],"
                + "\"recommendations\":[\"Stop shipping grinders from Bergen until packaging is checked\","
                + "\"Contact the 84 affected customers with a replacement offer\"]}}")
        .build();
  }

  private static Reply call(String tool, String args) {
    return ScriptedTurn.builder()
        .toolCall(new ToolCall("call_" + tool + "_" + Math.abs(args.hashCode()), tool, args))
        .build();
  }

  private static String summarise(String toolResult) {
    String s = toolResult.length() > 300 ? toolResult.substring(0, 300) + "…" : toolResult;
    return "Data pulled: " + s;
  }

  private static String text(JsonNode message) {
    JsonNode c = message.path("content");
    if (c.isTextual()) {
      return c.asText();
    }
    StringBuilder sb = new StringBuilder();
    c.forEach(p -> sb.append(p.path("text").asText()));
    return sb.toString();
  }
}
