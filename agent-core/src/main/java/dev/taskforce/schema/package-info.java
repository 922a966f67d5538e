/**
 * JSON schemas: the shape of tool arguments and structured answers, generated from Java types.
 *
 * <p>{@link dev.taskforce.schema.JsonSchema} is an immutable schema value.
 */
@NullMarked
package dev.taskforce.schema;

import org.jspecify.annotations.NullMarked;
