package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import dev.taskforce.message.ToolCall;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.ReasoningCheck;
import dev.taskforce.test.RecordedRequest;
import dev.taskforce.test.ScriptedTurn;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same three-turn tool conversation, through the same LangChain4j {@code AiServices}, against a
 * local server speaking OpenRouter's wire format that issues {@code reasoning_details} and checks
 * they come back: LangChain4j's own {@code OpenAiChatModel} loses them on every turn; {@code
 * TaskforceChatModel} over Taskforce's OpenRouter client keeps every item.
 */
class OpenAiChatModelComparisonTest {

  private static final String MODEL = "openai/gpt-5.4-mini";

  interface Assistant {
    Result<String> chat(String message);
  }

  interface StreamingAssistant {
    TokenStream chat(String message);
  }

  static final class Tools {
    @Tool("Looks up a number")
    String lookup(int n) {
      return "value " + n;
    }
  }

  private FakeOpenRouter server;

  private void start(ReasoningCheck check) {
    server = FakeOpenRouter.builder().reasoningCheck(check).start();
    for (int i = 1; i <= 3; i++) {
      server.enqueue(
          ScriptedTurn.builder()
              .openAiReasoning("Step " + i + ": I need another lookup.")
              .toolCall(new ToolCall("call_" + i, "lookup", "{\"n\":" + i + "}"))
              .build());
    }
    server.enqueue(
        ScriptedTurn.builder().openAiReasoning("Enough.").text("The answer is 42.").build());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Assistant assistant(ChatModel model) {
    return AiServices.builder(Assistant.class).chatModel(model).tools(new Tools()).build();
  }

  private OpenAiChatModel openAiChatModel() {
    // Configured as generously as LangChain4j allows: reasoning text returned and sent back.
    return OpenAiChatModel.builder()
        .baseUrl(server.baseUrl())
        .apiKey(server.apiKey())
        .modelName(MODEL)
        .returnThinking(true)
        .sendThinking(true, "reasoning")
        .build();
  }

  private OpenRouter openRouter() {
    return OpenRouter.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
  }

  /** The assistant messages of the last request the server got. */
  private List<JsonNode> lastAssistantMessages() {
    List<RecordedRequest> chats = server.chatRequests();
    JsonNode messages = chats.get(chats.size() - 1).json().get("messages");
    List<JsonNode> out = new java.util.ArrayList<>();
    messages.forEach(
        m -> {
          if (m.path("role").asText().equals("assistant")) {
            out.add(m);
          }
        });
    return out;
  }

  @Test
  void langChain4jsOpenAiChatModelDropsTheReasoningItemsOfEveryTurn() {
    start(ReasoningCheck.LENIENT); // as OpenAI itself: a dropped item is accepted, and counted

    Result<String> r = assistant(openAiChatModel()).chat("What is the answer?");

    assertThat(r.content()).isEqualTo("The answer is 42.");
    server.assertAllScriptedTurnsUsed();
    assertThat(server.reasoningRoundTrips().verified()).isZero();
    assertThat(server.reasoningRoundTrips().dropped()).isEqualTo(6);
    assertThat(lastAssistantMessages())
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.has("reasoning_details")).isFalse());
  }

  @Test
  void againstAProviderThatRequiresReasoningOpenAiChatModelFailsOnTheSecondTurn() {
    start(ReasoningCheck.STRICT); // as Gemini through OpenRouter: dropped reasoning is a 400

    assertThatThrownBy(() -> assistant(openAiChatModel()).chat("What is the answer?"))
        .isInstanceOf(dev.langchain4j.exception.InvalidRequestException.class);
    assertThat(server.reasoningRoundTrips().rejected()).isEqualTo(1);
    assertThat(server.chatRequests()).hasSize(2);
  }

  @Test
  void taskforceChatModelKeepsEveryReasoningItemOfEveryTurn() {
    start(ReasoningCheck.STRICT);

    Result<String> r =
        assistant(LangChain4j.chatModel(openRouter().model(MODEL))).chat("What is the answer?");

    assertThat(r.content()).isEqualTo("The answer is 42.");
    server.assertAllScriptedTurnsUsed();
    assertThat(server.reasoningRoundTrips().verified()).isEqualTo(6);
    assertThat(server.reasoningRoundTrips().dropped()).isZero();
    assertThat(server.reasoningRoundTrips().rejected()).isZero();
    assertThat(lastAssistantMessages())
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.get("reasoning_details")).hasSize(2));
    assertThat(((TaskforceTokenUsage) r.tokenUsage()).costUsd()).isPositive();
  }

  @Test
  void theStreamingAdapterKeepsThemToo() throws Exception {
    start(ReasoningCheck.STRICT);
    StreamingAssistant assistant =
        AiServices.builder(StreamingAssistant.class)
            .streamingChatModel(LangChain4j.streamingChatModel(openRouter().model(MODEL)))
            .tools(new Tools())
            .build();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    assistant
        .chat("What is the answer?")
        .onCompleteResponse(done::complete)
        .onError(done::completeExceptionally)
        .start();

    assertThat(done.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("The answer is 42.");
    assertThat(server.reasoningRoundTrips().verified()).isEqualTo(6);
    assertThat(server.reasoningRoundTrips().rejected()).isZero();
  }
}
