package dev.taskforce.tool;

/** Cuts tool results that are too long for the model's context, saying how much was cut. */
final class ResultCut {

  private ResultCut() {}

  /**
   * Keeps the first {@code maxChars} characters of a result (one fewer rather than split a
   * surrogate pair) and appends a marker with the number of characters cut.
   */
  static ToolResult cut(ToolResult result, int maxChars) {
    String content = result.content();
    if (content.length() <= maxChars) {
      return result;
    }
    int keep = maxChars;
    if (keep > 0 && Character.isHighSurrogate(content.charAt(keep - 1))) {
      keep--;
    }
    String text =
        content.substring(0, keep)
            + "\n[cut: "
            + (content.length() - keep)
            + " of "
            + content.length()
            + " characters not shown]";
    return result.isError() ? ToolResult.failure(text) : ToolResult.success(text);
  }
}
