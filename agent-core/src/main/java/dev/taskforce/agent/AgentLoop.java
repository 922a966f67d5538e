package dev.taskforce.agent;

import dev.taskforce.TaskforceException;
import dev.taskforce.budget.BudgetExceededException;
import dev.taskforce.budget.Ledger;
import dev.taskforce.budget.Limit;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.event.RunEvent;
import dev.taskforce.event.RunListener;
import dev.taskforce.internal.Concurrency;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.Message;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.Usage;
import dev.taskforce.output.OutputType;
import dev.taskforce.output.OutputValidationException;
import dev.taskforce.tool.ToolCallResult;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolRunListener;
import dev.taskforce.tool.ToolSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One run of an {@link Agent}: the loop and its state. Used once, by one thread. */
final class AgentLoop<T> {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);
  static final String MDC_RUN_ID = "taskforce.runId";
  static final String MDC_STEP_ID = "taskforce.stepId";

  private final Agent agent;
  private final AgentRequest request;
  private final @Nullable OutputType<T> output;
  private final String runId;
  private final @Nullable String stepId;
  private final String role;
  private final CancellationToken token;
  private final RunListener events;
  private final Ledger ledger;
  private final ModelInfo info;
  private final List<ToolSpec> specs;

  private final List<Message> messages = new ArrayList<>();
  private final List<ToolCallResult> toolCalls = new ArrayList<>();
  private final Map<String, Usage> usageByModel = new LinkedHashMap<>();
  private Usage usage = Usage.ZERO;
  private int turns;
  private int repairs;
  private volatile boolean wallTimeExpired;
  private @Nullable T value;

  AgentLoop(Agent agent, AgentRequest request, @Nullable OutputType<T> output) {
    this.agent = agent;
    this.request = request;
    this.output = output;
    this.runId = request.runId() != null ? request.runId() : RunIds.next("run");
    this.stepId = request.stepId();
    this.role = request.role() != null ? request.role() : agent.name;
    this.token = request.cancellation().child();
    this.events =
        request.listener() == null
            ? agent.listener
            : RunListener.all(List.of(agent.listener, request.listener()));
    this.ledger =
        request.ledger() != null
            ? request.ledger()
            : Ledger.open(
                agent.budget,
                agent.clock,
                (limit, used) ->
                    emit(new RunEvent.BudgetWarning(runId, stepId, now(), limit, used)));
    this.info = agent.model.info();
    this.specs = agent.tools.specs();
  }

  AgentResult<T> run() {
    String previousRun = MDC.get(MDC_RUN_ID);
    String previousStep = MDC.get(MDC_STEP_ID);
    MDC.put(MDC_RUN_ID, runId);
    if (stepId != null) {
      MDC.put(MDC_STEP_ID, stepId);
    }
    Instant started = now();
    ScheduledFuture<?> watchdog = startWatchdog();
    RunOutcome outcome;
    try {
      emit(new RunEvent.RunStarted(runId, stepId, started, agent.name));
      start();
      outcome = loop();
    } finally {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
      restore(MDC_RUN_ID, previousRun);
      restore(MDC_STEP_ID, previousStep);
    }
    Duration elapsed = Duration.between(started, now());
    emit(new RunEvent.RunFinished(runId, stepId, now(), outcome.describe(), usage, elapsed));
    log.info(
        "run {} of {} ended: {} after {} turns, {} tool calls, ${}",
        runId,
        agent.name,
        outcome.describe(),
        turns,
        toolCalls.size(),
        usage.costUsd().toPlainString());
    return new AgentResult<>(
        runId,
        outcome,
        outcome.isCompleted() ? value : null,
        new Conversation(messages),
        toolCalls,
        usage,
        usageByModel,
        turns,
        elapsed);
  }

  private void start() {
    List<Message> prior = request.conversation().messages();
    boolean hasSystem = !prior.isEmpty() && prior.get(0) instanceof SystemMessage;
    if (!hasSystem && agent.instructions != null) {
      messages.add(new SystemMessage(agent.instructions));
    }
    if (output != null && !info.supportsJsonSchema()) {
      messages.add(new SystemMessage(output.schemaInstructions()));
    }
    messages.addAll(prior);
    if (request.message() != null) {
      messages.add(request.message());
    }
  }

  private RunOutcome loop() {
    while (true) {
      if (token.isCancelled()) {
        return cancelled();
      }
      if (turns >= agent.maxTurns) {
        return limit(Limit.TURNS, "the agent's turn limit of " + agent.maxTurns + " is reached");
      }
      ChatResponse response;
      try {
        response = callModel();
      } catch (BudgetExceededException e) {
        return limit(e.limit(), e.getMessage());
      } catch (CancelledException e) {
        return cancelled();
      } catch (TaskforceException e) {
        return new RunOutcome.Failed(e);
      } catch (RuntimeException e) {
        return new RunOutcome.Failed(
            new TaskforceException("model " + agent.model.id() + " failed: " + e, e));
      }
      AssistantMessage answer = response.message();
      messages.add(answer);
      if (answer.hasToolCalls()) {
        RunOutcome stop = runTools(answer.toolCalls());
        if (stop != null) {
          return stop;
        }
        continue;
      }
      if (answer.refusal() != null) {
        return new RunOutcome.Refused(answer.refusal());
      }
      if (response.finishReason() == FinishReason.CONTENT_FILTER) {
        return new RunOutcome.ContentFiltered();
      }
      String text = answer.text() == null ? "" : answer.text();
      if (response.finishReason() == FinishReason.LENGTH) {
        return new RunOutcome.OutputTruncated(text, response.usage().reasoningTokens());
      }
      RunOutcome done = answer(text);
      if (done != null) {
        return done;
      }
    }
  }

  private ChatResponse callModel() {
    Integer requestedOut = agent.maxOutputTokens;
    long outForWindow = requestedOut != null ? requestedOut : info.maxOutputTokens();
    long maxPrompt = info.contextLength() > 0 ? info.contextLength() - outForWindow : 0;
    List<Message> toSend =
        ContextFit.fit(agent.contextPolicy, agent.model.id(), messages, specs, maxPrompt);
    Ledger.Reservation reservation =
        ledger.reserve(
            role, info, TokenEstimate.of(toSend, specs), requestedOut == null ? 0 : requestedOut);
    ChatRequest.Builder b =
        ChatRequest.builder()
            .messages(toSend)
            .tools(specs)
            .cancellation(token)
            .retryListener(
                (attempt, delay, cause) ->
                    emit(
                        new RunEvent.ModelRetried(
                            runId,
                            stepId,
                            now(),
                            role,
                            agent.model.id(),
                            attempt,
                            delay,
                            cause.getClass().getSimpleName() + " " + cause.status())));
    if (agent.reasoningEffort != null) {
      b.reasoning(ReasoningConfig.effort(agent.reasoningEffort));
    }
    long affordable = reservation.maxOutputTokens();
    if (requestedOut != null
        || (affordable > 0 && affordable < info.maxOutputTokens())
        || (affordable > 0
            && info.maxOutputTokens() == 0
            && ledger.budget().maxCostUsd() != null)) {
      b.maxOutputTokens((int) Math.min(Integer.MAX_VALUE, affordable));
    }
    if (output != null) {
      b.responseFormat(output.responseFormat(info.supportsJsonSchema()));
    }
    ChatRequest chat = b.build();
    Instant t0 = now();
    ChatResponse response;
    try {
      response =
          request.stream() != null
              ? agent.model.stream(chat, request.stream())
              : agent.model.chat(chat);
    } catch (RuntimeException e) {
      reservation.release();
      throw e;
    }
    reservation.settle(response.usage());
    turns++;
    usage = usage.plus(response.usage());
    String served = response.model() != null ? response.model() : agent.model.id();
    usageByModel.merge(served, response.usage(), Usage::plus);
    emit(
        new RunEvent.ModelCalled(
            runId,
            stepId,
            now(),
            role,
            served,
            turns,
            response.usage(),
            Duration.between(t0, now()),
            response.finishReason()));
    log.debug("run {} turn {}: {} from {}", runId, turns, response.finishReason(), served);
    return response;
  }

  private @Nullable RunOutcome runTools(List<ToolCall> calls) {
    if (token.isCancelled()) {
      answerUnrun(calls, "not run: the run was cancelled");
      return cancelled();
    }
    try {
      ledger.chargeToolCalls(calls.size());
    } catch (BudgetExceededException e) {
      answerUnrun(calls, "not run: the run's tool call limit was reached");
      return limit(e.limit(), e.getMessage());
    }
    ToolContext.Builder ctx = ToolContext.builder().runId(runId).stepId(stepId).cancellation(token);
    for (Map.Entry<Class<?>, Object> v : request.values().entrySet()) {
      putValue(ctx, v.getKey(), v.getValue());
    }
    List<ToolCallResult> results = agent.tools.run(calls, ctx.build(), new Events());
    for (ToolCallResult r : results) {
      toolCalls.add(r);
      messages.add(r.toMessage());
    }
    return token.isCancelled() ? cancelled() : null;
  }

  private @Nullable RunOutcome answer(String text) {
    if (output == null) {
      @SuppressWarnings("unchecked") // Without an output type, T is String.
      T t = (T) text;
      value = t;
      return new RunOutcome.Completed();
    }
    OutputType.Parsed<T> parsed = output.parse(text);
    if (parsed instanceof OutputType.Parsed.Valid<T> valid) {
      value = valid.value();
      return new RunOutcome.Completed();
    }
    OutputType.Parsed.Invalid<T> invalid = (OutputType.Parsed.Invalid<T>) parsed;
    if (repairs < agent.outputRetries) {
      repairs++;
      log.debug(
          "run {}: invalid {} answer, asking for repair {}",
          runId,
          output.type().getSimpleName(),
          repairs);
      messages.add(UserMessage.of(output.repairMessage(invalid.problems())));
      return null;
    }
    return new RunOutcome.InvalidOutput(
        new OutputValidationException(output.type(), invalid.raw(), invalid.problems()));
  }

  /** Answers calls that will not run, so the transcript stays valid to continue. */
  private void answerUnrun(List<ToolCall> calls, String why) {
    for (ToolCall c : calls) {
      messages.add(new ToolResultMessage(c.id(), c.name(), why, true));
    }
  }

  private RunOutcome cancelled() {
    if (wallTimeExpired) {
      return limit(
          Limit.WALL_TIME,
          "the wall-time budget of " + ledger.budget().maxWallTime() + " is spent");
    }
    return new RunOutcome.Cancelled();
  }

  private RunOutcome limit(Limit limit, String detail) {
    emit(new RunEvent.LimitReached(runId, stepId, now(), limit, detail));
    return new RunOutcome.LimitReached(limit, detail);
  }

  private @Nullable ScheduledFuture<?> startWatchdog() {
    Duration max = ledger.budget().maxWallTime();
    if (max == null) {
      return null;
    }
    long remaining = max.minus(ledger.elapsed()).toMillis();
    return Concurrency.scheduler()
        .schedule(
            () -> {
              wallTimeExpired = true;
              token.cancel();
            },
            Math.max(0, remaining),
            TimeUnit.MILLISECONDS);
  }

  private void emit(RunEvent event) {
    events.onEvent(event);
  }

  private Instant now() {
    return agent.clock.instant();
  }

  @SuppressWarnings("unchecked") // The request's map holds each value under its own class.
  private static <V> void putValue(ToolContext.Builder ctx, Class<V> type, Object value) {
    ctx.value(type, (V) value);
  }

  private static void restore(String key, @Nullable String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }

  /** Turns tool call notifications into events, with the run's ids in the MDC of tool threads. */
  private final class Events implements ToolRunListener {
    @Override
    public void onStart(ToolCall call) {
      MDC.put(MDC_RUN_ID, runId);
      if (stepId != null) {
        MDC.put(MDC_STEP_ID, stepId);
      }
      emit(new RunEvent.ToolCallStarted(runId, stepId, now(), call));
    }

    @Override
    public void onFinish(ToolCallResult result) {
      emit(
          new RunEvent.ToolCallFinished(
              runId, stepId, now(), result.call(), result.result().isError(), result.elapsed()));
    }
  }
}
