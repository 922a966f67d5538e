package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.InsufficientCreditsException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.StreamListener;
import dev.taskforce.model.StreamTruncatedException;
import dev.taskforce.model.Usage;
import dev.taskforce.responses.OpenAiResponses;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.tool.ToolSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code /responses} endpoint, driven by agent-core's own Responses client. */
class ResponsesEndpointTest {

  private static final String MODEL = "openai/gpt-5.4-mini";
  private static final ToolSpec ADD =
      new ToolSpec(
          "add",
          "Adds two numbers",
          JsonSchema.fromJson(
              "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},"
                  + "\"b\":{\"type\":\"number\"}},\"required\":[\"a\",\"b\"],"
                  + "\"additionalProperties\":false}"),
          true);

  private final FakeOpenRouter server = FakeOpenRouter.builder().start();
  private final List<Duration> waits = new ArrayList<>();

  @AfterEach
  void close() {
    server.close();
  }

  private ChatModel model(RetryPolicy retries) {
    return OpenAiResponses.builder()
        .openRouter()
        .environment(name -> null)
        .baseUrl(server.baseUrl())
        .apiKey(server.apiKey())
        .retryPolicy(retries)
        .build()
        .model(MODEL);
  }

  private ChatModel model() {
    return model(
        RetryPolicy.DEFAULT.toBuilder().sleeper((delay, cancellation) -> waits.add(delay)).build());
  }

  private static void scriptThreeTurns(FakeOpenRouter server) {
    server.enqueue(
        ScriptedTurn.builder()
            .openAiReasoning("**Planning**\n\nFirst add 2 and 3.")
            .toolCall(new ToolCall("call_1", "add", "{\"a\":2,\"b\":3}"))
            .build(),
        ScriptedTurn.builder()
            .openAiReasoning("**Continuing**\n\nNow add 5 and 4.")
            .text("Halfway there.")
            .toolCall(new ToolCall("call_2", "add", "{\"a\":5,\"b\":4}"))
            .build(),
        ScriptedTurn.builder().openAiReasoning("**Answering**").text("The sum is 9.").build());
  }

  /** Plays the tool loop: each answer and a tool result are added to the conversation. */
  private static ChatResponse converse(ChatModel model, boolean stream, StreamListener listener) {
    List<Message> messages = new ArrayList<>(List.of(UserMessage.of("Add 2, 3 and 4")));
    for (String result : new String[] {"5", "9"}) {
      ChatResponse r = ask(model, messages, stream, listener);
      assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
      messages.add(r.message());
      ToolCall call = r.message().toolCalls().get(0);
      messages.add(new ToolResultMessage(call.id(), call.name(), result, false));
    }
    return ask(model, messages, stream, listener);
  }

  private static ChatResponse ask(
      ChatModel model, List<Message> messages, boolean stream, @Nullable StreamListener listener) {
    ChatRequest request = ChatRequest.builder().messages(messages).tools(List.of(ADD)).build();
    return stream && listener != null ? model.stream(request, listener) : model.chat(request);
  }

  @Test
  void aThreeTurnToolLoopThroughTheResponsesClientVerifiesEveryReasoningItem() {
    scriptThreeTurns(server);

    ChatResponse last = converse(model(), false, new StreamListener() {});

    assertThat(last.message().text()).isEqualTo("The sum is 9.");
    assertThat(last.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(last.message().reasoning().text()).isEqualTo("**Answering**");
    assertThat(last.id()).startsWith("resp_");
    assertThat(last.usage().reasoningTokens()).isPositive();
    assertThat(last.usage().costUsd()).isPositive();
    // Request 2 carries turn 1 back, request 3 turns 1 and 2.
    assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(3, 0, 0));
    List<RecordedRequest> requests = server.responsesRequests();
    assertThat(requests).hasSize(3);
    assertThat(server.chatRequests()).isEmpty();
    JsonNode input = requests.get(2).json().get("input");
    assertThat(types(input))
        .containsExactly(
            "message",
            "reasoning",
            "function_call",
            "function_call_output",
            "reasoning",
            "message",
            "function_call",
            "function_call_output");
    assertThat(input.get(1).path("encrypted_content").asText()).startsWith("gAAAAAB");
    assertThat(requests.get(0).json().path("tools").get(0).path("name").asText()).isEqualTo("add");
    server.assertAllScriptedTurnsUsed();
  }

  @Test
  void aStreamedToolLoopMergesToTheSameAnswersAndRoundTripsTheReasoning() {
    scriptThreeTurns(server);
    StringBuilder text = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    StringBuilder arguments = new StringBuilder();
    StreamListener listener =
        new StreamListener() {
          @Override
          public void onText(String delta) {
            text.append(delta);
          }

          @Override
          public void onReasoning(String delta) {
            reasoning.append(delta);
          }

          @Override
          public void onToolCall(
              int index, @Nullable String id, @Nullable String name, String argumentsDelta) {
            arguments.append(argumentsDelta);
          }
        };

    ChatResponse last = converse(model(), true, listener);

    assertThat(last.message().text()).isEqualTo("The sum is 9.");
    assertThat(text.toString()).isEqualTo("Halfway there.The sum is 9.");
    assertThat(arguments.toString()).isEqualTo("{\"a\":2,\"b\":3}{\"a\":5,\"b\":4}");
    assertThat(reasoning.toString())
        .isEqualTo(
            "**Planning**\n\nFirst add 2 and 3.**Continuing**\n\nNow add 5 and 4.**Answering**");
    // The encrypted content of each .added event is cut short; only the .done one verifies.
    assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(3, 0, 0));
  }

  @Test
  void aTamperedReasoningItemIsRejectedAsUnverifiable() {
    server.enqueue(
        ScriptedTurn.builder()
            .openAiReasoning("Call the tool.")
            .toolCall(new ToolCall("call_1", "add", "{\"a\":2,\"b\":3}"))
            .build());
    ChatModel model = model(RetryPolicy.NONE);
    List<Message> messages = new ArrayList<>(List.of(UserMessage.of("Add 2 and 3")));
    AssistantMessage answer = ask(model, messages, false, null).message();
    List<ReasoningDetail> items = new ArrayList<>();
    for (ReasoningDetail d : answer.reasoning().details()) {
      ObjectNode item = (ObjectNode) Json.parse(d.json());
      if (item.path("type").asText().equals("reasoning")) {
        item.put("encrypted_content", item.get("encrypted_content").asText() + "x");
      }
      items.add(ReasoningDetail.fromTree(item));
    }
    messages.add(
        new AssistantMessage(
            answer.text(),
            answer.toolCalls(),
            answer.refusal(),
            new Reasoning(answer.reasoning().text(), items)));
    messages.add(new ToolResultMessage("call_1", "add", "5", false));

    assertThatThrownBy(() -> ask(model, messages, false, null))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("could not be verified")
        .hasMessageContaining("encrypted_content")
        .hasMessageContaining("was altered at character 187");
    assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(0, 0, 1));
  }

  @Test
  void aRateLimitIsRetriedAfterItsRetryAfter() {
    server.enqueue(Fault.rateLimited(Duration.ofSeconds(3)), ScriptedTurn.ofText("Hello"));

    ChatResponse r = ask(model(), List.of(UserMessage.of("Hi")), true, new StreamListener() {});

    assertThat(r.message().text()).isEqualTo("Hello");
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
    assertThat(server.responsesRequests()).hasSize(2);
  }

  @Test
  void eachFaultReachesTheClientAsItsTypedException() {
    ChatModel model = model(RetryPolicy.NONE);
    server.enqueue(
        Fault.rateLimited(Duration.ofSeconds(2)),
        Fault.serverError(503),
        Fault.insufficientCredits(4000, 100),
        Fault.errorInBody(502, "Provider returned error"),
        Fault.errorInBody(502, "Provider returned error"),
        Fault.failedMidResponse("Half an ans"),
        Fault.failedMidResponse("Half an ans"),
        Fault.truncated("Half an ans"),
        Fault.truncated("Half an ans"));

    assertThatThrownBy(() -> ask(model, hi(), false, null))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2)));
    assertThatThrownBy(() -> ask(model, hi(), true, new StreamListener() {}))
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThatThrownBy(() -> ask(model, hi(), false, null))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessageContaining("can only afford 100");
    assertThatThrownBy(() -> ask(model, hi(), false, null)) // 200 whose body is an error
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> assertThat(e.origin()).isEqualTo(ErrorOrigin.RESPONSE_BODY));
    assertThatThrownBy(() -> ask(model, hi(), true, new StreamListener() {})) // an error event
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> assertThat(e.origin()).isEqualTo(ErrorOrigin.STREAM));
    assertThatThrownBy(() -> ask(model, hi(), false, null)) // status: failed
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> assertThat(e.status()).isEqualTo(502)); // from OpenRouter's error_type
    StringBuilder partial = new StringBuilder();
    StreamListener collect =
        new StreamListener() {
          @Override
          public void onText(String delta) {
            partial.append(delta);
          }
        };
    assertThatThrownBy(() -> ask(model, hi(), true, collect)) // response.failed mid-stream
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> assertThat(e.origin()).isEqualTo(ErrorOrigin.STREAM));
    assertThat(partial.toString()).isEqualTo("Half an ans");
    assertThatThrownBy(() -> ask(model, hi(), true, new StreamListener() {}))
        .isInstanceOf(StreamTruncatedException.class);
    assertThatThrownBy(() -> ask(model, hi(), false, null))
        .isInstanceOf(dev.taskforce.model.ModelException.class);
    server.assertAllScriptedTurnsUsed();
  }

  @Test
  void anIncompleteAnswerReportsLengthAndTheScriptedUsage() {
    server.enqueue(
        ScriptedTurn.builder()
            .text("Cut")
            .finishReason(FinishReason.LENGTH)
            .usage(new Usage(120, 16, 100, 12, new BigDecimal("0.0001")))
            .build());

    ChatResponse r = ask(model(), hi(), false, null);

    assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(r.nativeFinishReason()).isEqualTo("max_output_tokens");
    assertThat(r.usage()).isEqualTo(new Usage(120, 16, 100, 12, new BigDecimal("0.0001")));
  }

  private static List<Message> hi() {
    return List.of(UserMessage.of("Hi"));
  }

  private static List<String> types(JsonNode input) {
    List<String> out = new ArrayList<>();
    input.forEach(item -> out.add(item.path("type").asText()));
    return out;
  }
}
