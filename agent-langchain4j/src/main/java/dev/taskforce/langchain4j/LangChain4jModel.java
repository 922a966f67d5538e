package dev.taskforce.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.StreamListener;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A LangChain4j chat model as a Taskforce {@link ChatModel}: run any model LangChain4j supports
 * (Ollama, Bedrock, Vertex, Azure, ...) as an {@code Agent}'s model, a planner or an executor.
 *
 * <pre>{@code
 * ChatModel local = LangChain4j.model(OllamaChatModel.builder()...build(),
 *     new ModelInfo("llama3.1", 128_000, 8_192, Pricing.UNKNOWN, Set.of(), false));
 * Orchestrator team = Orchestrator.builder()
 *     .planner(OpenRouterModels.gpt54Pro())
 *     .executor(Executor.named("local").model(local).tools(tools))
 *     .build();
 * }</pre>
 *
 * <p>Requests map to LangChain4j's common parameters: messages, tools (schemas kept exactly), tool
 * choice (a named tool becomes "required" with only that tool offered), response format, output
 * limit, temperature, top-p and stop sequences. Settings langchain4j-core has no name for
 * (reasoning effort, seed, user, provider routing, fallback models, extra body fields) are not sent
 * unless a {@linkplain Builder#parameters parameters customizer} adds them in the provider's own
 * parameter class. Reasoning travels in the AI message: its {@code thinking} text and its
 * attributes (Taskforce's {@code reasoning_details} and any provider attributes such as thinking
 * signatures) are kept on the assistant message and given back to the model on the next turn. Cost
 * is the model's {@link TaskforceTokenUsage} cost when it has one, else computed from the {@link
 * ModelInfo} prices. LangChain4j failures become Taskforce {@link
 * dev.taskforce.model.ModelException}s (rate limits, timeouts and server errors retryable).
 *
 * <p>Streaming uses the {@link StreamingChatModel} when one is set; the listener is then called on
 * the calling thread, in order, as Taskforce requires. Cancellation is checked before and after a
 * call and cancels a running stream; a running non-streaming LangChain4j call cannot be
 * interrupted. Thread-safe when the wrapped models are.
 */
public final class LangChain4jModel implements ChatModel {

  private final dev.langchain4j.model.chat.@Nullable ChatModel chatModel;
  private final @Nullable StreamingChatModel streamingModel;
  private final ModelInfo info;
  private final BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> customizer;

  private LangChain4jModel(Builder b) {
    if (b.chatModel == null && b.streamingModel == null) {
      throw new IllegalStateException(
          "set chatModel(...) or streamingChatModel(...) on LangChain4jModel.builder()");
    }
    this.chatModel = b.chatModel;
    this.streamingModel = b.streamingModel;
    this.info = b.info != null ? b.info : defaultInfo(b);
    this.customizer = b.customizer;
  }

  /**
   * Starts configuring an adapter.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The model id from the {@link ModelInfo}, by default the LangChain4j model's default model name.
   *
   * @return the id
   */
  @Override
  public String id() {
    return info.id();
  }

  /**
   * The catalog entry given to the builder. By default nothing is known but the name (no limits,
   * zero prices, any effort), and JSON schema output is assumed only when the LangChain4j model
   * declares {@code RESPONSE_FORMAT_JSON_SCHEMA} among its capabilities.
   *
   * @return the entry
   */
  @Override
  public ModelInfo info() {
    return info;
  }

  /**
   * Calls the LangChain4j chat model (or, when only a streaming model is set, streams without a
   * listener).
   *
   * @param request the request
   * @return the answer
   * @throws dev.taskforce.model.ModelException if the LangChain4j model failed
   * @throws dev.taskforce.cancel.CancelledException if the request was cancelled
   */
  @Override
  public ChatResponse chat(ChatRequest request) {
    requireNonNull(request, "request == null");
    if (chatModel == null) {
      return stream(request, StreamListener.NONE);
    }
    request.cancellation().throwIfCancelled();
    dev.langchain4j.model.chat.response.ChatResponse response;
    try {
      response = chatModel.chat(ReverseMapping.toLangChain4j(request, customizer));
    } catch (RuntimeException e) {
      throw ExceptionMapping.toTaskforce(e);
    }
    request.cancellation().throwIfCancelled();
    return ReverseMapping.toTaskforce(response, info);
  }

  /**
   * Streams through the LangChain4j streaming model, or calls {@link #chat} and replays the answer
   * when none is set.
   *
   * @param request the request
   * @param listener receives the pieces on the calling thread
   * @return the merged answer
   * @throws dev.taskforce.model.ModelException if the LangChain4j model failed
   * @throws dev.taskforce.cancel.CancelledException if the request was cancelled
   */
  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    requireNonNull(request, "request == null");
    requireNonNull(listener, "listener == null");
    if (streamingModel == null) {
      return ChatModel.super.stream(request, listener);
    }
    dev.langchain4j.model.chat.response.ChatResponse response =
        StreamCollector.collect(
            streamingModel,
            ReverseMapping.toLangChain4j(request, customizer),
            request.cancellation(),
            listener);
    return ReverseMapping.toTaskforce(response, info);
  }

  @Override
  public String toString() {
    return "LangChain4jModel{" + info.id() + "}";
  }

  /**
   * Nothing known but the name, and JSON schema output only when the model declares it (else
   * Taskforce asks for a JSON object and puts the schema in the prompt, which any model can do).
   */
  private static ModelInfo defaultInfo(Builder b) {
    Set<Capability> capabilities =
        b.chatModel != null
            ? b.chatModel.supportedCapabilities()
            : requireNonNull(b.streamingModel).supportedCapabilities();
    return new ModelInfo(
        defaultId(b),
        0,
        0,
        Pricing.UNKNOWN,
        Set.of(),
        capabilities.contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
  }

  private static String defaultId(Builder b) {
    String name =
        b.chatModel != null
            ? b.chatModel.defaultRequestParameters().modelName()
            : requireNonNull(b.streamingModel).defaultRequestParameters().modelName();
    if (name != null && !name.isBlank()) {
      return name;
    }
    Object model = b.chatModel != null ? b.chatModel : b.streamingModel;
    return "langchain4j:" + requireNonNull(model).getClass().getSimpleName();
  }

  /** Configures a {@link LangChain4jModel}. Not thread-safe. */
  public static final class Builder {
    private dev.langchain4j.model.chat.@Nullable ChatModel chatModel;
    private @Nullable StreamingChatModel streamingModel;
    private @Nullable ModelInfo info;
    private BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> customizer =
        (request, parameters) -> parameters;

    private Builder() {}

    /**
     * Sets the model for {@link #chat} calls.
     *
     * @param model the LangChain4j chat model
     * @return this builder
     */
    public Builder chatModel(dev.langchain4j.model.chat.ChatModel model) {
      this.chatModel = requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets the model for {@link #stream} calls.
     *
     * @param model the LangChain4j streaming chat model
     * @return this builder
     */
    public Builder streamingChatModel(StreamingChatModel model) {
      this.streamingModel = requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets what Taskforce knows about the model: its id, limits, prices (for cost and budgets),
     * reasoning efforts and whether it takes JSON schema response formats.
     *
     * @param info the catalog entry; by default an unknown entry with the LangChain4j model's name
     *     (see {@link LangChain4jModel#info()})
     * @return this builder
     */
    public Builder info(ModelInfo info) {
      this.info = requireNonNull(info, "info == null");
      return this;
    }

    /**
     * Sets a function that adjusts the LangChain4j parameters of each request, to send what
     * langchain4j-core cannot name, for example:
     *
     * <pre>{@code
     * .parameters((request, p) -> OpenAiChatRequestParameters.builder()
     *     .overrideWith(p)
     *     .reasoningEffort(request.reasoning() == null || request.reasoning().effort() == null
     *         ? null : request.reasoning().effort().wireValue())
     *     .build())
     * }</pre>
     *
     * @param customizer gets the Taskforce request and the mapped parameters, returns the
     *     parameters to send; called on the calling thread for every request
     * @return this builder
     */
    public Builder parameters(
        BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> customizer) {
      this.customizer = requireNonNull(customizer, "customizer == null");
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @return the adapter
     * @throws IllegalStateException if neither model is set
     */
    public LangChain4jModel build() {
      return new LangChain4jModel(this);
    }
  }
}
