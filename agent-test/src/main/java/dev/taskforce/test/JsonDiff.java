package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The differences between two JSON trees, as lines that name the field by its path ({@code
 * messages[1] (user).parts[0].text}) and show the expected and actual values, long texts cut to the
 * part around the first difference.
 */
final class JsonDiff {

  /** How much of a text to show before the first differing character. */
  private static final int BEFORE = 30;

  /** How much of a text to show from the first differing character on. */
  private static final int AFTER = 50;

  private final List<String> lines = new ArrayList<>();

  private JsonDiff() {}

  /** The differences, in document order; empty when the trees are equal. */
  static List<String> of(JsonNode expected, JsonNode actual) {
    JsonDiff d = new JsonDiff();
    d.compare("", expected, actual);
    return d.lines;
  }

  private void compare(String path, JsonNode expected, JsonNode actual) {
    if (expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String p = path.isEmpty() ? name : path + "." + name;
        JsonNode e = expected.get(name);
        JsonNode a = actual.get(name);
        if (a == null) {
          lines.add(p + ": expected " + show(e) + " but it is absent");
        } else if (e == null) {
          lines.add(p + ": not in the recording, but is " + show(a));
        } else {
          compare(p, e, a);
        }
      }
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        lines.add(
            (path.isEmpty() ? "the request" : path)
                + ": expected "
                + expected.size()
                + " items but there are "
                + actual.size());
      }
      int common = Math.min(expected.size(), actual.size());
      for (int i = 0; i < common; i++) {
        compare(element(path, i, expected.get(i)), expected.get(i), actual.get(i));
      }
      for (int i = common; i < expected.size(); i++) {
        lines.add(
            element(path, i, expected.get(i)) + ": missing, expected " + show(expected.get(i)));
      }
      for (int i = common; i < actual.size(); i++) {
        lines.add(element(path, i, actual.get(i)) + ": extra, " + show(actual.get(i)));
      }
    } else if (expected.isTextual() && actual.isTextual()) {
      lines.add(path + ": " + texts(expected.textValue(), actual.textValue()));
    } else {
      lines.add(path + ": expected " + show(expected) + " but was " + show(actual));
    }
  }

  /** {@code messages[1] (user)}: an element, with its role when it is a message. */
  private static String element(String path, int index, JsonNode node) {
    String role = node.path("role").isTextual() ? " (" + node.get("role").textValue() + ")" : "";
    return path + "[" + index + "]" + role;
  }

  private static String show(JsonNode node) {
    String s = node.isTextual() ? Texts.quote(node.textValue()) : node.toString();
    return node.isTextual() || s.length() <= Texts.SHOWN ? s : s.substring(0, Texts.SHOWN) + "…";
  }

  /** Two texts, cut to the same window around their first difference. */
  static String texts(String expected, String actual) {
    int at = 0;
    int max = Math.min(expected.length(), actual.length());
    while (at < max && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    if (expected.length() <= Texts.SHOWN && actual.length() <= Texts.SHOWN) {
      return "expected " + Texts.quote(expected) + " but was " + Texts.quote(actual);
    }
    return "expected "
        + window(expected, at)
        + " but was "
        + window(actual, at)
        + " (they differ at character "
        + at
        + ")";
  }

  private static String window(String s, int at) {
    int from = Math.max(0, at - BEFORE);
    int to = Math.min(s.length(), at + AFTER);
    String body = s.substring(from, to).replace("\\", "\\\\").replace("\"", "\\\"");
    return (from > 0 ? "…" : "")
        + "\""
        + body.replace("\n", "\\n")
        + "\""
        + (to < s.length() ? "…" : "");
  }

  /** How many lines to show before saying how many more there are. */
  static final int MAX_LINES = 8;

  /** The lines, at most {@link #MAX_LINES}, indented, with a count of the rest. */
  static String render(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    Iterator<String> it = lines.iterator();
    for (int i = 0; i < MAX_LINES && it.hasNext(); i++) {
      sb.append("\n  ").append(it.next());
    }
    if (lines.size() > MAX_LINES) {
      sb.append("\n  … and ").append(lines.size() - MAX_LINES).append(" more differences");
    }
    return sb.toString();
  }
}
