package dev.taskforce.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.taskforce.message.Reasoning;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door of Taskforce's LangChain4j interop: models and tools, both ways.
 *
 * <pre>{@code
 * // Taskforce models in LangChain4j code (AiServices, chains, ...):
 * dev.langchain4j.model.chat.ChatModel lc4j = LangChain4j.chatModel(openRouter.model("openai/gpt-5.4-mini"));
 * StreamingChatModel streaming = LangChain4j.streamingChatModel(openRouter.model("openai/gpt-5.4-mini"));
 *
 * // LangChain4j models as Taskforce agents, planners and executors:
 * ChatModel executorModel = LangChain4j.model(ollamaChatModel, modelInfo);
 *
 * // LangChain4j @Tool objects as Taskforce tools (validated, run concurrently):
 * Agent agent = Agent.builder().model(model).tools(LangChain4j.tools(new OrderTools())).build();
 *
 * // Taskforce tools offered to an AI service:
 * AiServices.builder(Assistant.class).chatModel(lc4j).tools(LangChain4j.toolExecutors(tools)).build();
 * }</pre>
 *
 * <p>The adapters ({@link TaskforceChatModel}, {@link TaskforceStreamingChatModel}, {@link
 * LangChain4jModel}) have builders for the less common settings. The mapping rules and known limits
 * are in {@code docs/langchain4j.md}.
 */
public final class LangChain4j {

  /**
   * The {@code AiMessage} attribute holding the provider's {@code reasoning_details}: a {@code
   * List<String>}, one verbatim JSON object per item (from the Responses API client: every output
   * item, in output order). Keep it when storing messages: a later request containing the message
   * sends the items back unchanged.
   */
  public static final String REASONING_DETAILS = "reasoning_details";

  /** The {@code AiMessage} attribute holding the provider's plain reasoning text, a String. */
  public static final String REASONING_TEXT = "reasoning";

  /** The {@code AiMessage} attribute holding the model's refusal message, a String. */
  public static final String REFUSAL = "refusal";

  private LangChain4j() {}

  /**
   * A Taskforce model as a LangChain4j chat model, with default settings (strict tools and JSON
   * schemas, the provider's default reasoning effort, no listeners).
   *
   * @param model the Taskforce model
   * @return the adapter; {@link TaskforceChatModel#builder} configures more
   */
  public static TaskforceChatModel chatModel(ChatModel model) {
    return TaskforceChatModel.builder(model).build();
  }

  /**
   * A Taskforce model as a LangChain4j streaming chat model, with default settings.
   *
   * @param model the Taskforce model
   * @return the adapter; {@link TaskforceStreamingChatModel#builder} configures more
   */
  public static TaskforceStreamingChatModel streamingChatModel(ChatModel model) {
    return TaskforceStreamingChatModel.builder(model).build();
  }

  /**
   * A LangChain4j chat model as a Taskforce model, known by its default model name, with nothing
   * known about its limits and prices.
   *
   * @param model the LangChain4j model
   * @return the adapter; {@link LangChain4jModel#builder} configures more
   */
  public static LangChain4jModel model(dev.langchain4j.model.chat.ChatModel model) {
    return LangChain4jModel.builder().chatModel(model).build();
  }

  /**
   * A LangChain4j chat model as a Taskforce model, described by a catalog entry (its id, limits and
   * prices count for budgets and cost).
   *
   * @param model the LangChain4j model
   * @param info what Taskforce knows about the model
   * @return the adapter
   */
  public static LangChain4jModel model(dev.langchain4j.model.chat.ChatModel model, ModelInfo info) {
    return LangChain4jModel.builder().chatModel(model).info(info).build();
  }

  /**
   * The LangChain4j {@code @Tool} methods of objects as Taskforce tools.
   *
   * <p>Each method's arguments get a strict schema from Taskforce's schema generation ({@code @P}
   * descriptions and {@code required = false} honoured; Jakarta constraints shown to the model as
   * far as strict mode allows; maps as arrays of key/value entries), are bound with Jackson (either
   * map shape) and checked with Jakarta Validation (constraints on the parameters and inside bound
   * objects) before the method runs; every problem goes back to the model in one tool error. A
   * {@link ToolContext} parameter receives the call's context. Results: a {@code String} as it is,
   * {@code void} as {@code "Success"}, anything else as JSON; an exception's message goes back to
   * the model as a tool error.
   *
   * @param objects objects with {@code @dev.langchain4j.agent.tool.Tool} methods (any visibility)
   * @return the tools, one per method, sorted by method name within each object
   * @throws IllegalArgumentException if an object has no tool method, two tools share a name, or a
   *     method uses what Taskforce cannot honour ({@code @ToolMemoryId}, {@code
   *     InvocationParameters}, a return behaviour other than {@code TO_LLM}), naming the method
   */
  public static List<ToolHandler> tools(Object... objects) {
    return ToolMethods.from(objects);
  }

  /**
   * Taskforce tools as LangChain4j tool specifications, schemas kept exactly.
   *
   * @param tools the tools
   * @return one specification per tool, in order
   */
  public static List<ToolSpecification> toolSpecifications(List<? extends ToolHandler> tools) {
    requireNonNull(tools, "tools == null");
    return ReverseMapping.toolSpecifications(tools.stream().map(ToolHandler::spec).toList());
  }

  /**
   * Taskforce tools for {@code AiServices.builder(...).tools(Map)}: each specification with an
   * executor that calls the tool with a default {@link ToolContext}.
   *
   * <p>Needs {@code dev.langchain4j:langchain4j} (where {@code ToolExecutor} lives) on the class
   * path, which any application using {@code AiServices} has.
   *
   * @param tools the tools
   * @return the specifications and their executors, in order
   */
  public static Map<ToolSpecification, ToolExecutor> toolExecutors(
      List<? extends ToolHandler> tools) {
    return toolExecutors(tools, ToolContext.builder().build());
  }

  /**
   * Taskforce tools for {@code AiServices}, called with a context of your own (run id, values such
   * as the current tenant) plus each call's id.
   *
   * @param tools the tools
   * @param context the context every call gets
   * @return the specifications and their executors, in order
   */
  public static Map<ToolSpecification, ToolExecutor> toolExecutors(
      List<? extends ToolHandler> tools, ToolContext context) {
    requireNonNull(tools, "tools == null");
    requireNonNull(context, "context == null");
    Map<ToolSpecification, ToolExecutor> out = new LinkedHashMap<>();
    List<ToolSpecification> specs = toolSpecifications(tools);
    for (int i = 0; i < specs.size(); i++) {
      out.put(specs.get(i), new HandlerToolExecutor(tools.get(i), context));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * The reasoning an AI message from {@link TaskforceChatModel} carries: its {@link
   * #REASONING_DETAILS} items and its {@link #REASONING_TEXT} text (else its {@code thinking()}).
   *
   * @param message the message
   * @return its reasoning text and verbatim items; {@link Reasoning#NONE} when it has none
   * @throws IllegalArgumentException if the reasoning attributes are malformed
   */
  public static Reasoning reasoning(AiMessage message) {
    requireNonNull(message, "message == null");
    return ReasoningAttributes.read(message);
  }
}
