/**
 * Built-in tools, each denying by default what it was not configured to allow.
 *
 * <ul>
 *   <li>{@link dev.taskforce.tools.builtin.ClockTool}: the current date and time in a time zone.
 *   <li>{@link dev.taskforce.tools.builtin.CalculatorTool}: exact decimal arithmetic, parsed by
 *       hand (no script engine, no code execution).
 *   <li>{@link dev.taskforce.tools.builtin.FileTools}: list and read UTF-8 text files under one
 *       root directory; {@link dev.taskforce.tools.builtin.FileWriteTool} writes them, and only
 *       exists when you build it.
 *   <li>{@link dev.taskforce.tools.builtin.HttpGetTool}: GET text from listed hosts on public
 *       addresses only, with redirects re-checked hop by hop.
 * </ul>
 *
 * <p>Each is an immutable, thread-safe object whose public {@link dev.taskforce.tools.Tool} methods
 * become tools through {@code Tools.from(...)}:
 *
 * <pre>{@code
 * Tools.from(
 *     CalculatorTool.create(),
 *     ClockTool.create(),
 *     FileTools.builder().root(Path.of("/srv/agent-files")).build());
 * }</pre>
 *
 * <p>A call the tool's settings do not allow throws {@link
 * dev.taskforce.tools.builtin.ToolRefusedException}; a call that fails for another reason (a
 * missing file, a network error) throws {@link dev.taskforce.TaskforceException}. Their messages
 * are written for the model: they say what to change, and never contain host paths outside the
 * root, credentials or stack traces.
 */
@NullMarked
package dev.taskforce.tools.builtin;

import org.jspecify.annotations.NullMarked;
