package dev.taskforce.openrouter;

import dev.taskforce.model.ChatModel;
import org.jspecify.annotations.Nullable;

/**
 * The GPT-5.4 models, from one shared {@link OpenRouter} client configured by the environment
 * ({@code OPENROUTER_API_KEY}, {@code OPENROUTER_BASE_URL}).
 *
 * <pre>{@code
 * Agent triage = Agent.builder().model(OpenRouterModels.gpt54Mini()).build();
 * }</pre>
 *
 * <p>The shared client is created on first use, not when this class loads; a missing key shows up
 * at the first model call. For other settings build your own client with {@link
 * OpenRouter#builder()}.
 */
public final class OpenRouterModels {

  /** GPT-5.4 Pro: the planner. 1.05M context, $30/$180 per million tokens ($60/$270 above 272K). */
  public static final String GPT_5_4_PRO = "openai/gpt-5.4-pro";

  /** GPT-5.4. 1.05M context, $2.50/$15 per million tokens. */
  public static final String GPT_5_4 = "openai/gpt-5.4";

  /** GPT-5.4 Mini: a capable executor. 400K context, $0.75/$4.50 per million tokens. */
  public static final String GPT_5_4_MINI = "openai/gpt-5.4-mini";

  /** GPT-5.4 Nano: the cheapest executor. 400K context, $0.20/$1.25 per million tokens. */
  public static final String GPT_5_4_NANO = "openai/gpt-5.4-nano";

  private static volatile @Nullable OpenRouter shared;

  private OpenRouterModels() {}

  /**
   * The shared client, created from the environment on first use.
   *
   * @return the client
   * @throws IllegalArgumentException if {@code OPENROUTER_BASE_URL} is not an http(s) URL
   */
  public static OpenRouter client() {
    OpenRouter c = shared;
    if (c == null) {
      synchronized (OpenRouterModels.class) {
        c = shared;
        if (c == null) {
          c = OpenRouter.builder().build();
          shared = c;
        }
      }
    }
    return c;
  }

  /**
   * @return {@code openai/gpt-5.4-pro} from the shared client
   */
  public static ChatModel gpt54Pro() {
    return client().model(GPT_5_4_PRO);
  }

  /**
   * @return {@code openai/gpt-5.4-mini} from the shared client
   */
  public static ChatModel gpt54Mini() {
    return client().model(GPT_5_4_MINI);
  }

  /**
   * @return {@code openai/gpt-5.4-nano} from the shared client
   */
  public static ChatModel gpt54Nano() {
    return client().model(GPT_5_4_NANO);
  }
}
