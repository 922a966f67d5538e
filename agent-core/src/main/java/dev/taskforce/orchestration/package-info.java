/**
 * Orchestration: a planner model leads executor agents through a typed plan, in parallel, within a
 * budget.
 *
 * <p>{@link dev.taskforce.orchestration.Orchestrator} is the front door. The planner answers with a
 * {@link dev.taskforce.orchestration.Plan} of steps with dependencies; steps run as a DAG on their
 * {@link dev.taskforce.orchestration.Executor}s, as many at once as their dependencies allow; a
 * failed step is retried on a stronger model ({@link
 * dev.taskforce.orchestration.EscalationPolicy}); the planner reviews the results and gives the
 * final typed answer or plans more.
 */
@NullMarked
package dev.taskforce.orchestration;

import org.jspecify.annotations.NullMarked;
