package dev.taskforce.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted Taskforce model that answers with {@code toolTurns} tool calls, each with its own
 * reasoning (a summary, and an encrypted item with fields no client knows and numbers such as
 * {@code 2.50}), then a text answer; and checks that every later request carries each earlier
 * assistant turn's reasoning back exactly: the same items, JSON-equal and byte-equal, in order.
 */
final class ReasoningCheckingModel implements ChatModel {

  private final int toolTurns;
  private final String tool;
  private final AtomicInteger turn = new AtomicInteger();
  private final Map<String, Reasoning> issued = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicInteger verified = new AtomicInteger();
  private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

  ReasoningCheckingModel(int toolTurns, String tool) {
    this.toolTurns = toolTurns;
    this.tool = tool;
  }

  /** Assistant turns that came back exactly as issued. */
  int verified() {
    return verified.get();
  }

  /** What came back altered, dropped or unknown; empty when everything was right. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  static Reasoning reasoningFor(int n) {
    return new Reasoning(
        "Step " + n + ": I need another lookup.",
        List.of(
            ReasoningDetail.fromJson(
                "{\"type\":\"reasoning.summary\",\"summary\":\"Step "
                    + n
                    + "\",\"format\":\"openai-responses-v1\",\"index\":0}"),
            ReasoningDetail.fromJson(
                "{\"type\":\"reasoning.encrypted\",\"data\":\"gAAAAB"
                    + "x".repeat(n)
                    + "==\",\"id\":\"rs_"
                    + n
                    + "\",\"format\":\"openai-responses-v1\",\"index\":1,"
                    + "\"future_field\":{\"weight\":2.50,\"list\":[1,2.0,null]}}")));
  }

  @Override
  public String id() {
    return "openai/gpt-5.4-mini";
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    requests.add(request);
    check(request.messages());
    int n = turn.incrementAndGet();
    Usage usage = new Usage(100, 20, 0, 10, new BigDecimal("0.0010"));
    if (n > toolTurns) {
      Reasoning r = new Reasoning("Enough.", List.of());
      return new ChatResponse(
          new AssistantMessage("The answer is 42.", List.of(), null, r),
          FinishReason.STOP,
          "completed",
          usage,
          id(),
          "OpenAI",
          "gen-" + n);
    }
    String callId = "call_" + n;
    Reasoning r = reasoningFor(n);
    issued.put(callId, r);
    return new ChatResponse(
        new AssistantMessage(
            null, List.of(new ToolCall(callId, tool, "{\"n\":" + n + "}")), null, r),
        FinishReason.TOOL_CALLS,
        "completed",
        usage,
        id(),
        "OpenAI",
        "gen-" + n);
  }

  private void check(List<Message> messages) {
    for (Message m : messages) {
      if (!(m instanceof AssistantMessage a) || !a.hasToolCalls()) {
        continue;
      }
      String id = a.toolCalls().get(0).id();
      Reasoning expected = issued.get(id);
      if (expected == null) {
        problems.add(id + ": reasoning for a turn this model never issued");
        continue;
      }
      List<String> here = new ArrayList<>();
      if (!java.util.Objects.equals(expected.text(), a.reasoning().text())) {
        here.add(id + ": reasoning text was " + a.reasoning().text());
      }
      List<ReasoningDetail> got = a.reasoning().details();
      if (got.size() != expected.details().size()) {
        here.add(id + ": " + got.size() + " items instead of " + expected.details().size());
      } else {
        for (int i = 0; i < got.size(); i++) {
          JsonNode want = Json.parse(expected.details().get(i).json());
          if (!Json.parse(got.get(i).json()).equals(want)) {
            here.add(id + ": item " + i + " altered: " + got.get(i).json());
          } else if (!got.get(i).json().equals(expected.details().get(i).json())) {
            here.add(id + ": item " + i + " not byte-equal: " + got.get(i).json());
          }
        }
      }
      if (here.isEmpty()) {
        verified.incrementAndGet();
      }
      problems.addAll(here);
    }
  }
}
