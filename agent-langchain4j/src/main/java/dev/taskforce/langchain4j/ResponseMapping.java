package dev.taskforce.langchain4j;

import dev.langchain4j.model.output.FinishReason;
import dev.taskforce.model.ChatResponse;

/** Maps a Taskforce response to a LangChain4j one. */
final class ResponseMapping {

  private ResponseMapping() {}

  /**
   * Maps a response: the assistant message (reasoning in its attributes), the model that served (or
   * {@code modelId} when not reported), the generation id, usage with cost, and finish reasons.
   */
  static dev.langchain4j.model.chat.response.ChatResponse toLangChain4j(
      ChatResponse response, String modelId) {
    TaskforceChatResponseMetadata metadata =
        TaskforceChatResponseMetadata.builder()
            .id(response.id())
            .modelName(response.model() != null ? response.model() : modelId)
            .tokenUsage(new TaskforceTokenUsage(response.usage()))
            .finishReason(finishReason(response.finishReason()))
            .provider(response.provider())
            .nativeFinishReason(response.nativeFinishReason())
            .build();
    return dev.langchain4j.model.chat.response.ChatResponse.builder()
        .aiMessage(MessageMapping.aiMessage(response.message()))
        .metadata(metadata)
        .build();
  }

  static FinishReason finishReason(dev.taskforce.model.FinishReason reason) {
    switch (reason) {
      case STOP:
        return FinishReason.STOP;
      case TOOL_CALLS:
        return FinishReason.TOOL_EXECUTION;
      case LENGTH:
        return FinishReason.LENGTH;
      case CONTENT_FILTER:
        return FinishReason.CONTENT_FILTER;
      default:
        return FinishReason.OTHER;
    }
  }
}
