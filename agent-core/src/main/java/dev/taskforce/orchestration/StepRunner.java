package dev.taskforce.orchestration;

import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentRequest;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.agent.RunOutcome;
import dev.taskforce.budget.Limit;
import dev.taskforce.event.RunEvent;
import dev.taskforce.internal.Json;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs one step on its executor, escalating to stronger models when a try fails. */
final class StepRunner {

  private final OrchestrationRun run;
  private final Map<String, Agent> agents = new ConcurrentHashMap<>();

  StepRunner(OrchestrationRun run) {
    this.run = run;
  }

  StepResult run(Step step, Map<String, StepResult> finished) {
    Executor executor = run.orchestrator.executors.get(step.executor());
    String input = input(step, executor, finished);
    List<ChatModel> tries =
        run.orchestrator.escalation.tries(executor.model(), run.orchestrator.knownModels);
    List<StepAttempt> attempts = new ArrayList<>();
    Usage usage = Usage.ZERO;
    String lastModel = null;
    String lastError = null;
    for (int i = 0; i < tries.size(); i++) {
      ChatModel model = tries.get(i);
      if (run.token.isCancelled()) {
        break;
      }
      run.emit(
          new RunEvent.StepStarted(
              run.runId, step.id(), run.now(), executor.name(), model.id(), i + 1));
      AgentResult<?> result =
          agent(executor, model).run(request(step, executor, input), answerType(executor));
      attempts.add(new StepAttempt(model.id(), result.outcome(), result.usage(), result.turns()));
      usage = usage.plus(result.usage());
      lastModel = model.id();
      RunOutcome outcome = result.outcome();
      if (outcome.isCompleted()) {
        Object value = result.output();
        String output = value instanceof String s ? s : Json.write(value);
        return new StepResult(
            step, StepStatus.SUCCEEDED, output, model.id(), attempts, usage, null);
      }
      lastError = describe(outcome);
      if (outcome instanceof RunOutcome.Cancelled) {
        return new StepResult(
            step, StepStatus.CANCELLED, null, lastModel, attempts, usage, lastError);
      }
      if (outcome instanceof RunOutcome.LimitReached l && l.limit() != Limit.TURNS) {
        // A budget limit of the whole run: stronger models would not help.
        run.budgetSpent(l);
        return new StepResult(
            step, StepStatus.CANCELLED, null, lastModel, attempts, usage, lastError);
      }
      if (i + 1 < tries.size()) {
        run.emit(
            new RunEvent.StepEscalated(
                run.runId,
                step.id(),
                run.now(),
                model.id(),
                tries.get(i + 1).id(),
                outcome.describe()));
      }
    }
    StepStatus status = run.token.isCancelled() ? StepStatus.CANCELLED : StepStatus.FAILED;
    return new StepResult(
        step,
        status,
        null,
        lastModel,
        attempts,
        usage,
        lastError == null ? "cancelled" : lastError);
  }

  private AgentRequest request(Step step, Executor executor, String input) {
    return AgentRequest.builder()
        .message(input)
        .runId(run.runId)
        .stepId(step.id())
        .role(executor.name())
        .ledger(run.ledger)
        .cancellation(run.token)
        .listener(run.listener)
        .build();
  }

  private static Class<?> answerType(Executor executor) {
    return executor.outputType() == null ? String.class : executor.outputType();
  }

  private Agent agent(Executor executor, ChatModel model) {
    return agents.computeIfAbsent(
        executor.name() + "\u0000" + model.id(),
        k -> {
          ReasoningEffort effort = executor.reasoningEffort();
          var allowed = model.info().reasoningEfforts();
          if (effort != null && !allowed.isEmpty() && !allowed.contains(effort)) {
            effort = null; // A stronger model may not take a cheap model's effort; use its default.
          }
          return Agent.builder()
              .name(executor.name())
              .model(model)
              .instructions(instructions(executor))
              .tools(executor.tools())
              .maxTurns(executor.maxTurns())
              .reasoningEffort(effort)
              .clock(run.orchestrator.clock)
              .build();
        });
  }

  private static String instructions(Executor executor) {
    String base =
        "You carry out one step of a larger plan. Do exactly what the step asks, using your tools"
            + " when they help, and answer with the result only.";
    return executor.instructions() == null ? base : executor.instructions() + "\n\n" + base;
  }

  private String input(Step step, Executor executor, Map<String, StepResult> finished) {
    StringBuilder sb = new StringBuilder();
    sb.append("Goal of the whole plan: ").append(run.goal).append("\n\n");
    sb.append("Your step (")
        .append(step.id())
        .append("): ")
        .append(step.instructions())
        .append('\n');
    if (!step.dependsOn().isEmpty()) {
      sb.append("\nResults of the steps this one depends on:\n");
      for (String d : step.dependsOn()) {
        StepResult r = finished.get(d);
        sb.append("### ").append(d);
        if (r != null) {
          sb.append(" (").append(r.step().executor()).append(")\n");
          sb.append(run.orchestrator.cut(r.output() == null ? "" : r.output())).append('\n');
        } else {
          sb.append("\n(no result)\n");
        }
      }
    }
    return sb.toString();
  }

  private static String describe(RunOutcome outcome) {
    if (outcome instanceof RunOutcome.Failed f) {
      return f.describe() + ": " + f.error().getMessage();
    }
    if (outcome instanceof RunOutcome.InvalidOutput i) {
      return "invalid output: " + i.error().getMessage();
    }
    if (outcome instanceof RunOutcome.LimitReached l) {
      return l.describe() + " (" + l.detail() + ")";
    }
    if (outcome instanceof RunOutcome.Refused r) {
      return "refused: " + r.refusal();
    }
    return outcome.describe();
  }
}
