/**
 * Cooperative cancellation shared by model calls, tool calls, agent runs and orchestrations.
 *
 * <p>A {@link dev.taskforce.cancel.CancellationToken} is handed down from a run to everything it
 * starts. Blocking work registers a callback with {@link
 * dev.taskforce.cancel.CancellationToken#onCancel(Runnable)} (an HTTP call closes its connection,
 * for example), so cancelling stops it promptly on any JDK and any kind of thread.
 */
@NullMarked
package dev.taskforce.cancel;

import org.jspecify.annotations.NullMarked;
