package dev.taskforce.budget;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;

/**
 * Thrown by a {@link Ledger} when work would cross a limit. Runs catch it and end with a typed
 * outcome that keeps everything done so far; user code rarely sees it.
 */
public final class BudgetExceededException extends TaskforceException {

  private final Limit limit;

  /**
   * Creates the exception.
   *
   * @param limit the limit that would be crossed
   * @param message what was about to happen and the limit's value
   */
  public BudgetExceededException(Limit limit, String message) {
    super(message);
    this.limit = requireNonNull(limit, "limit == null");
  }

  /**
   * The limit that would be crossed.
   *
   * @return the limit
   */
  public Limit limit() {
    return limit;
  }
}
