package dev.taskforce.event;

import dev.taskforce.budget.Limit;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Usage;
import dev.taskforce.orchestration.Plan;
import dev.taskforce.orchestration.StepStatus;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a run did. The kinds are closed; match them with {@code instanceof} patterns.
 *
 * <p>Events are immutable records; they never hold prompt or answer text, so they are safe to log.
 */
public sealed interface RunEvent {

  /**
   * The run this event belongs to.
   *
   * @return the run id
   */
  String runId();

  /**
   * The plan step this event belongs to.
   *
   * @return the step id, or {@code null} outside a plan step
   */
  @Nullable String stepId();

  /**
   * When it happened.
   *
   * @return the instant, on the run's clock
   */
  Instant at();

  /**
   * A run started.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when
   * @param name what runs: an agent's name or {@code orchestrator}
   */
  record RunStarted(String runId, @Nullable String stepId, Instant at, String name)
      implements RunEvent {}

  /**
   * A model call returned.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when it returned
   * @param role who called: an agent's name, {@code planner}, or an executor's name
   * @param model the model that served
   * @param turn the call's number within its agent run, from 1
   * @param usage tokens and cost of this call
   * @param latency how long the call took
   * @param finishReason why the model stopped
   */
  record ModelCalled(
      String runId,
      @Nullable String stepId,
      Instant at,
      String role,
      String model,
      int turn,
      Usage usage,
      Duration latency,
      FinishReason finishReason)
      implements RunEvent {}

  /**
   * A model call failed in a way a retry can fix, and is about to be made again.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when
   * @param role who called
   * @param model the model called
   * @param attempt the number of the attempt about to be made, from 2
   * @param delay the wait before it
   * @param reason the failure, in a few words (exception and status; never the API key)
   */
  record ModelRetried(
      String runId,
      @Nullable String stepId,
      Instant at,
      String role,
      String model,
      int attempt,
      Duration delay,
      String reason)
      implements RunEvent {}

  /**
   * A tool call is starting.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when
   * @param call the call (its arguments are the model's, not sensitive caller values)
   */
  record ToolCallStarted(String runId, @Nullable String stepId, Instant at, ToolCall call)
      implements RunEvent {}

  /**
   * A tool call finished.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when
   * @param call the call
   * @param isError whether it failed
   * @param elapsed how long it took
   */
  record ToolCallFinished(
      String runId,
      @Nullable String stepId,
      Instant at,
      ToolCall call,
      boolean isError,
      Duration elapsed)
      implements RunEvent {}

  /**
   * A used fraction of a budget limit passed the warning level.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when
   * @param limit which limit
   * @param fractionUsed how much of it is used, for example 0.82
   */
  record BudgetWarning(
      String runId, @Nullable String stepId, Instant at, Limit limit, double fractionUsed)
      implements RunEvent {}

  /**
   * A limit was reached and the run is ending because of it.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when
   * @param limit which limit
   * @param detail what was about to happen and the limit's value
   */
  record LimitReached(String runId, @Nullable String stepId, Instant at, Limit limit, String detail)
      implements RunEvent {}

  /**
   * A run ended.
   *
   * @param runId the run
   * @param stepId the step, or {@code null}
   * @param at when
   * @param outcome how it ended, in a few words (for example {@code completed}, {@code limit
   *     reached: COST})
   * @param usage what it used in total
   * @param elapsed how long it took
   */
  record RunFinished(
      String runId,
      @Nullable String stepId,
      Instant at,
      String outcome,
      Usage usage,
      Duration elapsed)
      implements RunEvent {}

  /**
   * The planner made a plan that passed its checks and is about to run.
   *
   * @param runId the run
   * @param stepId always {@code null}
   * @param at when
   * @param plan the plan
   */
  record PlanMade(String runId, @Nullable String stepId, Instant at, Plan plan)
      implements RunEvent {}

  /**
   * A plan step started a try on a model.
   *
   * @param runId the run
   * @param stepId the step
   * @param at when
   * @param executor the executor's name
   * @param model the model of this try
   * @param attempt the try's number, from 1
   */
  record StepStarted(
      String runId, @Nullable String stepId, Instant at, String executor, String model, int attempt)
      implements RunEvent {}

  /**
   * A step failed on one model and is retried on a stronger one.
   *
   * @param runId the run
   * @param stepId the step
   * @param at when
   * @param fromModel the model it failed on
   * @param toModel the model it is retried on
   * @param reason why the try failed, in a few words
   */
  record StepEscalated(
      String runId,
      @Nullable String stepId,
      Instant at,
      String fromModel,
      String toModel,
      String reason)
      implements RunEvent {}

  /**
   * A step ended.
   *
   * @param runId the run
   * @param stepId the step
   * @param at when
   * @param status how it ended
   * @param model the model that produced its result (or was tried last), or {@code null}
   * @param usage what all its tries used
   */
  record StepFinished(
      String runId,
      @Nullable String stepId,
      Instant at,
      StepStatus status,
      @Nullable String model,
      Usage usage)
      implements RunEvent {}
}
