/**
 * The model interface every provider implements, and the values that cross it.
 *
 * <p>A {@link dev.taskforce.model.ChatModel} takes a {@link dev.taskforce.model.ChatRequest}
 * (messages, tools, tool choice, response format, reasoning, limits) and returns a {@link
 * dev.taskforce.model.ChatResponse} (assistant message, finish reason, usage and cost, the model
 * that served, generation id), synchronously or streamed to a {@link
 * dev.taskforce.model.StreamListener}.
 */
@NullMarked
package dev.taskforce.model;

import org.jspecify.annotations.NullMarked;
