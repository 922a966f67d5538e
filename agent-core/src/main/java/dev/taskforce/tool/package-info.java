/**
 * The tool SPI: functions a model may call, with their specs, contexts and results.
 *
 * <p>A {@link dev.taskforce.tool.ToolHandler} has a {@link dev.taskforce.tool.ToolSpec} (name,
 * description, parameter schema, strict flag) and is called with the model's raw arguments and a
 * {@link dev.taskforce.tool.ToolContext}. It answers with a {@link dev.taskforce.tool.ToolResult}:
 * a success or a failure message that goes back to the model. Most applications do not implement
 * {@code ToolHandler} themselves: {@code dev.taskforce.tools.Tools.from(object)} (module
 * agent-tools) turns annotated methods into tools.
 */
@NullMarked
package dev.taskforce.tool;

import org.jspecify.annotations.NullMarked;
