package dev.taskforce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void rowsShowTheFigureThePeerTheFloorAndBothRatios() {
    Figure cpu = new Figure("CPU per turn", 230, "µs", 460, 200, "≤ 0.5x peer", Verdict.PASS);

    String table = Table.render(List.of(new Table.Row("per-turn", "17", cpu)));

    assertThat(table.lines()).hasSize(3);
    assertThat(cells(table.lines().toList().get(2)))
        .containsExactly(
            "per-turn",
            "17",
            "CPU per turn",
            "230 µs",
            "460 µs",
            "0.50x",
            "200 µs",
            "1.15x",
            "≤ 0.5x peer",
            "PASS");
  }

  @Test
  void aFigureWithoutPeerOrFloorLeavesThoseCellsEmpty() {
    String table =
        Table.render(List.of(new Table.Row("scale", "25", Figure.info("peak heap", 412.5, "MB"))));

    assertThat(cells(table.lines().toList().get(2)))
        .containsExactly("scale", "25", "peak heap", "413 MB", "", "", "", "", "", "");
  }

  @Test
  void everyLineHasTheSameWidthSoTheTableReadsInATerminal() {
    String table =
        Table.render(
            List.of(
                new Table.Row("a", "17", Figure.info("short", 1, "")),
                new Table.Row(
                    "a-much-longer-name",
                    "25",
                    Figure.info("a much longer metric", 12345.678, "ops/s"))));

    assertThat(table.lines().mapToInt(String::length).distinct()).hasSize(1);
  }

  private static List<String> cells(String line) {
    return Stream.of(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList();
  }

  @Test
  void amountsKeepAboutThreeSignificantFigures() {
    assertThat(Table.amount(0.01234, "s")).isEqualTo("0.012 s");
    assertThat(Table.amount(1.2345, "")).isEqualTo("1.23");
    assertThat(Table.amount(12.345, "MB/s")).isEqualTo("12.3 MB/s");
    assertThat(Table.amount(12345.6, "µs")).isEqualTo("12,346 µs");
    assertThat(Table.amount(Double.NaN, "µs")).isEmpty();
  }
}
