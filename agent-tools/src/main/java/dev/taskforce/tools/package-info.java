/**
 * Turning annotated Java methods into tools a model can call.
 *
 * <p>Annotate methods with {@link dev.taskforce.tools.Tool} and their parameters with {@link
 * dev.taskforce.tools.Param}, then pass the object to {@code Tools.from(...)}.
 */
@NullMarked
package dev.taskforce.tools;

import org.jspecify.annotations.NullMarked;
