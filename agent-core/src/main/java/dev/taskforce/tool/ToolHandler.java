package dev.taskforce.tool;

import java.time.Duration;
import java.util.Optional;

/**
 * A function a model may call: the SPI every tool implements.
 *
 * <p>Named {@code ToolHandler} so it never clashes with the {@code @Tool} annotation of
 * agent-tools, which is how most applications make tools.
 *
 * <p>Implementations must be thread-safe: the calls of one model turn run concurrently, and one
 * tool may serve many runs at once. {@link #call} receives the model's arguments exactly as the
 * model wrote them, which may be malformed; it should answer bad arguments with a {@link
 * ToolResult#failure(String)} that says what to fix, rather than throw. An exception thrown anyway
 * is turned into a failure result by the caller, never into a failed run.
 *
 * <p>A call that runs longer than its {@link #timeout()} is abandoned and its thread interrupted;
 * blocking tools should let {@link InterruptedException} end them, or watch {@link
 * ToolContext#cancellation()}.
 */
public interface ToolHandler {

  /**
   * What the model is told about this tool. Called often; return the same value every time.
   *
   * @return the spec
   */
  ToolSpec spec();

  /**
   * Runs the tool.
   *
   * @param argumentsJson the model's arguments, a JSON text that may be malformed
   * @param context the run this call belongs to, its cancellation, and caller-supplied values
   * @return the result the model reads
   */
  ToolResult call(String argumentsJson, ToolContext context);

  /**
   * How long one call of this tool may run before it is abandoned and the model told it timed out.
   * Read once, when the tool is registered with a {@link ToolRunner}.
   *
   * @return this tool's own limit (positive), or empty to use the runner's default
   */
  default Optional<Duration> timeout() {
    return Optional.empty();
  }
}
