/**
 * The conversation model: immutable, sealed messages exchanged with a model.
 *
 * <p>A conversation is a list of {@link dev.taskforce.message.Message}s: system, user (text and
 * image parts), assistant (text, tool calls, refusal and reasoning) and tool results. Assistant
 * reasoning keeps the provider's {@code reasoning_details} items verbatim so they can be sent back
 * exactly as received. {@link dev.taskforce.message.Conversation} saves and restores a conversation
 * as JSON with nothing lost.
 */
@NullMarked
package dev.taskforce.message;

import org.jspecify.annotations.NullMarked;
