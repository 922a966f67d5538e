package dev.taskforce.orchestration;

import java.util.Map;

/** Renders plans as Mermaid flowcharts. */
final class PlanDiagram {

  private PlanDiagram() {}

  static String mermaid(Plan plan, Map<String, StepStatus> statuses) {
    StringBuilder sb = new StringBuilder("flowchart TD\n");
    for (Step s : plan.steps()) {
      StepStatus status = statuses.getOrDefault(s.id(), StepStatus.PLANNED);
      sb.append("  ")
          .append(node(s.id()))
          .append("[\"")
          .append(escape(s.id()))
          .append(" · ")
          .append(escape(s.executor()))
          .append("<br/>")
          .append(escape(abbreviate(s.instructions(), 60)))
          .append("\"]:::")
          .append(status.name().toLowerCase(java.util.Locale.ROOT))
          .append('\n');
    }
    for (Step s : plan.steps()) {
      for (String d : s.dependsOn()) {
        sb.append("  ").append(node(d)).append(" --> ").append(node(s.id())).append('\n');
      }
    }
    sb.append("  classDef planned fill:#f4f4f4,stroke:#999\n")
        .append("  classDef running fill:#fff3cd,stroke:#d39e00\n")
        .append("  classDef succeeded fill:#d4edda,stroke:#28a745\n")
        .append("  classDef failed fill:#f8d7da,stroke:#dc3545\n")
        .append("  classDef skipped fill:#e2e3e5,stroke:#6c757d,stroke-dasharray: 4 2\n")
        .append("  classDef cancelled fill:#e2e3e5,stroke:#6c757d\n");
    return sb.toString();
  }

  /** Mermaid node ids: letters, digits and underscores only. */
  private static String node(String id) {
    return "n_" + id.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static String escape(String s) {
    return s.replace("\"", "#quot;").replace("\n", " ").replace("<", "#lt;").replace(">", "#gt;");
  }

  private static String abbreviate(String s, int max) {
    return s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
