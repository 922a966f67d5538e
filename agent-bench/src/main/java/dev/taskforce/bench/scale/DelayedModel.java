package dev.taskforce.bench.scale;

import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * An in-process model that answers each call after a fixed latency, spent in {@link Thread#sleep}
 * (on a virtual thread that frees its carrier), following {@link ThreeTurns}.
 */
final class DelayedModel implements ChatModel {

  private static final Usage USAGE = new Usage(120, 20, 0, 0, BigDecimal.ZERO);

  private final Duration latency;
  private final InFlight inFlight;

  DelayedModel(Duration latency, InFlight inFlight) {
    this.latency = latency;
    this.inFlight = inFlight;
  }

  @Override
  public String id() {
    return "bench/in-process";
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    inFlight.enter();
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while simulating the model");
    } finally {
      inFlight.exit();
    }
    int turn = ThreeTurns.turn(request.messages());
    if (ThreeTurns.answers(turn)) {
      return new ChatResponse(
          AssistantMessage.of(ThreeTurns.ANSWER), FinishReason.STOP, null, USAGE, id(), null, null);
    }
    ToolCall call = new ToolCall("call_" + turn, ThreeTurns.TOOL, ThreeTurns.arguments(turn));
    return new ChatResponse(
        new AssistantMessage(null, List.of(call), null, Reasoning.NONE),
        FinishReason.TOOL_CALLS,
        null,
        USAGE,
        id(),
        null,
        null);
  }
}
