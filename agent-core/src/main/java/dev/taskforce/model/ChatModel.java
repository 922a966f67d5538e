package dev.taskforce.model;

/**
 * A chat model: the one interface every provider implements.
 *
 * <p>Implementations are thread-safe; one instance serves any number of concurrent calls. Calls
 * block the calling thread until the model has answered (on Java 21+ Taskforce runs them on virtual
 * threads). Failures are {@link ModelException}s that say whether a retry can help; a call whose
 * {@link ChatRequest#cancellation()} is cancelled stops promptly with a {@link
 * dev.taskforce.cancel.CancelledException}.
 */
public interface ChatModel {

  /**
   * The model's id as its provider names it, for example {@code openai/gpt-5.4-mini}.
   *
   * @return the id
   */
  String id();

  /**
   * What is known about this model: context window, output limit, prices, reasoning efforts.
   *
   * @return the catalog entry, or {@link ModelInfo#unknown(String)} when the model is not in any
   *     catalog
   */
  default ModelInfo info() {
    return ModelInfo.unknown(id());
  }

  /**
   * Sends a request and waits for the whole answer.
   *
   * @param request the request
   * @return the model's answer
   * @throws ModelException if the provider failed or answered with an error
   */
  ChatResponse chat(ChatRequest request);

  /**
   * Sends a request and streams the answer to a listener as it arrives.
   *
   * <p>The listener is called on the calling thread, in arrival order. The returned response is the
   * same one {@link #chat} would have returned. The default implementation calls {@link #chat} and
   * delivers the whole answer at once; streaming providers override it.
   *
   * @param request the request
   * @param listener receives text, reasoning and tool-call pieces
   * @return the merged answer
   * @throws ModelException if the provider failed, before or during the stream
   */
  default ChatResponse stream(ChatRequest request, StreamListener listener) {
    ChatResponse response = chat(request);
    StreamListener.replay(response, listener);
    return response;
  }
}
