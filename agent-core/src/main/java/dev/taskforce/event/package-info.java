/**
 * Events: immutable records of what a run did, delivered to listeners that only observe.
 *
 * <p>Every {@link dev.taskforce.event.RunEvent} carries the run id, the plan step id when there is
 * one, and when it happened. A {@link dev.taskforce.event.RunListener} receives them; a listener
 * that throws is logged and never breaks the run.
 */
@NullMarked
package dev.taskforce.event;

import org.jspecify.annotations.NullMarked;
