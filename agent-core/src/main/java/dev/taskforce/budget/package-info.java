/**
 * Budgets: limits in dollars, tokens, calls and wall time, and the ledger that enforces them.
 *
 * <p>A {@link dev.taskforce.budget.Budget} is an immutable set of limits. A {@link
 * dev.taskforce.budget.Ledger} is the running account of one run: it is checked before each model
 * call with a worst-case estimate and charged after it with the actual usage, per role (planner,
 * each executor) and per model.
 */
@NullMarked
package dev.taskforce.budget;

import org.jspecify.annotations.NullMarked;
