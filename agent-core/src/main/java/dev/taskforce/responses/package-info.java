/**
 * The OpenAI Responses API client ({@code POST /responses}, whole, streamed and in background mode)
 * behind {@link dev.taskforce.model.ChatModel}: OpenAI directly, an OpenAI-compatible gateway such
 * as Cloudflare AI Gateway, or OpenRouter's stateless {@code /responses}.
 *
 * <p>{@link dev.taskforce.responses.OpenAiResponses} is the front door. Reasoning items travel
 * across turns with their {@code encrypted_content}, each function call next to the reasoning item
 * it came after; see {@code docs/responses-api.md}.
 */
@NullMarked
package dev.taskforce.responses;

import org.jspecify.annotations.NullMarked;
