package dev.taskforce.test;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.Reasoning;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelInfo;
import java.util.Locale;

/** One queued answer of a {@link ScriptedModel}. */
sealed interface ModelAnswer {

  /** A scripted turn, made concrete for the request it answers. */
  record Turn(ScriptedTurn turn) implements ModelAnswer {
    @Override
    public String toString() {
      return turn.toString();
    }
  }

  /** A response served exactly as given. */
  record Response(ChatResponse response) implements ModelAnswer {
    @Override
    public String toString() {
      return "ChatResponse[" + Texts.describe(response.message()) + "]";
    }
  }

  /** An exception thrown instead of answering. */
  record Failure(RuntimeException exception) implements ModelAnswer {
    @Override
    public String toString() {
      return "failure " + exception.getClass().getSimpleName();
    }
  }

  /**
   * The response for a request, as the OpenRouter client would have read it had {@link
   * FakeOpenRouter} served the turn: the same defaults for finish reasons, usage (priced from the
   * model's info), ids and OpenAI-style reasoning items (which share index 0 when streamed).
   */
  static ChatResponse respond(
      ScriptedTurn turn, ChatRequest request, boolean streaming, ModelInfo info, Ids ids) {
    int promptChars = new Conversation(request.messages()).toJson().length();
    Completion c = Completion.resolve(turn, info.id(), promptChars, streaming, ids, info.pricing());
    AssistantMessage message =
        new AssistantMessage(
            c.text(),
            c.toolCalls(),
            c.refusal(),
            new Reasoning(c.reasoningText(), c.reasoningDetails()));
    FinishReason finish =
        c.finishReason() == null
            ? FinishReason.UNKNOWN
            : FinishReason.valueOf(c.finishReason().toUpperCase(Locale.ROOT));
    return new ChatResponse(
        message, finish, c.nativeFinishReason(), c.usage(), c.model(), c.provider(), c.id());
  }
}
