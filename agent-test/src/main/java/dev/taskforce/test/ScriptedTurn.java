package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.Usage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * One scripted answer of the model: text, tool calls, a refusal, reasoning, why it stopped, what it
 * cost, and who served it.
 *
 * <p>The same turn can answer a plain or a streaming request; {@link FakeOpenRouter} writes it in
 * the shape the real service uses for each. Anything left unset gets a realistic default: the
 * finish reason follows from the content, usage is estimated from the request and answer sizes and
 * priced from the model's list price, the served model is the one requested, the provider is {@code
 * OpenAI}.
 *
 * <pre>{@code
 * ScriptedTurn call = ScriptedTurn.builder()
 *     .openAiReasoning("**Adding numbers**\n\nThe user wants 2 + 3.")
 *     .toolCall(new ToolCall("call_1", "add", "{\"a\":2,\"b\":3}"))
 *     .build();
 * ScriptedTurn answer = ScriptedTurn.ofText("2 + 3 = 5");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ScriptedTurn implements Reply {

  private final @Nullable String text;
  private final List<ToolCall> toolCalls;
  private final @Nullable String refusal;
  private final @Nullable String reasoningText;
  private final List<ReasoningDetail> reasoningDetails;
  private final boolean openAiReasoning;
  private final @Nullable FinishReason finishReason;
  private final @Nullable String nativeFinishReason;
  private final @Nullable Usage usage;
  private final @Nullable String model;
  private final String provider;

  private ScriptedTurn(Builder b) {
    this.text = b.text;
    this.toolCalls = List.copyOf(b.toolCalls);
    this.refusal = b.refusal;
    this.reasoningText = b.reasoningText;
    this.reasoningDetails = List.copyOf(b.reasoningDetails);
    this.openAiReasoning = b.openAiReasoning;
    this.finishReason = b.finishReason;
    this.nativeFinishReason = b.nativeFinishReason;
    this.usage = b.usage;
    this.model = b.model;
    this.provider = b.provider;
  }

  /**
   * Starts an empty turn: no text, no tool calls, no reasoning.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A turn that answers with text only, with all defaults.
   *
   * @param text the answer text
   * @return the turn
   */
  public static ScriptedTurn ofText(String text) {
    return builder().text(text).build();
  }

  /**
   * A builder holding this turn's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.text = text;
    b.toolCalls.addAll(toolCalls);
    b.refusal = refusal;
    b.reasoningText = reasoningText;
    b.reasoningDetails.addAll(reasoningDetails);
    b.openAiReasoning = openAiReasoning;
    b.finishReason = finishReason;
    b.nativeFinishReason = nativeFinishReason;
    b.usage = usage;
    b.model = model;
    b.provider = provider;
    return b;
  }

  /**
   * The answer text ({@code message.content}).
   *
   * @return the text, or {@code null} when the turn has none
   */
  public @Nullable String text() {
    return text;
  }

  /**
   * The tool calls, in order.
   *
   * @return the calls; empty when none
   */
  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  /**
   * The refusal message ({@code message.refusal}).
   *
   * @return the refusal, or {@code null}
   */
  public @Nullable String refusal() {
    return refusal;
  }

  /**
   * The plain reasoning text ({@code message.reasoning}).
   *
   * @return the text, or {@code null}
   */
  public @Nullable String reasoningText() {
    return reasoningText;
  }

  /**
   * The reasoning items sent verbatim as {@code reasoning_details}; empty when none were given or
   * when {@link Builder#openAiReasoning(String)} was used (the server then makes the items when it
   * serves the turn).
   *
   * @return the items, in order
   */
  public List<ReasoningDetail> reasoningDetails() {
    return reasoningDetails;
  }

  /** Whether the server makes OpenAI-style reasoning items when it serves this turn. */
  boolean openAiReasoning() {
    return openAiReasoning;
  }

  /**
   * The finish reason.
   *
   * @return the reason given, or {@code null} to derive it: {@code tool_calls} when there are tool
   *     calls, else {@code stop}
   */
  public @Nullable FinishReason finishReason() {
    return finishReason;
  }

  /**
   * The provider's own finish reason ({@code native_finish_reason}).
   *
   * @return the value given, or {@code null} to derive it from the finish reason
   */
  public @Nullable String nativeFinishReason() {
    return nativeFinishReason;
  }

  /**
   * The usage reported: tokens and cost.
   *
   * @return the usage given, or {@code null} to estimate it
   */
  public @Nullable Usage usage() {
    return usage;
  }

  /**
   * The model reported as having served ({@code model} in the response).
   *
   * @return the model given, or {@code null} for the requested model
   */
  public @Nullable String model() {
    return model;
  }

  /**
   * The upstream provider reported ({@code provider} in the response).
   *
   * @return the provider, {@code OpenAI} by default
   */
  public String provider() {
    return provider;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ScriptedTurn t && values().equals(t.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  private List<@Nullable Object> values() {
    return Arrays.asList(
        text,
        toolCalls,
        refusal,
        reasoningText,
        reasoningDetails,
        openAiReasoning,
        finishReason,
        nativeFinishReason,
        usage,
        model,
        provider);
  }

  /** Names what the turn holds, without its (possibly long) texts. */
  @Override
  public String toString() {
    StringJoiner parts = new StringJoiner(", ", "ScriptedTurn[", "]");
    if (text != null) {
      parts.add("text(" + text.length() + " chars)");
    }
    toolCalls.forEach(c -> parts.add("toolCall(" + c.id() + " " + c.name() + ")"));
    if (refusal != null) {
      parts.add("refusal");
    }
    if (openAiReasoning || !reasoningDetails.isEmpty()) {
      parts.add("reasoning");
    }
    if (finishReason != null) {
      parts.add("finish " + finishReason);
    }
    return parts.toString();
  }

  /** Builds a {@link ScriptedTurn}. Not thread-safe; build once, then share the turn. */
  public static final class Builder {
    private @Nullable String text;
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private @Nullable String refusal;
    private @Nullable String reasoningText;
    private final List<ReasoningDetail> reasoningDetails = new ArrayList<>();
    private boolean openAiReasoning;
    private @Nullable FinishReason finishReason;
    private @Nullable String nativeFinishReason;
    private @Nullable Usage usage;
    private @Nullable String model;
    private String provider = "OpenAI";

    private Builder() {}

    /**
     * Sets the answer text. For a structured-output request, this is the JSON text of the answer.
     *
     * @param text the text
     * @return this builder
     */
    public Builder text(String text) {
      this.text = requireNonNull(text, "text == null");
      return this;
    }

    /**
     * Adds a tool call, after those added before. Ids must be unique within the turn; the arguments
     * are sent exactly as given, even if they are not valid JSON.
     *
     * @param call the call
     * @return this builder
     */
    public Builder toolCall(ToolCall call) {
      toolCalls.add(requireNonNull(call, "call == null"));
      return this;
    }

    /**
     * Sets a refusal ({@code message.refusal}); the content is then usually left unset.
     *
     * @param refusal the refusal message
     * @return this builder
     */
    public Builder refusal(String refusal) {
      this.refusal = requireNonNull(refusal, "refusal == null");
      return this;
    }

    /**
     * Sets the plain reasoning text ({@code message.reasoning}; streamed as {@code
     * delta.reasoning}).
     *
     * @param reasoningText the text
     * @return this builder
     */
    public Builder reasoningText(String reasoningText) {
      this.reasoningText = requireNonNull(reasoningText, "reasoningText == null");
      return this;
    }

    /**
     * Adds a reasoning item, sent verbatim in {@code reasoning_details} after those added before.
     * When streamed, {@code reasoning.summary} and {@code reasoning.text} items are split into
     * fragments sharing the item's type and index; two consecutive items with the same type and
     * index would be merged by any correct client, so give them distinct indexes.
     *
     * @param detail the item, with all its fields (unknown ones are kept)
     * @return this builder
     */
    public Builder reasoningDetail(ReasoningDetail detail) {
      reasoningDetails.add(requireNonNull(detail, "detail == null"));
      return this;
    }

    /**
     * Makes the turn carry reasoning the way OpenAI models return it through OpenRouter: the
     * summary as plain reasoning text, and in {@code reasoning_details} a {@code reasoning.summary}
     * item followed by a {@code reasoning.encrypted} item whose opaque {@code data} and {@code rs_}
     * id the server generates anew each time it serves the turn. Cannot be combined with {@link
     * #reasoningDetail(ReasoningDetail)}.
     *
     * @param summary the reasoning summary
     * @return this builder
     */
    public Builder openAiReasoning(String summary) {
      this.reasoningText = requireNonNull(summary, "summary == null");
      this.openAiReasoning = true;
      return this;
    }

    /**
     * Sets the finish reason; by default it is {@code tool_calls} when there are tool calls, else
     * {@code stop}. {@link FinishReason#UNKNOWN} is sent as {@code null}. {@link
     * FinishReason#ERROR} is not allowed here: use {@link Fault#failedMidResponse(String)}.
     *
     * @param finishReason the reason
     * @return this builder
     * @throws IllegalArgumentException for {@link FinishReason#ERROR}
     */
    public Builder finishReason(FinishReason finishReason) {
      requireNonNull(finishReason, "finishReason == null");
      if (finishReason == FinishReason.ERROR) {
        throw new IllegalArgumentException(
            "finishReason(ERROR): script the error with Fault.failedMidResponse(...) instead");
      }
      this.finishReason = finishReason;
      return this;
    }

    /**
     * Sets the provider's own finish reason; by default {@code completed} for stop and tool calls,
     * {@code max_output_tokens} for length, {@code content_filter} for the content filter.
     *
     * @param nativeFinishReason the raw value
     * @return this builder
     */
    public Builder nativeFinishReason(String nativeFinishReason) {
      this.nativeFinishReason = requireNonNull(nativeFinishReason, "nativeFinishReason == null");
      return this;
    }

    /**
     * Sets the usage reported, exactly: tokens and cost.
     *
     * @param usage the usage
     * @return this builder
     */
    public Builder usage(Usage usage) {
      this.usage = requireNonNull(usage, "usage == null");
      return this;
    }

    /**
     * Sets the model reported as having served, for example a dated slug such as {@code
     * openai/gpt-5.4-mini-20260317} or a fallback model.
     *
     * @param model the model id
     * @return this builder
     */
    public Builder model(String model) {
      this.model = requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets the upstream provider reported, for example {@code Azure}.
     *
     * @param provider the provider name
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = requireNonNull(provider, "provider == null");
      return this;
    }

    /**
     * Builds the turn.
     *
     * @return the turn
     * @throws IllegalStateException if tool call ids repeat, or {@link #openAiReasoning(String)}
     *     was combined with explicit reasoning items
     */
    public ScriptedTurn build() {
      Set<String> ids = new HashSet<>();
      for (ToolCall c : toolCalls) {
        if (!ids.add(c.id())) {
          throw new IllegalStateException("build(): tool call id " + c.id() + " is used twice");
        }
      }
      if (openAiReasoning && !reasoningDetails.isEmpty()) {
        throw new IllegalStateException(
            "build(): openAiReasoning(...) makes its own reasoning items; do not add"
                + " reasoningDetail(...) as well");
      }
      return new ScriptedTurn(this);
    }
  }
}
