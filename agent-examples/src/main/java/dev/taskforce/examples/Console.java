package dev.taskforce.examples;

import dev.taskforce.event.RunEvent;
import dev.taskforce.event.RunListener;
import dev.taskforce.model.Usage;
import dev.taskforce.orchestration.Plan;
import dev.taskforce.orchestration.Step;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Terminal output people enjoy watching: live progress of a run as its events arrive, and summary
 * tables at the end. Colours only when attached to a terminal.
 */
public final class Console implements RunListener {

  private final PrintStream out;
  private final boolean color;
  private final Map<String, String> stepModels = new ConcurrentHashMap<>();
  private final AtomicReference<Usage> total = new AtomicReference<>(Usage.ZERO);
  private final Map<String, Integer> callsByRole = new ConcurrentHashMap<>();

  /**
   * @param out where to print
   */
  public Console(PrintStream out) {
    this.out = out;
    this.color = System.console() != null && System.getenv("NO_COLOR") == null;
  }

  /**
   * A headline.
   *
   * @param text the title
   */
  public void title(String text) {
    out.println();
    out.println(bold(text));
    out.println("─".repeat(Math.min(78, text.length())));
  }

  /**
   * A plain line.
   *
   * @param text the line
   */
  public void line(String text) {
    out.println(text);
  }

  @Override
  public void onEvent(RunEvent event) {
    if (event instanceof RunEvent.PlanMade p) {
      printPlan(p.plan());
    } else if (event instanceof RunEvent.StepStarted s) {
      stepModels.put(s.stepId(), s.model());
      out.printf(
          "  %s %-4s %-9s %-22s %s%n",
          dim("▶"),
          s.stepId(),
          s.executor(),
          shortModel(s.model()),
          s.attempt() > 1 ? yellow("try " + s.attempt()) : dim("started"));
    } else if (event instanceof RunEvent.StepEscalated e) {
      out.printf(
          "  %s %-4s %s → %s  %s%n",
          yellow("↑"),
          e.stepId(),
          shortModel(e.fromModel()),
          shortModel(e.toModel()),
          dim(e.reason()));
    } else if (event instanceof RunEvent.StepFinished f) {
      String mark =
          switch (f.status()) {
            case SUCCEEDED -> green("✔");
            case FAILED -> red("✘");
            default -> yellow("•");
          };
      out.printf(
          "  %s %-4s %-9s %-22s %7s tok  %s%n",
          mark,
          f.stepId(),
          f.status().name().toLowerCase(java.util.Locale.ROOT),
          f.model() == null ? "" : shortModel(f.model()),
          f.usage().totalTokens(),
          money(f.usage().costUsd()));
    } else if (event instanceof RunEvent.ModelCalled m) {
      Usage t = total.accumulateAndGet(m.usage(), Usage::plus);
      if (m.stepId() == null) {
        // Counted per role, not m.turn(): each planner round is a new turn 1 of its own.
        int call = callsByRole.merge(m.role(), 1, Integer::sum);
        out.printf(
            "  %s %-9s %-22s call %d  %6s tok  %s   %s%n",
            dim("◆"),
            m.role(),
            shortModel(m.model()),
            call,
            m.usage().totalTokens(),
            money(m.usage().costUsd()),
            dim("so far " + money(t.costUsd())));
      }
    } else if (event instanceof RunEvent.ToolCallFinished t && t.stepId() == null) {
      out.printf(
          "      %s %s %s%n",
          t.isError() ? red("tool error") : dim("tool"),
          t.call().name(),
          dim(abbreviate(t.call().argumentsJson(), 60)));
    } else if (event instanceof RunEvent.BudgetWarning w) {
      out.printf(
          "  %s budget: %s at %d%%%n", yellow("!"), w.limit(), Math.round(w.fractionUsed() * 100));
    } else if (event instanceof RunEvent.LimitReached l) {
      out.printf("  %s limit reached: %s (%s)%n", red("■"), l.limit(), l.detail());
    }
  }

  private void printPlan(Plan plan) {
    out.println();
    out.println(
        bold("  Plan, round " + plan.round()) + dim("  (" + plan.steps().size() + " steps)"));
    for (Step s : plan.steps()) {
      String deps = s.dependsOn().isEmpty() ? "" : dim("  ← " + String.join(", ", s.dependsOn()));
      out.printf(
          "  %s %-4s %-9s %s%s%n",
          dim("·"), s.id(), s.executor(), abbreviate(s.instructions(), 52), deps);
    }
    out.println();
  }

  /**
   * A two-column table.
   *
   * @param rows label and value pairs, in order
   */
  public void table(List<String[]> rows) {
    int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    for (String[] r : rows) {
      out.printf("  %-" + w + "s  %s%n", r[0], r[1]);
    }
  }

  /**
   * A usage table: one row per key.
   *
   * @param heading what the keys are (role, model)
   * @param usage usage per key
   */
  public void usageTable(String heading, Map<String, Usage> usage) {
    int w =
        Math.max(
            heading.length(), usage.keySet().stream().mapToInt(String::length).max().orElse(0));
    out.printf(
        "  %-" + w + "s  %9s  %9s  %9s  %10s%n", heading, "input", "output", "reasoning", "cost");
    Usage sum = Usage.ZERO;
    for (Map.Entry<String, Usage> e : usage.entrySet()) {
      Usage u = e.getValue();
      sum = sum.plus(u);
      out.printf(
          "  %-" + w + "s  %9d  %9d  %9d  %10s%n",
          e.getKey(),
          u.inputTokens(),
          u.outputTokens(),
          u.reasoningTokens(),
          money(u.costUsd()));
    }
    out.printf(
        "  %-" + w + "s  %9d  %9d  %9d  %10s%n",
        bold("total"),
        sum.inputTokens(),
        sum.outputTokens(),
        sum.reasoningTokens(),
        money(sum.costUsd()));
  }

  /**
   * @param amount dollars
   * @return the amount with 4 decimals, e.g. {@code $0.0123}
   */
  public static String money(BigDecimal amount) {
    return "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * @param d a duration
   * @return e.g. {@code 1.42 s}
   */
  public static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }

  private static String shortModel(String id) {
    return id.startsWith("openai/") ? id.substring("openai/".length()) : id;
  }

  private static String abbreviate(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.length() > max ? one.substring(0, max - 1) + "…" : one;
  }

  private String bold(String s) {
    return color ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private String dim(String s) {
    return color ? "\u001b[2m" + s + "\u001b[0m" : s;
  }

  private String green(String s) {
    return color ? "\u001b[32m" + s + "\u001b[0m" : s;
  }

  private String yellow(String s) {
    return color ? "\u001b[33m" + s + "\u001b[0m" : s;
  }

  private String red(String s) {
    return color ? "\u001b[31m" + s + "\u001b[0m" : s;
  }
}
