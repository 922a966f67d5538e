package dev.taskforce.model.internal;

import dev.taskforce.model.ChatResponse;
import org.slf4j.Logger;

/** The DEBUG line a model client logs for each finished call: who served, time, tokens, cost. */
public final class CallLog {

  private CallLog() {}

  /**
   * Logs a finished call at DEBUG, without any prompt or answer text.
   *
   * @param log the client's logger
   * @param path the endpoint, for example {@code /responses}
   * @param model the model id requested
   * @param r the response
   * @param startNanos {@link System#nanoTime()} when the call started
   * @param streamed whether the answer was streamed
   */
  public static void done(
      Logger log, String path, String model, ChatResponse r, long startNanos, boolean streamed) {
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} served by {}/{} in {} ms: {} in, {} out, ${}, finish {}, id {}",
          streamed ? "streamed" : "completed",
          path,
          model,
          r.provider(),
          r.model(),
          (System.nanoTime() - startNanos) / 1_000_000,
          r.usage().inputTokens(),
          r.usage().outputTokens(),
          r.usage().costUsd().toPlainString(),
          r.finishReason(),
          r.id());
    }
  }
}
