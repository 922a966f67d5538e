package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.tool.ToolHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A named kind of worker the planner can hand steps to: what it is for, the model it runs on, its
 * instructions and tools, and optionally the type of its answers.
 *
 * <pre>{@code
 * Executor orders = Executor.named("orders")
 *     .description("Looks up orders and refunds in the order service")
 *     .model(OpenRouterModels.gpt54Nano())
 *     .tools(Tools.from(orderTools));
 * }</pre>
 *
 * <p>Immutable: each method returns a changed copy.
 */
public final class Executor {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  private final String name;
  private final String description;
  private final @Nullable ChatModel model;
  private final @Nullable String instructions;
  private final List<ToolHandler> tools;
  private final @Nullable Class<?> outputType;
  private final @Nullable ReasoningEffort reasoningEffort;
  private final int maxTurns;

  private Executor(
      String name,
      String description,
      @Nullable ChatModel model,
      @Nullable String instructions,
      List<ToolHandler> tools,
      @Nullable Class<?> outputType,
      @Nullable ReasoningEffort reasoningEffort,
      int maxTurns) {
    this.name = name;
    this.description = description;
    this.model = model;
    this.instructions = instructions;
    this.tools = List.copyOf(tools);
    this.outputType = outputType;
    this.reasoningEffort = reasoningEffort;
    this.maxTurns = maxTurns;
  }

  /**
   * Starts an executor.
   *
   * @param name the name the planner uses for it, matching {@code ^[a-zA-Z0-9_-]{1,64}$}
   * @return an executor with no description, model, tools or output type yet
   */
  public static Executor named(String name) {
    requireNonNull(name, "name == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("executor name must match " + NAME + ", was: " + name);
    }
    return new Executor(name, "", null, null, List.of(), null, null, 10);
  }

  /**
   * @param description what this executor is for, shown to the planner
   * @return a copy with that description
   */
  public Executor description(String description) {
    return new Executor(
        name,
        requireNonNull(description, "description == null"),
        model,
        instructions,
        tools,
        outputType,
        reasoningEffort,
        maxTurns);
  }

  /**
   * @param model the model steps run on first (the cheapest that can do the job); default GPT-5.4
   *     Nano from {@code OpenRouterModels.gpt54Nano()}
   * @return a copy with that model
   */
  public Executor model(ChatModel model) {
    return new Executor(
        name,
        description,
        requireNonNull(model, "model == null"),
        instructions,
        tools,
        outputType,
        reasoningEffort,
        maxTurns);
  }

  /**
   * @param instructions the executor's own system instructions, or {@code null}
   * @return a copy with them
   */
  public Executor instructions(@Nullable String instructions) {
    return new Executor(
        name, description, model, instructions, tools, outputType, reasoningEffort, maxTurns);
  }

  /**
   * @param tools the tools its steps may call (added to any already set)
   * @return a copy with them
   */
  public Executor tools(List<? extends ToolHandler> tools) {
    List<ToolHandler> all = new ArrayList<>(this.tools);
    all.addAll(requireNonNull(tools, "tools == null"));
    return new Executor(
        name, description, model, instructions, all, outputType, reasoningEffort, maxTurns);
  }

  /**
   * @param type the type of this executor's answers (validated like any typed answer), or {@code
   *     null} for text
   * @return a copy with it
   */
  public Executor outputType(@Nullable Class<?> type) {
    return new Executor(
        name, description, model, instructions, tools, type, reasoningEffort, maxTurns);
  }

  /**
   * @param effort the reasoning effort of its steps, or {@code null} for the model's default
   * @return a copy with it
   */
  public Executor reasoningEffort(@Nullable ReasoningEffort effort) {
    return new Executor(
        name, description, model, instructions, tools, outputType, effort, maxTurns);
  }

  /**
   * @param maxTurns the most model calls one try of a step may make (default 10)
   * @return a copy with it
   */
  public Executor maxTurns(int maxTurns) {
    if (maxTurns <= 0) {
      throw new IllegalArgumentException("maxTurns must be positive, was " + maxTurns);
    }
    return new Executor(
        name, description, model, instructions, tools, outputType, reasoningEffort, maxTurns);
  }

  /**
   * @return the name the planner uses
   */
  public String name() {
    return name;
  }

  /**
   * @return what it is for
   */
  public String description() {
    return description;
  }

  /**
   * @return the first model its steps run on, or {@code null} when not set yet
   */
  public @Nullable ChatModel model() {
    return model;
  }

  /**
   * @return its instructions, or {@code null}
   */
  public @Nullable String instructions() {
    return instructions;
  }

  /**
   * @return its tools
   */
  public List<ToolHandler> tools() {
    return tools;
  }

  /**
   * @return the type of its answers, or {@code null} for text
   */
  public @Nullable Class<?> outputType() {
    return outputType;
  }

  /**
   * @return the reasoning effort of its steps, or {@code null}
   */
  public @Nullable ReasoningEffort reasoningEffort() {
    return reasoningEffort;
  }

  /**
   * @return the most model calls per try
   */
  public int maxTurns() {
    return maxTurns;
  }

  @Override
  public String toString() {
    return "Executor{"
        + name
        + ", model="
        + (model == null ? null : model.id())
        + ", tools="
        + tools.size()
        + "}";
  }
}
