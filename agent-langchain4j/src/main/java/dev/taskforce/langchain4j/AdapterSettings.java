package dev.taskforce.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.taskforce.internal.Concurrency;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ReasoningEffort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TaskforceChatModel} and {@link TaskforceStreamingChatModel} are configured with.
 *
 * @param model the Taskforce model that serves
 * @param listeners LangChain4j listeners, in order
 * @param defaults the default request parameters (the model name is always the model's id)
 * @param reasoningEffort the effort when a request names none, or {@code null} for the provider's
 * @param strictTools whether tools whose specification leaves {@code strict} unset are strict
 * @param strictJsonSchema whether JSON schema response formats are strict
 * @param executor where streamed calls run
 */
record AdapterSettings(
    ChatModel model,
    List<ChatModelListener> listeners,
    ChatRequestParameters defaults,
    @Nullable ReasoningEffort reasoningEffort,
    boolean strictTools,
    boolean strictJsonSchema,
    Executor executor) {

  AdapterSettings {
    listeners = List.copyOf(listeners);
  }

  /** JSON schema response formats when the model's catalog entry says it takes them. */
  Set<Capability> capabilities() {
    return model.info().supportsJsonSchema()
        ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
        : Set.of();
  }

  /** The mutable state behind both public builders. */
  static final class Draft {
    private @Nullable ChatModel model;
    private final List<ChatModelListener> listeners = new ArrayList<>();
    private ChatRequestParameters defaults = DefaultChatRequestParameters.EMPTY;
    private @Nullable ReasoningEffort reasoningEffort;
    private boolean strictTools = true;
    private boolean strictJsonSchema = true;
    private Executor executor = Concurrency.executor();

    Draft(ChatModel model) {
      this.model = requireNonNull(model, "model == null");
    }

    void listeners(List<ChatModelListener> listeners) {
      requireNonNull(listeners, "listeners == null");
      this.listeners.clear();
      for (ChatModelListener l : listeners) {
        this.listeners.add(requireNonNull(l, "listeners contains null"));
      }
    }

    void defaults(ChatRequestParameters defaults) {
      this.defaults = requireNonNull(defaults, "defaultRequestParameters == null");
    }

    void reasoningEffort(@Nullable ReasoningEffort effort) {
      this.reasoningEffort = effort;
    }

    void strictTools(boolean strict) {
      this.strictTools = strict;
    }

    void strictJsonSchema(boolean strict) {
      this.strictJsonSchema = strict;
    }

    void executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor == null");
    }

    AdapterSettings build() {
      ChatModel m = requireNonNull(model, "model == null");
      String name = defaults.modelName();
      if (name != null && !name.equals(m.id())) {
        throw new IllegalArgumentException(
            "defaultRequestParameters.modelName is \""
                + name
                + "\" but this adapter serves "
                + m.id()
                + "; leave it unset or wrap that model instead");
      }
      ChatRequestParameters merged =
          DefaultChatRequestParameters.builder().modelName(m.id()).build().overrideWith(defaults);
      return new AdapterSettings(
          m, listeners, merged, reasoningEffort, strictTools, strictJsonSchema, executor);
    }
  }
}
