package dev.taskforce.tool;

import dev.taskforce.message.ToolCall;

/**
 * Observes the tool calls a {@link ToolRunner} runs. Listeners only observe: they cannot change a
 * call or its result.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #onStart} is called for each call that starts, on the call's own thread, just before
 *       the tool runs (so thread-bound state such as the logging MDC set there is seen by the
 *       tool);
 *   <li>{@link #onFinish} is called exactly once for every call passed to {@link ToolRunner#run},
 *       before {@code run} returns, with the result the model will see: on the call's own thread
 *       when the tool returned or threw, and on the thread that called {@code run} when the call
 *       timed out, was cancelled or never started;
 *   <li>the calls of one turn run concurrently, so the methods may be called from several threads
 *       at once and must be thread-safe;
 *   <li>an exception a method throws is logged and ignored.
 * </ul>
 */
public interface ToolRunListener {

  /** A listener that does nothing. */
  ToolRunListener NONE = new ToolRunListener() {};

  /**
   * A call is about to run.
   *
   * @param call the call
   */
  default void onStart(ToolCall call) {}

  /**
   * A call has its final result.
   *
   * @param result the call, the result the model sees (cut if too long), and how long it took
   */
  default void onFinish(ToolCallResult result) {}
}
