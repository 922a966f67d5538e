package dev.taskforce.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reasoning continuity through LangChain4j's own tool loop: an {@code AiServices} assistant with
 * tools, running on a Taskforce model that checks each later request carries the reasoning it
 * issued, exactly.
 */
class ReasoningContinuityTest {

  interface Assistant {
    Result<String> chat(String message);
  }

  interface StreamingAssistant {
    TokenStream chat(String message);
  }

  static final class LookupTools {
    final List<Integer> calls = new CopyOnWriteArrayList<>();

    @Tool("Looks up a number")
    String lookup(@P("which number") int n) {
      calls.add(n);
      return "value " + n;
    }
  }

  @Test
  void aThreeTurnToolLoopSendsEveryReasoningItemBackUnchanged() {
    ReasoningCheckingModel model = new ReasoningCheckingModel(3, "lookup");
    LookupTools tools = new LookupTools();
    Assistant assistant =
        AiServices.builder(Assistant.class)
            .chatModel(LangChain4j.chatModel(model))
            .tools(tools)
            .build();

    Result<String> r = assistant.chat("What is the answer?");

    assertThat(r.content()).isEqualTo("The answer is 42.");
    assertThat(tools.calls).containsExactly(1, 2, 3);
    // Request 2 carries turn 1 back, request 3 turns 1-2, request 4 turns 1-3.
    assertThat(model.problems()).isEmpty();
    assertThat(model.verified()).isEqualTo(6);
    assertThat(model.requests()).hasSize(4);
    // The cost of the whole loop, summed by LangChain4j itself.
    assertThat(((TaskforceTokenUsage) r.tokenUsage()).costUsd()).isEqualByComparingTo("0.0040");
  }

  @Test
  void reasoningSurvivesAChatMemoryThatIsSavedAndRestored() {
    ReasoningCheckingModel model = new ReasoningCheckingModel(2, "lookup");
    MessageWindowChatMemory memory = MessageWindowChatMemory.withMaxMessages(50);
    Assistant first =
        AiServices.builder(Assistant.class)
            .chatModel(LangChain4j.chatModel(model))
            .tools(new LookupTools())
            .chatMemory(memory)
            .build();
    first.chat("What is the answer?");

    // Persist the memory as a LangChain4j chat memory store would, then continue from the copy.
    String saved = ChatMessageSerializer.messagesToJson(memory.messages());
    List<ChatMessage> restored = ChatMessageDeserializer.messagesFromJson(saved);
    MessageWindowChatMemory copy = MessageWindowChatMemory.withMaxMessages(50);
    restored.forEach(copy::add);
    Assistant second =
        AiServices.builder(Assistant.class)
            .chatModel(LangChain4j.chatModel(model))
            .tools(new LookupTools())
            .chatMemory(copy)
            .build();
    Result<String> again = second.chat("Sure?");

    assertThat(again.content()).isEqualTo("The answer is 42.");
    assertThat(model.problems()).isEmpty();
    // First run: 1 + 2; the restored run's only request carries both tool turns again.
    assertThat(model.verified()).isEqualTo(3 + 2);
    AiMessage restoredTurn = (AiMessage) restored.get(1);
    assertThat(LangChain4j.reasoning(restoredTurn))
        .isEqualTo(ReasoningCheckingModel.reasoningFor(1));
  }

  @Test
  void theStreamingAdapterKeepsReasoningAcrossTheToolLoopToo() throws Exception {
    ReasoningCheckingModel model = new ReasoningCheckingModel(3, "lookup");
    StreamingAssistant assistant =
        AiServices.builder(StreamingAssistant.class)
            .streamingChatModel(
                TaskforceStreamingChatModel.builder(model).executor(Runnable::run).build())
            .tools(new LookupTools())
            .build();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    List<String> text = new CopyOnWriteArrayList<>();

    assistant
        .chat("What is the answer?")
        .onPartialResponse(text::add)
        .onCompleteResponse(done::complete)
        .onError(done::completeExceptionally)
        .start();

    ChatResponse last = done.get(10, TimeUnit.SECONDS);
    assertThat(last.aiMessage().text()).isEqualTo("The answer is 42.");
    assertThat(String.join("", text)).isEqualTo("The answer is 42.");
    assertThat(model.problems()).isEmpty();
    assertThat(model.verified()).isEqualTo(6);
  }
}
