package dev.taskforce.budget;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The running account of one run against its {@link Budget}.
 *
 * <p>Before a model call, {@link #reserve} checks the call's worst case (the catalog's prices times
 * the prompt estimate and the output limit) against what is left, counting what concurrent calls
 * have reserved, and says how many output tokens the budget can afford. After the call, {@link
 * Reservation#settle} replaces the reservation with the actual usage. So parallel steps cannot
 * together overspend.
 *
 * <p>Thread-safe. Warnings: the first time any limit's use passes {@link Budget#warnAt()}, the
 * warning callback is called once for that limit (outside the ledger's lock).
 */
public final class Ledger {

  /** Output limits below this are not worth a call: the budget is treated as spent. */
  static final long MIN_USEFUL_OUTPUT_TOKENS = 256;

  private final Budget budget;
  private final Clock clock;
  private final Instant started;
  private final BiConsumer<Limit, Double> onWarning;

  private Usage total = Usage.ZERO;
  private final Map<String, Usage> byRole = new LinkedHashMap<>();
  private final Map<String, Usage> byModel = new LinkedHashMap<>();
  private int modelCalls;
  private int toolCalls;
  private BigDecimal reservedCost = BigDecimal.ZERO;
  private long reservedTokens;
  private int reservedCalls;
  private final Set<Limit> warned = EnumSet.noneOf(Limit.class);

  private Ledger(Budget budget, Clock clock, BiConsumer<Limit, Double> onWarning) {
    this.budget = budget;
    this.clock = clock;
    this.started = clock.instant();
    this.onWarning = onWarning;
  }

  /**
   * Opens a ledger now.
   *
   * @param budget the limits
   * @param clock the clock wall time is measured on
   * @param onWarning called with the limit and the fraction used when a warning level is first
   *     passed; must not throw
   * @return the ledger
   */
  public static Ledger open(Budget budget, Clock clock, BiConsumer<Limit, Double> onWarning) {
    return new Ledger(
        requireNonNull(budget, "budget == null"),
        requireNonNull(clock, "clock == null"),
        requireNonNull(onWarning, "onWarning == null"));
  }

  /**
   * The limits.
   *
   * @return the budget
   */
  public Budget budget() {
    return budget;
  }

  /**
   * The wall time since the ledger was opened.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return Duration.between(started, clock.instant());
  }

  /**
   * Throws if the wall-time budget is spent.
   *
   * @throws BudgetExceededException if it is
   */
  public void checkWallTime() {
    Duration max = budget.maxWallTime();
    if (max != null) {
      Duration elapsed = elapsed();
      if (elapsed.compareTo(max) >= 0) {
        throw new BudgetExceededException(
            Limit.WALL_TIME, "wall time " + elapsed + " reached the budget of " + max);
      }
    }
  }

  /**
   * Reserves room for one model call.
   *
   * @param role who makes the call (for example {@code planner})
   * @param model the model's catalog entry (prices and output limit)
   * @param promptTokens an estimate of the prompt's size in tokens
   * @param maxOutputTokens the output limit the call would use, or 0 for the model's own limit
   * @return the reservation, holding the output limit the budget can afford
   * @throws BudgetExceededException if not even a small answer fits in what is left
   */
  public Reservation reserve(
      String role, ModelInfo model, long promptTokens, long maxOutputTokens) {
    requireNonNull(role, "role == null");
    requireNonNull(model, "model == null");
    checkWallTime();
    long output = maxOutputTokens > 0 ? maxOutputTokens : model.maxOutputTokens();
    synchronized (this) {
      if (budget.maxModelCalls() != null
          && modelCalls + reservedCalls + 1 > budget.maxModelCalls()) {
        throw new BudgetExceededException(
            Limit.MODEL_CALLS, "model call budget of " + budget.maxModelCalls() + " is spent");
      }
      if (budget.maxTokens() != null) {
        long left = budget.maxTokens() - total.totalTokens() - reservedTokens - promptTokens;
        if (left < MIN_USEFUL_OUTPUT_TOKENS) {
          throw new BudgetExceededException(
              Limit.TOKENS,
              "token budget of " + budget.maxTokens() + " cannot fit a prompt of ~" + promptTokens);
        }
        output = output > 0 ? Math.min(output, left) : left;
      }
      BigDecimal worst = BigDecimal.ZERO;
      if (budget.maxCostUsd() != null) {
        BigDecimal left = budget.maxCostUsd().subtract(total.costUsd()).subtract(reservedCost);
        BigDecimal promptCost = model.pricing().cost(promptTokens, 0, 0);
        BigDecimal perOutput = model.pricing().cost(promptTokens, 0, 1).subtract(promptCost);
        BigDecimal afterPrompt = left.subtract(promptCost);
        if (perOutput.signum() > 0) {
          long affordable =
              afterPrompt.signum() <= 0
                  ? 0
                  : afterPrompt
                      .divide(perOutput, 0, RoundingMode.DOWN)
                      .min(BigDecimal.valueOf(Long.MAX_VALUE))
                      .longValue();
          if (affordable < MIN_USEFUL_OUTPUT_TOKENS) {
            throw new BudgetExceededException(
                Limit.COST,
                "cost budget of $"
                    + budget.maxCostUsd().toPlainString()
                    + " has $"
                    + left.max(BigDecimal.ZERO).toPlainString()
                    + " left, not enough for a call to "
                    + model.id());
          }
          output = output > 0 ? Math.min(output, affordable) : affordable;
        } else if (afterPrompt.signum() < 0) {
          throw new BudgetExceededException(
              Limit.COST, "cost budget of $" + budget.maxCostUsd().toPlainString() + " is spent");
        }
        worst = model.pricing().cost(promptTokens, 0, Math.max(output, 0));
      }
      long tokens = promptTokens + Math.max(output, 0);
      reservedCalls++;
      reservedTokens += tokens;
      reservedCost = reservedCost.add(worst);
      return new Reservation(role, model.id(), worst, tokens, output);
    }
  }

  /**
   * Counts tool calls about to run.
   *
   * @param count how many
   * @throws BudgetExceededException if they would cross the tool call limit
   */
  public void chargeToolCalls(int count) {
    synchronized (this) {
      if (budget.maxToolCalls() != null && toolCalls + count > budget.maxToolCalls()) {
        throw new BudgetExceededException(
            Limit.TOOL_CALLS,
            "tool call budget of "
                + budget.maxToolCalls()
                + " cannot fit "
                + count
                + " more (used "
                + toolCalls
                + ")");
      }
      toolCalls += count;
    }
    warnIfNeeded();
  }

  /**
   * Records a model call's usage that was not reserved (for example a call the caller could not
   * estimate). Prefer {@link #reserve} and {@link Reservation#settle}.
   *
   * @param role who made the call
   * @param model the model id
   * @param usage what it used
   */
  public void charge(String role, String model, Usage usage) {
    synchronized (this) {
      record(role, model, usage);
    }
    warnIfNeeded();
  }

  /**
   * What has been spent so far.
   *
   * @return a snapshot
   */
  public synchronized LedgerSnapshot snapshot() {
    return new LedgerSnapshot(total, byRole, byModel, modelCalls, toolCalls, elapsed());
  }

  private void record(String role, String model, Usage usage) {
    total = total.plus(usage);
    byRole.merge(role, usage, Usage::plus);
    byModel.merge(model, usage, Usage::plus);
    modelCalls++;
  }

  private void warnIfNeeded() {
    Map<Limit, Double> fire = new LinkedHashMap<>();
    synchronized (this) {
      double w = budget.warnAt();
      if (budget.maxCostUsd() != null) {
        consider(
            fire, Limit.COST, total.costUsd().doubleValue() / budget.maxCostUsd().doubleValue(), w);
      }
      if (budget.maxTokens() != null) {
        consider(fire, Limit.TOKENS, (double) total.totalTokens() / budget.maxTokens(), w);
      }
      if (budget.maxModelCalls() != null) {
        consider(fire, Limit.MODEL_CALLS, (double) modelCalls / budget.maxModelCalls(), w);
      }
      if (budget.maxToolCalls() != null && budget.maxToolCalls() > 0) {
        consider(fire, Limit.TOOL_CALLS, (double) toolCalls / budget.maxToolCalls(), w);
      }
      if (budget.maxWallTime() != null) {
        consider(
            fire,
            Limit.WALL_TIME,
            (double) elapsed().toMillis() / Math.max(1, budget.maxWallTime().toMillis()),
            w);
      }
    }
    fire.forEach(onWarning);
  }

  private void consider(Map<Limit, Double> fire, Limit limit, double used, double warnAt) {
    if (used >= warnAt && warned.add(limit)) {
      fire.put(limit, used);
    }
  }

  /** Room reserved for one model call; settle or release it exactly once. */
  public final class Reservation {
    private final String role;
    private final String model;
    private final BigDecimal cost;
    private final long tokens;
    private final long maxOutputTokens;
    private boolean done;

    private Reservation(
        String role, String model, BigDecimal cost, long tokens, long maxOutputTokens) {
      this.role = role;
      this.model = model;
      this.cost = cost;
      this.tokens = tokens;
      this.maxOutputTokens = maxOutputTokens;
    }

    /**
     * The output limit the budget can afford for this call.
     *
     * @return the most output tokens, or 0 when neither the budget nor the model sets a limit
     */
    public long maxOutputTokens() {
      return Math.max(0, maxOutputTokens);
    }

    /**
     * Replaces the reservation with the call's actual usage.
     *
     * @param usage what the call used
     */
    public void settle(Usage usage) {
      requireNonNull(usage, "usage == null");
      synchronized (Ledger.this) {
        if (!release0()) {
          return;
        }
        record(role, model, usage);
      }
      warnIfNeeded();
    }

    /** Gives the reserved room back (the call failed before using anything). */
    public void release() {
      synchronized (Ledger.this) {
        release0();
      }
    }

    private boolean release0() {
      if (done) {
        return false;
      }
      done = true;
      reservedCalls--;
      reservedTokens -= tokens;
      reservedCost = reservedCost.subtract(cost);
      return true;
    }
  }
}
