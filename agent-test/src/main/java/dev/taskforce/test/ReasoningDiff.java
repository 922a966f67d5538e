package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/** Says, in one sentence, how reasoning sent back differs from the reasoning issued. */
final class ReasoningDiff {

  private ReasoningDiff() {}

  static String describe(JsonNode issued, JsonNode sent) {
    if (!sent.isArray()) {
      return "reasoning_details must be an array, was " + sent.getNodeType();
    }
    if (sent.size() != issued.size()) {
      for (int i = 0; i < issued.size(); i++) {
        if (i >= sent.size() || !issued.get(i).equals(sent.get(i))) {
          return "reasoning_details has "
              + sent.size()
              + " items but "
              + issued.size()
              + " were issued; the first difference is at item "
              + i
              + " (issued "
              + type(issued.get(i))
              + ")";
        }
      }
      return "reasoning_details has "
          + sent.size()
          + " items but "
          + issued.size()
          + " were issued";
    }
    for (int i = 0; i < issued.size(); i++) {
      JsonNode want = issued.get(i);
      JsonNode got = sent.get(i);
      if (want.equals(got)) {
        continue;
      }
      for (int j = 0; j < issued.size(); j++) {
        if (j != i && issued.get(j).equals(got)) {
          return "reasoning_details items are reordered: item "
              + i
              + " is the issued item "
              + j
              + " ("
              + type(got)
              + ")";
        }
      }
      return "reasoning_details item " + i + " (" + type(want) + ") " + fieldDiff(want, got);
    }
    return "reasoning_details differ";
  }

  /** How one item differs from the one issued, for example {@code field "data" was altered}. */
  static String fieldDiff(JsonNode want, JsonNode got) {
    if (!got.isObject()) {
      return "is not a JSON object";
    }
    for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!got.has(f)) {
        return "lacks the field \"" + f + "\"";
      }
      JsonNode a = want.get(f);
      JsonNode b = got.get(f);
      if (!a.equals(b)) {
        if (a.isTextual() && b.isTextual()) {
          return "field \"" + f + "\" was altered at character " + firstDifference(a, b);
        }
        return "field \"" + f + "\" was altered";
      }
    }
    for (Iterator<String> it = got.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!want.has(f)) {
        return "has the field \"" + f + "\", which was not issued";
      }
    }
    return "differs";
  }

  private static int firstDifference(JsonNode a, JsonNode b) {
    String x = a.textValue();
    String y = b.textValue();
    int n = Math.min(x.length(), y.length());
    for (int i = 0; i < n; i++) {
      if (x.charAt(i) != y.charAt(i)) {
        return i;
      }
    }
    return n;
  }

  private static String type(JsonNode item) {
    return item.path("type").asText("no type");
  }
}
