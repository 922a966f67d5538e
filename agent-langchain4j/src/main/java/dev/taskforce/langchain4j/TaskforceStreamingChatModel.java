package dev.taskforce.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A Taskforce {@link ChatModel} as a LangChain4j {@link StreamingChatModel}.
 *
 * <pre>{@code
 * StreamingChatModel model = LangChain4j.streamingChatModel(openRouter.model("openai/gpt-5.4-mini"));
 * model.chat("Tell me a story", handler);
 * }</pre>
 *
 * <p>Requests and responses are mapped exactly as by {@link TaskforceChatModel} (reasoning in AI
 * message attributes, cost in {@link TaskforceTokenUsage}). The call runs on the builder's executor
 * (Taskforce's shared one by default: virtual threads on Java 21+), so {@code chat} returns at
 * once; the handler then gets, on that thread and in order, partial text ({@code
 * onPartialResponse}), partial reasoning ({@code onPartialThinking}) and partial tool calls as they
 * arrive, then {@code onCompleteToolCall} for each tool call and {@code onCompleteResponse}, or a
 * single {@code onError}. The {@code StreamingHandle} in each partial callback's context cancels
 * the underlying call; nothing is delivered after a cancel.
 *
 * <p>Immutable and thread-safe, like the model it wraps.
 */
public final class TaskforceStreamingChatModel implements StreamingChatModel {

  private final AdapterSettings settings;

  private TaskforceStreamingChatModel(AdapterSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts configuring an adapter over a Taskforce model.
   *
   * @param model the model that serves every call
   * @return a builder
   */
  public static Builder builder(ChatModel model) {
    return new Builder(model);
  }

  /**
   * The Taskforce model this adapter calls.
   *
   * @return the model
   */
  public ChatModel taskforceModel() {
    return settings.model();
  }

  /**
   * Starts a streamed call and returns at once. LangChain4j's {@code chat} methods call this after
   * the listeners' {@code onRequest}; they call {@code onResponse} or {@code onError} when the
   * handler gets its last callback. A request Taskforce cannot send is reported to {@code
   * handler.onError}.
   *
   * @param request the request, with the default parameters applied
   * @param handler receives the pieces and the outcome
   */
  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    StreamBridge.start(request, settings, handler);
  }

  /**
   * The default parameters: the model's id as the model name, plus those set on the builder.
   *
   * @return the parameters
   */
  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return settings.defaults();
  }

  /**
   * The listeners set on the builder.
   *
   * @return the listeners, in order
   */
  @Override
  public List<ChatModelListener> listeners() {
    return settings.listeners();
  }

  /**
   * {@link ModelProvider#OTHER}: Taskforce may route to any provider.
   *
   * @return {@code OTHER}
   */
  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  /**
   * JSON schema response formats when the model's catalog entry says it takes them.
   *
   * @return the capabilities
   */
  @Override
  public Set<Capability> supportedCapabilities() {
    return settings.capabilities();
  }

  @Override
  public String toString() {
    return "TaskforceStreamingChatModel{" + settings.model().id() + "}";
  }

  /** Configures a {@link TaskforceStreamingChatModel}. Not thread-safe. */
  public static final class Builder {
    private final AdapterSettings.Draft draft;

    private Builder(ChatModel model) {
      this.draft = new AdapterSettings.Draft(model);
    }

    /**
     * Sets the listeners called around each call, replacing any set before.
     *
     * @param listeners the listeners, in order
     * @return this builder
     */
    public Builder listeners(List<ChatModelListener> listeners) {
      draft.listeners(listeners);
      return this;
    }

    /**
     * Sets default request parameters, which a request's own parameters override.
     *
     * @param parameters the defaults; their model name, if set, must be the model's id
     * @return this builder
     */
    public Builder defaultRequestParameters(ChatRequestParameters parameters) {
      draft.defaults(parameters);
      return this;
    }

    /**
     * Sets the reasoning effort used when a request names none.
     *
     * @param effort the effort, or {@code null} for the provider's default
     * @return this builder
     */
    public Builder reasoningEffort(@Nullable ReasoningEffort effort) {
      draft.reasoningEffort(effort);
      return this;
    }

    /**
     * Sets whether tools whose specification leaves {@code strict} unset are sent strict. Default
     * {@code true}.
     *
     * @param strict whether such tools are strict
     * @return this builder
     */
    public Builder strictTools(boolean strict) {
      draft.strictTools(strict);
      return this;
    }

    /**
     * Sets whether JSON schema response formats are sent strict. Default {@code true}.
     *
     * @param strict whether schemas are strict
     * @return this builder
     */
    public Builder strictJsonSchema(boolean strict) {
      draft.strictJsonSchema(strict);
      return this;
    }

    /**
     * Sets where calls run. Default: Taskforce's shared executor.
     *
     * @param executor runs each call; it must not run tasks on the calling thread if callers expect
     *     {@code chat} to return before the answer
     * @return this builder
     */
    public Builder executor(Executor executor) {
      draft.executor(executor);
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @return the adapter
     * @throws IllegalArgumentException if the default parameters name another model
     */
    public TaskforceStreamingChatModel build() {
      return new TaskforceStreamingChatModel(draft.build());
    }
  }
}
