package dev.taskforce.examples.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.test.RecordedRequest;
import dev.taskforce.test.Reply;
import dev.taskforce.test.ScriptedTurn;
import java.util.function.Function;

/**
 * What the offline model says in the extraction example. For the second document it first makes two
 * mistakes (a currency name instead of its code, a negative quantity), so the repair loop shows.
 */
public final class ExtractionScript implements Function<RecordedRequest, Reply> {

  @Override
  public Reply apply(RecordedRequest request) {
    JsonNode messages = request.json().path("messages");
    String all = messages.toString();
    String last = messages.get(messages.size() - 1).path("content").toString();
    if (all.contains("NORDIC BEANS")) {
      return text(
          "{\"vendor\":\"Nordic Beans AS\",\"number\":\"NB-2026-118\",\"date\":\"2026-11-02\",\"currency\":\"NOK\","
              + "\"lines\":[{\"description\":\"Espresso roast 1 kg\",\"quantity\":12,\"unitPrice\":289.00},"
              + "{\"description\":\"Decaf 500 g\",\"quantity\":4,\"unitPrice\":159.00}],\"total\":4104.00}");
    }
    if (all.contains("Grindworks")) {
      if (last.contains("not a valid Invoice")) {
        return text(
            "{\"vendor\":\"Grindworks GmbH\",\"number\":\"GW-55102\",\"date\":\"2026-11-14\",\"currency\":\"EUR\","
                + "\"lines\":[{\"description\":\"Burr set 64 mm\",\"quantity\":3,\"unitPrice\":48.50}],\"total\":145.50}");
      }
      return text(
          "{\"vendor\":\"Grindworks GmbH\",\"number\":\"GW-55102\",\"date\":\"2026-11-14\",\"currency\":\"Euro\","
              + "\"lines\":[{\"description\":\"Burr set 64 mm\",\"quantity\":-3,\"unitPrice\":48.50}],\"total\":145.50}");
    }
    return text(
        "{\"vendor\":\"Kettle & Co Ltd\",\"number\":\"KC-9001\",\"date\":\"2026-11-21\",\"currency\":\"GBP\","
            + "\"lines\":[{\"description\":\"Gooseneck kettle\",\"quantity\":2,\"unitPrice\":74.99}],\"total\":149.98}");
  }

  private static Reply text(String json) {
    return ScriptedTurn.builder().text(json).build();
  }
}
