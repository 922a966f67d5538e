package dev.taskforce.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Taskforce {@link ChatModel} as a LangChain4j {@link dev.langchain4j.model.chat.ChatModel}: use
 * Taskforce's clients (OpenRouter, or the OpenAI Responses API through {@code OpenAiResponses}:
 * reasoning continuity, cost, retries) from LangChain4j code such as {@code AiServices}.
 *
 * <pre>{@code
 * dev.langchain4j.model.chat.ChatModel model =
 *     LangChain4j.chatModel(OpenRouter.builder().build().model("openai/gpt-5.4-mini"));
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .tools(new OrderTools())
 *     .build();
 * }</pre>
 *
 * <p>What the adapter maps, and how, is listed in {@code docs/langchain4j.md}. In short: each AI
 * message it returns carries the model's reasoning in its attributes ({@link
 * LangChain4j#REASONING_DETAILS}, {@link LangChain4j#REASONING_TEXT}) and its text as {@code
 * thinking()}; when a later request contains that message (as a chat memory does), the reasoning is
 * sent back to the provider unchanged (over the Responses API: every output item, in its place).
 * Responses have {@link TaskforceChatResponseMetadata} and {@link TaskforceTokenUsage} (with the
 * cost in dollars). Registered {@link ChatModelListener}s are called by LangChain4j's own {@code
 * chat} methods around each call. Failures are LangChain4j exceptions ({@code RateLimitException},
 * {@code InvalidRequestException}, ...) whose cause is the Taskforce {@link
 * dev.taskforce.model.ModelException}.
 *
 * <p>Immutable and thread-safe, like the model it wraps.
 */
public final class TaskforceChatModel implements dev.langchain4j.model.chat.ChatModel {

  private final AdapterSettings settings;

  private TaskforceChatModel(AdapterSettings settings) {
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
   * Calls the Taskforce model. LangChain4j's {@code chat} methods call this between the listeners'
   * {@code onRequest} and {@code onResponse}/{@code onError}.
   *
   * @param request the request, with the default parameters applied
   * @return the response
   * @throws IllegalArgumentException if the request names another model or has content Taskforce
   *     cannot send
   * @throws dev.langchain4j.exception.LangChain4jException if the model call failed
   */
  @Override
  public ChatResponse doChat(ChatRequest request) {
    dev.taskforce.model.ChatRequest tf =
        RequestMapping.toTaskforce(request, settings, CancellationToken.NONE);
    try {
      return ResponseMapping.toLangChain4j(settings.model().chat(tf), settings.model().id());
    } catch (RuntimeException e) {
      throw ExceptionMapping.toLangChain4j(e);
    }
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
    return "TaskforceChatModel{" + settings.model().id() + "}";
  }

  /** Configures a {@link TaskforceChatModel}. Not thread-safe. */
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
     * Sets default request parameters, which a request's own parameters override. Provider
     * parameter classes such as {@code OpenAiChatRequestParameters} are honoured (see {@code
     * docs/langchain4j.md}).
     *
     * @param parameters the defaults; their model name, if set, must be the model's id
     * @return this builder
     */
    public Builder defaultRequestParameters(ChatRequestParameters parameters) {
      draft.defaults(parameters);
      return this;
    }

    /**
     * Sets the reasoning effort used when a request names none (langchain4j-core has no reasoning
     * parameter of its own).
     *
     * @param effort the effort, or {@code null} for the provider's default
     * @return this builder
     */
    public Builder reasoningEffort(@Nullable ReasoningEffort effort) {
      draft.reasoningEffort(effort);
      return this;
    }

    /**
     * Sets whether tools whose specification leaves {@code strict} unset are sent strict (every
     * argument required, optional ones nullable, no extra properties). Default {@code true}.
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
     * Builds the adapter.
     *
     * @return the adapter
     * @throws IllegalArgumentException if the default parameters name another model
     */
    public TaskforceChatModel build() {
      return new TaskforceChatModel(draft.build());
    }
  }
}
