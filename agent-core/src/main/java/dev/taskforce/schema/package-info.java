/**
 * JSON schemas: the shape of tool arguments and structured answers, generated from Java types.
 *
 * <p>{@link dev.taskforce.schema.JsonSchema} is an immutable schema value. {@link
 * dev.taskforce.schema.JsonSchemas} generates schemas from Java types in a normal and a strict
 * (OpenAI structured outputs) form, assembles object schemas from typed {@link
 * dev.taskforce.schema.SchemaProperty properties}, checks schemas against the strict rules
 * (reporting each {@link dev.taskforce.schema.SchemaProblem} with its JSON pointer), and reads
 * values back, including maps in the strict form's entry-array shape.
 */
@NullMarked
package dev.taskforce.schema;

import org.jspecify.annotations.NullMarked;
