package dev.taskforce.orchestration;

import dev.taskforce.agent.AgentRequest;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.agent.RunOutcome;
import dev.taskforce.budget.Ledger;
import dev.taskforce.budget.LedgerSnapshot;
import dev.taskforce.budget.Limit;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.event.RunEvent;
import dev.taskforce.event.RunListener;
import dev.taskforce.message.Conversation;
import dev.taskforce.output.OutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One orchestration run: planning rounds, plan execution, review, and the run's shared state. */
final class OrchestrationRun {

  private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);

  final Orchestrator orchestrator;
  final String runId;
  final String goal;
  final CancellationToken token;
  final Ledger ledger;
  final RunListener listener;
  private final List<RunEvent> timeline = new CopyOnWriteArrayList<>();
  private volatile RunOutcome.@Nullable LimitReached budgetSpent;

  OrchestrationRun(Orchestrator orchestrator, String runId, String goal, CancellationToken parent) {
    this.orchestrator = orchestrator;
    this.runId = runId;
    this.goal = goal;
    this.token = parent.child();
    RunListener own = orchestrator.listener;
    this.listener =
        event -> {
          timeline.add(event);
          own.onEvent(event);
        };
    this.ledger =
        Ledger.open(
            orchestrator.budget,
            orchestrator.clock,
            (limit, used) -> emit(new RunEvent.BudgetWarning(runId, null, now(), limit, used)));
  }

  <T> RunResult<T> run(Class<T> answerType) {
    String previous = MDC.get("taskforce.runId");
    MDC.put("taskforce.runId", runId);
    Instant started = now();
    emit(new RunEvent.RunStarted(runId, null, started, "orchestrator"));
    List<Plan> plans = new ArrayList<>();
    Map<String, StepResult> finished = new LinkedHashMap<>();
    RunOutcome outcome;
    Object answer = null;
    try {
      OutputType<PlannerTurn> turnType =
          PlannerProtocol.outputType(orchestrator.executorList, answerType);
      PlanRunner runner = new PlanRunner(this);
      Conversation conversation = Conversation.EMPTY;
      String message = "Goal: " + goal;
      int round = 1;
      int repairs = 0;
      while (true) {
        AgentResult<PlannerTurn> planned =
            orchestrator.planner.run(plannerRequest(conversation, message), turnType);
        conversation = planned.conversation();
        if (!planned.outcome().isCompleted()) {
          outcome = planned.outcome();
          if (outcome instanceof RunOutcome.LimitReached l && l.limit() != Limit.TURNS) {
            budgetSpent(l);
          }
          break;
        }
        PlannerTurn turn = planned.output();
        if (turn.isAnswer()) {
          answer = turn.answer();
          outcome = new RunOutcome.Completed();
          break;
        }
        if (round > orchestrator.maxRounds) {
          outcome =
              limitReached(
                  Limit.ROUNDS,
                  "the planner planned again after the last of "
                      + orchestrator.maxRounds
                      + " rounds");
          break;
        }
        Plan plan = new Plan(round, turn.steps());
        List<String> problems =
            PlanCheck.problems(
                plan,
                orchestrator.executors.keySet(),
                orchestrator.maxStepsPerPlan,
                finished.keySet());
        if (!problems.isEmpty()) {
          if (repairs >= orchestrator.maxPlanRepairs) {
            outcome = new RunOutcome.Failed(new InvalidPlanException(problems));
            break;
          }
          repairs++;
          log.debug(
              "run {}: plan of round {} has {} problems, asking again",
              runId,
              round,
              problems.size());
          message = PlanCheck.repairMessage(problems);
          continue;
        }
        repairs = 0;
        plans.add(plan);
        emit(new RunEvent.PlanMade(runId, null, now(), plan));
        List<StepResult> results = runner.execute(plan, finished);
        if (stopping()) {
          outcome = stopOutcome();
          break;
        }
        message = Review.message(this, plan, results, round >= orchestrator.maxRounds);
        round++;
      }
    } finally {
      restore(previous);
    }
    if (stopping() && !(outcome instanceof RunOutcome.LimitReached) && !outcome.isCompleted()) {
      outcome = stopOutcome();
    }
    LedgerSnapshot spent = ledger.snapshot();
    emit(
        new RunEvent.RunFinished(
            runId, null, now(), outcome.describe(), spent.total(), spent.elapsed()));
    log.info(
        "orchestration {} ended: {} after {} plans, {} steps, ${}",
        runId,
        outcome.describe(),
        plans.size(),
        finished.size(),
        spent.total().costUsd().toPlainString());
    return new RunResult<>(
        runId,
        outcome,
        outcome.isCompleted() ? answerType.cast(answer) : null,
        plans,
        new ArrayList<>(finished.values()),
        spent,
        List.copyOf(timeline));
  }

  private AgentRequest plannerRequest(Conversation conversation, String message) {
    return AgentRequest.builder()
        .conversation(conversation)
        .message(message)
        .runId(runId)
        .role("planner")
        .ledger(ledger)
        .cancellation(token)
        .listener(listener)
        .build();
  }

  /** Called when a step hits a limit of the whole run's budget: stop everything in flight. */
  void budgetSpent(RunOutcome.LimitReached limit) {
    if (budgetSpent == null) {
      budgetSpent = limit;
      emit(new RunEvent.LimitReached(runId, null, now(), limit.limit(), limit.detail()));
      token.cancel();
    }
  }

  boolean stopping() {
    return budgetSpent != null || token.isCancelled();
  }

  String stopReason() {
    return budgetSpent != null
        ? "the budget is spent (" + budgetSpent.limit() + ")"
        : "the run was cancelled";
  }

  private RunOutcome stopOutcome() {
    return budgetSpent != null ? budgetSpent : new RunOutcome.Cancelled();
  }

  private RunOutcome limitReached(Limit limit, String detail) {
    emit(new RunEvent.LimitReached(runId, null, now(), limit, detail));
    return new RunOutcome.LimitReached(limit, detail);
  }

  void emit(RunEvent event) {
    listener.onEvent(event);
  }

  Instant now() {
    return orchestrator.clock.instant();
  }

  Map<String, StepStatus> statuses(List<StepResult> results) {
    Map<String, StepStatus> m = new HashMap<>();
    results.forEach(r -> m.put(r.id(), r.status()));
    return m;
  }

  private static void restore(@Nullable String previous) {
    if (previous == null) {
      MDC.remove("taskforce.runId");
    } else {
      MDC.put("taskforce.runId", previous);
    }
  }
}
