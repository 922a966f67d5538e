package dev.taskforce.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j response metadata with the fields a Taskforce response has beyond LangChain4j's: the
 * upstream provider that served and the provider's own finish reason.
 *
 * <p>{@link TaskforceChatModel} and {@link TaskforceStreamingChatModel} answer with this metadata;
 * its {@link #tokenUsage()} is a {@link TaskforceTokenUsage} (with the cost), {@link #modelName()}
 * the model that actually served (after a fallback, the fallback), and {@link #id()} the provider's
 * generation id. Immutable and thread-safe.
 */
public final class TaskforceChatResponseMetadata extends ChatResponseMetadata {

  private final @Nullable String provider;
  private final @Nullable String nativeFinishReason;

  private TaskforceChatResponseMetadata(Builder builder) {
    super(builder);
    this.provider = builder.provider;
    this.nativeFinishReason = builder.nativeFinishReason;
  }

  /**
   * Starts building metadata.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this metadata, to derive a changed copy.
   *
   * @return a new builder
   */
  @Override
  public Builder toBuilder() {
    Builder b = (Builder) toBuilder(new Builder());
    return b.provider(provider).nativeFinishReason(nativeFinishReason);
  }

  /**
   * The upstream provider that served, for example {@code OpenAI} or {@code Azure}.
   *
   * @return the provider, or {@code null} when not reported
   */
  public @Nullable String provider() {
    return provider;
  }

  /**
   * The provider's own finish reason, for example {@code completed} or {@code max_output_tokens}.
   *
   * @return the raw finish reason, or {@code null} when not reported
   */
  public @Nullable String nativeFinishReason() {
    return nativeFinishReason;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TaskforceChatResponseMetadata t
        && super.equals(o)
        && Objects.equals(provider, t.provider)
        && Objects.equals(nativeFinishReason, t.nativeFinishReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), provider, nativeFinishReason);
  }

  @Override
  public String toString() {
    return "TaskforceChatResponseMetadata{id="
        + id()
        + ", modelName="
        + modelName()
        + ", provider="
        + provider
        + ", tokenUsage="
        + tokenUsage()
        + ", finishReason="
        + finishReason()
        + ", nativeFinishReason="
        + nativeFinishReason
        + "}";
  }

  /** Builds {@link TaskforceChatResponseMetadata}. Not thread-safe. */
  public static final class Builder extends ChatResponseMetadata.Builder<Builder> {
    private @Nullable String provider;
    private @Nullable String nativeFinishReason;

    private Builder() {}

    /**
     * Sets the provider that served.
     *
     * @param provider the provider, or {@code null}
     * @return this builder
     */
    public Builder provider(@Nullable String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Sets the provider's own finish reason.
     *
     * @param nativeFinishReason the raw finish reason, or {@code null}
     * @return this builder
     */
    public Builder nativeFinishReason(@Nullable String nativeFinishReason) {
      this.nativeFinishReason = nativeFinishReason;
      return this;
    }

    /**
     * Builds the metadata.
     *
     * @return the metadata
     */
    @Override
    public TaskforceChatResponseMetadata build() {
      return new TaskforceChatResponseMetadata(this);
    }
  }
}
