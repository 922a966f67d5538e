package dev.taskforce.bench.perturn;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;

/** LangChain4j's {@code AiServices} on its {@code OpenAiChatModel}, pointed at the server. */
final class LangChain4jDriver implements Driver {

  /** The AI service, as a LangChain4j user declares it. */
  public interface SupportAssistant {
    @SystemMessage(Script.SYSTEM)
    String chat(String message);
  }

  private final SupportAssistant assistant;

  LangChain4jDriver(String baseUrl) {
    OpenAiChatModel model =
        OpenAiChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey("sk-or-v1-benchmark-not-a-real-key")
            .modelName(Script.MODEL)
            .build();
    this.assistant =
        AiServices.builder(SupportAssistant.class)
            .chatModel(model)
            .tools(new LangChain4jTools())
            .build();
  }

  @Override
  public String label() {
    return "LangChain4j AiServices";
  }

  @Override
  public void converse() {
    Driver.check(assistant.chat(Script.USER), label());
  }
}
