/**
 * Structured output: answers as typed Java objects, valid by construction.
 *
 * <p>An {@link dev.taskforce.output.OutputType} turns a class into a strict {@code json_schema}
 * response format, parses the model's answer with Jackson and validates it with Jakarta Validation.
 * Problems come back as {@link dev.taskforce.output.OutputProblem}s precise enough to send to the
 * model so it can correct itself.
 */
@NullMarked
package dev.taskforce.output;

import org.jspecify.annotations.NullMarked;
