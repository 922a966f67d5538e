/**
 * Both-way interop between Taskforce and LangChain4j (1.19): models and tools.
 *
 * <p>Start at {@link dev.taskforce.langchain4j.LangChain4j}: {@code chatModel(...)} and {@code
 * streamingChatModel(...)} put a Taskforce model behind LangChain4j's {@code ChatModel} and {@code
 * StreamingChatModel} (for {@code AiServices} and other LangChain4j code), keeping the provider's
 * reasoning in each {@code AiMessage}'s attributes so tool loops send it back unchanged, and the
 * cost in {@link dev.taskforce.langchain4j.TaskforceTokenUsage}; {@code model(...)} puts any
 * LangChain4j chat model behind Taskforce's {@code ChatModel} (as an agent's model, a planner or an
 * executor); {@code tools(...)} turns objects with LangChain4j {@code @Tool} methods into Taskforce
 * tools, validated and run concurrently; {@code toolExecutors(...)} offers Taskforce tools to
 * {@code AiServices}. The mapping rules and known limits are in {@code docs/langchain4j.md}.
 */
@NullMarked
package dev.taskforce.langchain4j;

import org.jspecify.annotations.NullMarked;
