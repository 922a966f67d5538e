/** Taskforce: LLM agents for Java backend services. The root holds the root exception only. */
@NullMarked
package dev.taskforce;

import org.jspecify.annotations.NullMarked;
