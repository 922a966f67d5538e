package dev.taskforce.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The launcher's result table, in Markdown so that it reads in a terminal and pastes into docs. */
final class Table {

  /** A figure as measured on one JDK by one benchmark. */
  record Row(String benchmark, String jdk, Figure figure) {}

  private static final String[] HEADER = {
    "Benchmark",
    "JDK",
    "Figure",
    "Taskforce",
    "LangChain4j",
    "vs peer",
    "Floor",
    "vs floor",
    "Target",
    "Verdict"
  };

  private Table() {}

  static String render(List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (Row row : rows) {
      Figure f = row.figure();
      cells.add(
          new String[] {
            row.benchmark(),
            row.jdk(),
            f.metric(),
            amount(f.value(), f.unit()),
            amount(f.peer(), f.unit()),
            ratio(f.peerRatio()),
            amount(f.floor(), f.unit()),
            ratio(f.floorRatio()),
            f.target(),
            f.verdict() == Verdict.NONE ? "" : f.verdict().name()
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, cells.get(0), widths);
    String[] rule = new String[HEADER.length];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    line(out, rule, widths);
    for (String[] line : cells.subList(1, cells.size())) {
      line(out, line, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.length; i++) {
      out.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
      out.append(" |");
    }
    out.append('\n');
  }

  /** Three significant figures at most, never scientific notation. */
  static String amount(double value, String unit) {
    if (Double.isNaN(value)) {
      return "";
    }
    String number;
    double magnitude = Math.abs(value);
    if (magnitude >= 100 || value == Math.rint(value)) {
      number = String.format(Locale.ROOT, "%,.0f", value);
    } else if (magnitude >= 10) {
      number = String.format(Locale.ROOT, "%.1f", value);
    } else if (magnitude >= 1) {
      number = String.format(Locale.ROOT, "%.2f", value);
    } else {
      number = String.format(Locale.ROOT, "%.3f", value);
    }
    return unit.isEmpty() ? number : number + " " + unit;
  }

  static String ratio(double ratio) {
    return Double.isNaN(ratio) || Double.isInfinite(ratio)
        ? ""
        : String.format(Locale.ROOT, "%.2fx", ratio);
  }
}
