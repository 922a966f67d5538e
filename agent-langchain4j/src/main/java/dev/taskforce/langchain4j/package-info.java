/** Both-way adapters between Taskforce and LangChain4j: models and tools. */
@NullMarked
package dev.taskforce.langchain4j;

import org.jspecify.annotations.NullMarked;
