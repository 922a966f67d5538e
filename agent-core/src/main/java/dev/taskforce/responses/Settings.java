package dev.taskforce.responses;

import dev.taskforce.model.RetryPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a client's models send and how they wait, checked by {@link OpenAiResponses.Builder}.
 *
 * @param target the service
 * @param store whether OpenAI keeps the responses ({@code store}); never sent to OpenRouter
 * @param chain whether to continue from the previous stored response by its id
 * @param background whether to ask for background mode and poll for the result
 * @param pollInterval how long to wait between polls in background mode
 * @param verbosity {@code text.verbosity}, or {@code null} for the model's default
 * @param retryPolicy retries, and the sleeper the polling waits with
 */
record Settings(
    Target target,
    boolean store,
    boolean chain,
    boolean background,
    Duration pollInterval,
    @Nullable Verbosity verbosity,
    RetryPolicy retryPolicy) {

  /** Checks the settings fit together. */
  Settings {
    if (!target.isStateful() && (store || chain || background)) {
      throw new IllegalStateException(
          "openRouter(): OpenRouter's /responses is stateless; store(true), chainResponses(true)"
              + " and background(true) are not allowed");
    }
    if ((chain || background) && !store) {
      throw new IllegalStateException(
          (chain ? "chainResponses(true)" : "background(true)")
              + " needs store(true): it works on responses OpenAI keeps");
    }
  }
}
