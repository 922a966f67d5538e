package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.message.Message;
import dev.taskforce.tool.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request to a {@link ChatModel}: the conversation so far and how to answer it.
 *
 * <p>Every setting but the messages is optional; an unset ({@code null}) setting is not sent, so
 * the provider's default applies. Immutable and thread-safe; derive variants with {@link
 * #toBuilder()}.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .messages(List.of(new SystemMessage("You are terse."), UserMessage.of("Weather in Oslo?")))
 *     .tools(List.of(weatherTool.spec()))
 *     .reasoning(ReasoningConfig.effort(ReasoningEffort.MEDIUM))
 *     .maxOutputTokens(4000)
 *     .build();
 * }</pre>
 */
public final class ChatRequest {

  private final List<Message> messages;
  private final List<ToolSpec> tools;
  private final @Nullable ToolChoice toolChoice;
  private final @Nullable Boolean parallelToolCalls;
  private final @Nullable ResponseFormat responseFormat;
  private final @Nullable ReasoningConfig reasoning;
  private final @Nullable Integer maxOutputTokens;
  private final @Nullable Double temperature;
  private final @Nullable Double topP;
  private final @Nullable Long seed;
  private final List<String> stop;
  private final @Nullable String user;
  private final @Nullable String sessionId;
  private final Map<String, String> metadata;
  private final List<String> fallbackModels;
  private final @Nullable ProviderPreferences providerPreferences;
  private final Map<String, Object> extraBody;
  private final CancellationToken cancellation;
  private final RetryListener retryListener;

  private ChatRequest(Builder b) {
    this.messages = List.copyOf(b.messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages is empty: a request needs at least one message");
    }
    this.tools = List.copyOf(b.tools);
    this.toolChoice = b.toolChoice;
    this.parallelToolCalls = b.parallelToolCalls;
    this.responseFormat = b.responseFormat;
    this.reasoning = b.reasoning;
    this.maxOutputTokens = b.maxOutputTokens;
    this.temperature = b.temperature;
    this.topP = b.topP;
    this.seed = b.seed;
    this.stop = List.copyOf(b.stop);
    this.user = b.user;
    this.sessionId = b.sessionId;
    this.metadata = Map.copyOf(b.metadata);
    this.fallbackModels = List.copyOf(b.fallbackModels);
    this.providerPreferences = b.providerPreferences;
    this.extraBody = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.extraBody));
    this.cancellation = b.cancellation;
    this.retryListener = b.retryListener;
  }

  /**
   * Starts a request.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this request's settings, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.messages.addAll(messages);
    b.tools.addAll(tools);
    b.toolChoice = toolChoice;
    b.parallelToolCalls = parallelToolCalls;
    b.responseFormat = responseFormat;
    b.reasoning = reasoning;
    b.maxOutputTokens = maxOutputTokens;
    b.temperature = temperature;
    b.topP = topP;
    b.seed = seed;
    b.stop.addAll(stop);
    b.user = user;
    b.sessionId = sessionId;
    b.metadata.putAll(metadata);
    b.fallbackModels.addAll(fallbackModels);
    b.providerPreferences = providerPreferences;
    b.extraBody.putAll(extraBody);
    b.cancellation = cancellation;
    b.retryListener = retryListener;
    return b;
  }

  /**
   * @return the conversation so far, oldest first; never empty
   */
  public List<Message> messages() {
    return messages;
  }

  /**
   * @return the tools the model may call; empty when none
   */
  public List<ToolSpec> tools() {
    return tools;
  }

  /**
   * @return whether and which tools the model may call, or {@code null} for the default
   */
  public @Nullable ToolChoice toolChoice() {
    return toolChoice;
  }

  /**
   * @return whether the model may call several tools at once, or {@code null} for the default
   */
  public @Nullable Boolean parallelToolCalls() {
    return parallelToolCalls;
  }

  /**
   * @return the shape of the answer, or {@code null} for free text
   */
  public @Nullable ResponseFormat responseFormat() {
    return responseFormat;
  }

  /**
   * @return the reasoning settings, or {@code null} for the provider's default
   */
  public @Nullable ReasoningConfig reasoning() {
    return reasoning;
  }

  /**
   * @return the output token limit (reasoning included), or {@code null} for the model's own
   */
  public @Nullable Integer maxOutputTokens() {
    return maxOutputTokens;
  }

  /**
   * @return the sampling temperature, or {@code null}
   */
  public @Nullable Double temperature() {
    return temperature;
  }

  /**
   * @return the nucleus sampling mass, or {@code null}
   */
  public @Nullable Double topP() {
    return topP;
  }

  /**
   * @return the sampling seed, or {@code null}
   */
  public @Nullable Long seed() {
    return seed;
  }

  /**
   * @return stop sequences; empty when none
   */
  public List<String> stop() {
    return stop;
  }

  /**
   * @return a stable id of the end user, or {@code null}
   */
  public @Nullable String user() {
    return user;
  }

  /**
   * @return a session id for sticky routing and observability, or {@code null}
   */
  public @Nullable String sessionId() {
    return sessionId;
  }

  /**
   * @return request metadata pairs; empty when none
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * @return models to fall back to, in order, when the model fails; empty when none
   */
  public List<String> fallbackModels() {
    return fallbackModels;
  }

  /**
   * @return which upstream providers may serve and how to pick them, or {@code null} for the
   *     default routing
   */
  public @Nullable ProviderPreferences providerPreferences() {
    return providerPreferences;
  }

  /**
   * Extra top-level body fields, written as given, for provider features this class does not name.
   * A field here wins over the same field set any other way.
   *
   * @return the extra fields, in insertion order; empty when none
   */
  public Map<String, Object> extraBody() {
    return extraBody;
  }

  /**
   * @return the token that cancels this call; {@link CancellationToken#NONE} by default
   */
  public CancellationToken cancellation() {
    return cancellation;
  }

  /**
   * @return who is told when a retrying model retries this call; a no-op by default
   */
  public RetryListener retryListener() {
    return retryListener;
  }

  @Override
  public String toString() {
    // No message content: it may be sensitive and long.
    return "ChatRequest{messages="
        + messages.size()
        + ", tools="
        + tools.size()
        + ", responseFormat="
        + (responseFormat == null ? "text" : responseFormat.getClass().getSimpleName())
        + "}";
  }

  /** Builds a {@link ChatRequest}. Not thread-safe. */
  public static final class Builder {
    private final List<Message> messages = new ArrayList<>();
    private final List<ToolSpec> tools = new ArrayList<>();
    private @Nullable ToolChoice toolChoice;
    private @Nullable Boolean parallelToolCalls;
    private @Nullable ResponseFormat responseFormat;
    private @Nullable ReasoningConfig reasoning;
    private @Nullable Integer maxOutputTokens;
    private @Nullable Double temperature;
    private @Nullable Double topP;
    private @Nullable Long seed;
    private final List<String> stop = new ArrayList<>();
    private @Nullable String user;
    private @Nullable String sessionId;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<String> fallbackModels = new ArrayList<>();
    private @Nullable ProviderPreferences providerPreferences;
    private final Map<String, Object> extraBody = new LinkedHashMap<>();
    private CancellationToken cancellation = CancellationToken.NONE;
    private RetryListener retryListener = RetryListener.NONE;

    private Builder() {}

    /**
     * Replaces the messages.
     *
     * @param messages the conversation so far, oldest first
     * @return this builder
     */
    public Builder messages(List<? extends Message> messages) {
      requireNonNull(messages, "messages == null");
      this.messages.clear();
      for (Message m : messages) {
        this.messages.add(requireNonNull(m, "messages contains null"));
      }
      return this;
    }

    /**
     * Replaces the tools.
     *
     * @param tools the tools the model may call
     * @return this builder
     */
    public Builder tools(List<ToolSpec> tools) {
      requireNonNull(tools, "tools == null");
      this.tools.clear();
      this.tools.addAll(tools);
      return this;
    }

    /**
     * @param toolChoice whether and which tools the model may call, or {@code null}
     * @return this builder
     */
    public Builder toolChoice(@Nullable ToolChoice toolChoice) {
      this.toolChoice = toolChoice;
      return this;
    }

    /**
     * @param parallelToolCalls whether several tool calls per turn are allowed, or {@code null}
     * @return this builder
     */
    public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
      this.parallelToolCalls = parallelToolCalls;
      return this;
    }

    /**
     * @param responseFormat the shape of the answer, or {@code null} for free text
     * @return this builder
     */
    public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /**
     * @param reasoning the reasoning settings, or {@code null}
     * @return this builder
     */
    public Builder reasoning(@Nullable ReasoningConfig reasoning) {
      this.reasoning = reasoning;
      return this;
    }

    /**
     * @param maxOutputTokens the output token limit (reasoning included), or {@code null}
     * @return this builder
     */
    public Builder maxOutputTokens(@Nullable Integer maxOutputTokens) {
      if (maxOutputTokens != null && maxOutputTokens <= 0) {
        throw new IllegalArgumentException(
            "maxOutputTokens must be positive, was " + maxOutputTokens);
      }
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /**
     * @param temperature the sampling temperature (0 to 2), or {@code null}
     * @return this builder
     */
    public Builder temperature(@Nullable Double temperature) {
      if (temperature != null && (temperature < 0 || temperature > 2)) {
        throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
      }
      this.temperature = temperature;
      return this;
    }

    /**
     * @param topP the nucleus sampling mass (0 to 1), or {@code null}
     * @return this builder
     */
    public Builder topP(@Nullable Double topP) {
      if (topP != null && (topP < 0 || topP > 1)) {
        throw new IllegalArgumentException("topP must be in [0, 1], was " + topP);
      }
      this.topP = topP;
      return this;
    }

    /**
     * @param seed the sampling seed, or {@code null}
     * @return this builder
     */
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param stop up to 4 stop sequences
     * @return this builder
     */
    public Builder stop(List<String> stop) {
      requireNonNull(stop, "stop == null");
      if (stop.size() > 4) {
        throw new IllegalArgumentException("at most 4 stop sequences, got " + stop.size());
      }
      this.stop.clear();
      this.stop.addAll(stop);
      return this;
    }

    /**
     * @param user a stable id of the end user, or {@code null}
     * @return this builder
     */
    public Builder user(@Nullable String user) {
      this.user = user;
      return this;
    }

    /**
     * @param sessionId a session id (at most 256 characters), or {@code null}
     * @return this builder
     */
    public Builder sessionId(@Nullable String sessionId) {
      if (sessionId != null && sessionId.length() > 256) {
        throw new IllegalArgumentException("sessionId longer than 256 characters");
      }
      this.sessionId = sessionId;
      return this;
    }

    /**
     * @param metadata up to 16 pairs (keys up to 64, values up to 512 characters)
     * @return this builder
     */
    public Builder metadata(Map<String, String> metadata) {
      requireNonNull(metadata, "metadata == null");
      if (metadata.size() > 16) {
        throw new IllegalArgumentException("at most 16 metadata pairs, got " + metadata.size());
      }
      metadata.forEach(
          (k, v) -> {
            if (k.length() > 64 || v.length() > 512) {
              throw new IllegalArgumentException(
                  "metadata key over 64 or value over 512 characters: " + k);
            }
          });
      this.metadata.clear();
      this.metadata.putAll(metadata);
      return this;
    }

    /**
     * @param fallbackModels models to try, in order, when the model fails
     * @return this builder
     */
    public Builder fallbackModels(List<String> fallbackModels) {
      requireNonNull(fallbackModels, "fallbackModels == null");
      this.fallbackModels.clear();
      this.fallbackModels.addAll(fallbackModels);
      return this;
    }

    /**
     * @param providerPreferences which upstream providers may serve, or {@code null}
     * @return this builder
     */
    public Builder providerPreferences(@Nullable ProviderPreferences providerPreferences) {
      this.providerPreferences = providerPreferences;
      return this;
    }

    /**
     * Adds an extra top-level body field, written as given (a string, number, boolean, list, map,
     * or Jackson tree).
     *
     * @param name the field name
     * @param value the value
     * @return this builder
     */
    public Builder extraBody(String name, Object value) {
      extraBody.put(requireNonNull(name, "name == null"), requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * @param cancellation the token that cancels this call
     * @return this builder
     */
    public Builder cancellation(CancellationToken cancellation) {
      this.cancellation = requireNonNull(cancellation, "cancellation == null");
      return this;
    }

    /**
     * @param retryListener told each time a {@link RetryingChatModel} retries this call (the agent
     *     turns these into retry events)
     * @return this builder
     */
    public Builder retryListener(RetryListener retryListener) {
      this.retryListener = requireNonNull(retryListener, "retryListener == null");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if there are no messages
     */
    public ChatRequest build() {
      return new ChatRequest(this);
    }
  }
}
