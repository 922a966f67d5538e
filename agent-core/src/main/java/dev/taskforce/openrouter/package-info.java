/**
 * The OpenRouter client: {@code POST /chat/completions} (whole and streamed), {@code GET /models}
 * and {@code GET /generation}.
 *
 * <p>{@link dev.taskforce.openrouter.OpenRouter} is the front door; {@link
 * dev.taskforce.openrouter.OpenRouterModels} gives the GPT-5.4 models from a client configured by
 * the environment. The wire format followed here is described in {@code docs/openrouter.md}.
 */
@NullMarked
package dev.taskforce.openrouter;

import org.jspecify.annotations.NullMarked;
