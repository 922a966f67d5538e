package dev.taskforce.examples;

import dev.taskforce.model.ChatModel;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.responses.OpenAiResponses;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.RecordedRequest;
import dev.taskforce.test.Reply;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where the examples' models come from, chosen from the environment:
 *
 * <ol>
 *   <li>{@code OPENROUTER_API_KEY} set: OpenRouter's Chat Completions for real ({@code
 *       OPENROUTER_BASE_URL} overrides the address);
 *   <li>else {@code OPENAI_API_KEY} set: OpenAI's Responses API for real ({@code OPENAI_BASE_URL}
 *       overrides the address, for example to go through a gateway);
 *   <li>else a local fake OpenRouter server that answers from the example's script, so every
 *       example runs offline with no key and no cost.
 * </ol>
 */
final class Provider implements AutoCloseable {

  private static final String OPENAI_PREFIX = "openai/";

  private final Function<String, ChatModel> models;
  private final @Nullable FakeOpenRouter fake;

  private Provider(Function<String, ChatModel> models, @Nullable FakeOpenRouter fake) {
    this.models = models;
    this.fake = fake;
  }

  /**
   * Picks the provider and says which on the first line of output.
   *
   * @param console where to say it
   * @param offlineScript answers the fake server gives when running offline
   * @return the provider; close it when done
   */
  static Provider choose(Console console, Function<RecordedRequest, Reply> offlineScript) {
    return choose(console, System::getenv, offlineScript);
  }

  /**
   * Picks the provider from the given environment (tests pass one without keys).
   *
   * @param console where to say which provider it is
   * @param env the environment
   * @param offlineScript answers the fake server gives when running offline
   * @return the provider; close it when done
   */
  static Provider choose(
      Console console,
      Function<String, @Nullable String> env,
      Function<RecordedRequest, Reply> offlineScript) {
    if (isSet(env.apply(OpenRouter.API_KEY_ENV))) {
      OpenRouter live =
          OpenRouter.builder().environment(env).appTitle("Taskforce examples").build();
      String base = env.apply(OpenRouter.BASE_URL_ENV);
      console.line(
          "Live: calling OpenRouter at "
              + (isSet(base) ? base : OpenRouter.DEFAULT_BASE_URL)
              + " (OPENROUTER_API_KEY is set; this costs money).");
      return new Provider(live::model, null);
    }
    if (isSet(env.apply(OpenAiResponses.API_KEY_ENV))) {
      OpenAiResponses live = OpenAiResponses.builder().environment(env).build();
      String base = env.apply(OpenAiResponses.BASE_URL_ENV);
      console.line(
          "Live: calling the OpenAI Responses API at "
              + (isSet(base) ? base : OpenAiResponses.DEFAULT_BASE_URL)
              + " (OPENAI_API_KEY is set and OPENROUTER_API_KEY is not; this costs money).");
      return new Provider(id -> live.model(openAiId(id)), null);
    }
    FakeOpenRouter fake = FakeOpenRouter.builder().rule(offlineScript).start();
    console.line(
        "Offline: neither OPENROUTER_API_KEY nor OPENAI_API_KEY is set, so a local fake"
            + " OpenRouter server at "
            + fake.baseUrl()
            + " answers from this example's script. Set one of them to run live.");
    OpenRouter local = OpenRouter.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
    return new Provider(local::model, fake);
  }

  /**
   * A model by its OpenRouter id; on the Responses API the {@code openai/} prefix is dropped.
   *
   * @param id an OpenRouter model id, for example {@code openai/gpt-5.4-mini}
   * @return the model
   */
  ChatModel model(String id) {
    return models.apply(id);
  }

  @Override
  public void close() {
    if (fake != null) {
      fake.close();
    }
  }

  private static String openAiId(String openRouterId) {
    return openRouterId.startsWith(OPENAI_PREFIX)
        ? openRouterId.substring(OPENAI_PREFIX.length())
        : openRouterId;
  }

  private static boolean isSet(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
