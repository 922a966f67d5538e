package dev.taskforce.agent;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import dev.taskforce.budget.Limit;
import dev.taskforce.output.OutputValidationException;

/** How a run ended. Every outcome but {@link Completed} still comes with everything the run did. */
public sealed interface RunOutcome {

  /**
   * Whether the run produced its answer.
   *
   * @return {@code true} for {@link Completed}
   */
  default boolean isCompleted() {
    return this instanceof Completed;
  }

  /**
   * A few words for logs and events, for example {@code limit reached: COST}.
   *
   * @return the description
   */
  String describe();

  /** The model answered, and the answer was valid. */
  record Completed() implements RunOutcome {
    @Override
    public String describe() {
      return "completed";
    }
  }

  /**
   * A limit was reached: turns, tool calls, tokens, dollars or wall time.
   *
   * @param limit which limit
   * @param detail what was about to happen and the limit's value
   */
  record LimitReached(Limit limit, String detail) implements RunOutcome {
    /** Checks the components are present. */
    public LimitReached {
      requireNonNull(limit, "limit == null");
      requireNonNull(detail, "detail == null");
    }

    @Override
    public String describe() {
      return "limit reached: " + limit;
    }
  }

  /**
   * The model refused to answer.
   *
   * @param refusal the model's refusal message
   */
  record Refused(String refusal) implements RunOutcome {
    @Override
    public String describe() {
      return "refused";
    }
  }

  /** The provider's content filter stopped the answer. */
  record ContentFiltered() implements RunOutcome {
    @Override
    public String describe() {
      return "content filtered";
    }
  }

  /**
   * The output limit was reached before the answer was complete. With reasoning models and no text
   * at all, the model spent the whole output budget thinking: raise the output limit or lower the
   * reasoning effort.
   *
   * @param partialText whatever text came before the cut; empty when none
   * @param reasoningTokens the reasoning tokens of the last call
   */
  record OutputTruncated(String partialText, long reasoningTokens) implements RunOutcome {
    @Override
    public String describe() {
      return partialText.isEmpty() ? "output limit spent on reasoning" : "output truncated";
    }
  }

  /** The run was cancelled. */
  record Cancelled() implements RunOutcome {
    @Override
    public String describe() {
      return "cancelled";
    }
  }

  /**
   * The answer never became a valid instance of the requested type.
   *
   * @param error the last raw answer and its problems
   */
  record InvalidOutput(OutputValidationException error) implements RunOutcome {
    @Override
    public String describe() {
      return "invalid output";
    }
  }

  /**
   * The run failed: a model error that retries could not overcome, or a request that cannot fit the
   * model's context window.
   *
   * @param error what failed
   */
  record Failed(TaskforceException error) implements RunOutcome {
    @Override
    public String describe() {
      return "failed: " + error.getClass().getSimpleName();
    }
  }
}
