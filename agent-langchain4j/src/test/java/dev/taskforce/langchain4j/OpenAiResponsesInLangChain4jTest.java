package dev.taskforce.langchain4j;

import static dev.taskforce.langchain4j.ResponsesServer.call;
import static dev.taskforce.langchain4j.ResponsesServer.message;
import static dev.taskforce.langchain4j.ResponsesServer.output;
import static dev.taskforce.langchain4j.ResponsesServer.reasoning;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.taskforce.internal.Json;
import dev.taskforce.langchain4j.ReasoningContinuityTest.Assistant;
import dev.taskforce.langchain4j.ReasoningContinuityTest.LookupTools;
import dev.taskforce.langchain4j.ReasoningContinuityTest.StreamingAssistant;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.responses.OpenAiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Taskforce's Responses API client behind LangChain4j's {@code ChatModel} and {@code
 * StreamingChatModel}: an {@code AiServices} tool loop of three tool turns against a local server
 * that enforces OpenAI's reasoning-item pairing, with the items carried in {@code AiMessage}
 * attributes and sent back verbatim and in place.
 */
class OpenAiResponsesInLangChain4jTest {

  // Turn 1 interleaves reasoning and calls; turn 2 has a commentary message between them.
  static final String RS_A = reasoning("rs_A", "One and two first", "gAAAA-A");
  static final String FC_1 = call("fc_1", "call_1", "lookup", "{\"n\":1}");
  static final String RS_B = reasoning("rs_B", "Now two", "gAAAA-B");
  static final String FC_2 = call("fc_2", "call_2", "lookup", "{\"n\":2}");
  static final String RS_C = reasoning("rs_C", "Need three", "gAAAA-C");
  static final String MSG_1 = message("msg_1", "commentary", "Checking one more.");
  static final String FC_3 = call("fc_3", "call_3", "lookup", "{\"n\":3}");
  static final String RS_D = reasoning("rs_D", "And four", "gAAAA-D");
  static final String FC_4 = call("fc_4", "call_4", "lookup", "{\"n\":4}");
  static final String RS_E = reasoning("rs_E", "Done", "gAAAA-E");
  static final String MSG_2 = message("msg_2", "final_answer", "The answer is 42.");

  /** Keeps what the listeners saw. */
  static final class Recording implements ChatModelListener {
    final List<ChatModelRequestContext> requests = new CopyOnWriteArrayList<>();
    final List<ChatResponse> responses = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(ChatModelRequestContext context) {
      requests.add(context);
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
      responses.add(context.chatResponse());
    }
  }

  private final ResponsesServer server =
      ResponsesServer.start(
          output(RS_A, FC_1, RS_B, FC_2),
          output(RS_C, MSG_1, FC_3),
          output(RS_D, FC_4),
          output(RS_E, MSG_2));
  private final ChatModel model =
      OpenAiResponses.builder()
          .environment(name -> null)
          .baseUrl(server.baseUrl())
          .apiKey(ResponsesServer.KEY)
          .retryPolicy(RetryPolicy.NONE)
          .build()
          .model("gpt-5.4-mini");
  private final LookupTools tools = new LookupTools();
  private final Recording listener = new Recording();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aThreeToolTurnLoopSendsEveryOutputItemBackVerbatimAndInPlace() {
    Assistant assistant =
        AiServices.builder(Assistant.class)
            .chatModel(
                TaskforceChatModel.builder(model)
                    .reasoningEffort(ReasoningEffort.HIGH)
                    .listeners(List.of(listener))
                    .build())
            .tools(tools)
            .build();

    Result<String> r = assistant.chat("What is the answer?");

    assertThat(r.content()).isEqualTo("The answer is 42.");
    assertThat(tools.calls).containsExactly(1, 2, 3, 4);
    assertThat(server.rejections()).isEmpty();
    assertThat(server.requests()).hasSize(4);
    assertLastInputKeepsEveryItemInPlace();
    assertThat(server.requests())
        .allSatisfy(b -> assertThat(b.at("/reasoning/effort").asText()).isEqualTo("high"));
    // The items of each answer are in its AiMessage, one verbatim JSON text per item.
    assertThat(listener.requests).hasSize(4);
    assertThat(listener.responses).hasSize(4);
    assertThat(items(listener.responses.get(0)))
        .isEqualTo(List.of(Json.parse(RS_A), Json.parse(FC_1), Json.parse(RS_B), Json.parse(FC_2)));
    assertThat(listener.responses.get(1).aiMessage().text()).isEqualTo("Checking one more.");
    assertThat(listener.responses.get(1).aiMessage().thinking()).isEqualTo("Need three");
    // The cost of the loop, priced from the catalog entry of gpt-5.4-mini and summed by
    // LangChain4j.
    assertThat(((TaskforceTokenUsage) r.tokenUsage()).costUsd()).isPositive();
  }

  @Test
  void theStreamingAdapterKeepsThemInPlaceToo() throws Exception {
    StreamingAssistant assistant =
        AiServices.builder(StreamingAssistant.class)
            .streamingChatModel(
                TaskforceStreamingChatModel.builder(model).listeners(List.of(listener)).build())
            .tools(tools)
            .build();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    List<String> text = new CopyOnWriteArrayList<>();

    assistant
        .chat("What is the answer?")
        .onPartialResponse(text::add)
        .onCompleteResponse(done::complete)
        .onError(done::completeExceptionally)
        .start();

    assertThat(done.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("The answer is 42.");
    assertThat(String.join("", text)).endsWith("The answer is 42.");
    assertThat(tools.calls).containsExactly(1, 2, 3, 4);
    assertThat(server.rejections()).isEmpty();
    assertLastInputKeepsEveryItemInPlace();
    assertThat(listener.responses).hasSize(4);
  }

  /** The last request carries turns 1-3: each item as issued, each call output after its call. */
  private void assertLastInputKeepsEveryItemInPlace() {
    JsonNode input = server.requests().get(3).get("input");
    List<JsonNode> expected = new ArrayList<>();
    expected.add(input.get(0)); // the user message
    for (String item : List.of(RS_A, FC_1, RS_B, FC_2)) {
      expected.add(Json.parse(item));
    }
    expected.add(callOutput("call_1", "value 1"));
    expected.add(callOutput("call_2", "value 2"));
    for (String item : List.of(RS_C, MSG_1, FC_3)) {
      expected.add(Json.parse(item));
    }
    expected.add(callOutput("call_3", "value 3"));
    expected.add(Json.parse(RS_D));
    expected.add(Json.parse(FC_4));
    expected.add(callOutput("call_4", "value 4"));
    assertThat(input.get(0).path("role").asText()).isEqualTo("user");
    assertThat(List.copyOf(toList(input))).isEqualTo(expected);
  }

  private static JsonNode callOutput(String callId, String output) {
    return Json.MAPPER
        .createObjectNode()
        .put("type", "function_call_output")
        .put("call_id", callId)
        .put("output", output);
  }

  private static List<JsonNode> items(ChatResponse response) {
    @SuppressWarnings("unchecked") // The adapter writes this attribute as a List<String>.
    List<String> texts =
        (List<String>) response.aiMessage().attributes().get(LangChain4j.REASONING_DETAILS);
    return texts.stream().map(Json::parse).toList();
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
