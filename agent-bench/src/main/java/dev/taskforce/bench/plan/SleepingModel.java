package dev.taskforce.bench.plan;

import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model whose every call sleeps for a fixed latency, then answers: as the planner with the plan
 * (first call) or the final answer (any later call), as an executor with a short text. Records the
 * start and end of every call, labelled {@code planner} or with the step id.
 */
final class SleepingModel implements ChatModel {

  private static final Pattern STEP = Pattern.compile("Your step \\((s\\d+)\\)");
  static final String PLANNER = "planner";

  /** One model call as measured. */
  record Call(String label, long startNanos, long endNanos) {
    long nanos() {
      return endNanos - startNanos;
    }
  }

  private final String id;
  private final long latencyNanos;
  private final String planJson;
  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

  private SleepingModel(String id, Duration latency, String planJson) {
    this.id = id;
    this.latencyNanos = latency.toNanos();
    this.planJson = planJson;
  }

  static SleepingModel planner(Duration latency, PlanShape plan) {
    return new SleepingModel("bench/planner", latency, plan.plannerJson());
  }

  static SleepingModel executor(Duration latency) {
    return new SleepingModel("bench/executor", latency, "");
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    long start = System.nanoTime();
    sleep();
    String label;
    String text;
    if (planJson.isEmpty()) {
      label = stepId(request.messages());
      text = "Result of " + label + ": done.";
    } else {
      label = PLANNER;
      boolean reviewing = request.messages().stream().anyMatch(m -> m instanceof AssistantMessage);
      text = reviewing ? "{\"kind\":\"answer\",\"steps\":null,\"answer\":\"all done\"}" : planJson;
    }
    calls.add(new Call(label, start, System.nanoTime()));
    return new ChatResponse(
        AssistantMessage.of(text), FinishReason.STOP, null, Usage.ZERO, id, null, null);
  }

  private void sleep() {
    try {
      Thread.sleep(latencyNanos / 1_000_000, (int) (latencyNanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while simulating the model");
    }
  }

  private static String stepId(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage u) {
        Matcher m = STEP.matcher(u.text());
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new IllegalStateException("the executor's request names no step");
  }
}
