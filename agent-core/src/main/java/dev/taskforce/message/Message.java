package dev.taskforce.message;

/**
 * One message of a conversation.
 *
 * <p>The set of message kinds is closed; handle them with {@code instanceof} patterns. Every
 * implementation is an immutable record, safe to share between threads.
 */
public sealed interface Message
    permits SystemMessage, UserMessage, AssistantMessage, ToolResultMessage {}
