package dev.taskforce.examples;

import dev.taskforce.model.ChatModel;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.test.FakeOpenRouter;
import dev.taskforce.test.RecordedRequest;
import dev.taskforce.test.Reply;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where the examples' models come from: OpenRouter for real when {@code OPENROUTER_API_KEY} is set
 * ({@code OPENROUTER_BASE_URL} overrides the address), otherwise a local fake OpenRouter server
 * that answers from the example's script, so every example runs offline with no key and no cost.
 */
final class Provider implements AutoCloseable {

  private final OpenRouter openRouter;
  private final @Nullable FakeOpenRouter fake;

  private Provider(OpenRouter openRouter, @Nullable FakeOpenRouter fake) {
    this.openRouter = openRouter;
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
    String key = env.apply("OPENROUTER_API_KEY");
    if (key != null && !key.isBlank()) {
      OpenRouter live =
          OpenRouter.builder().environment(env).appTitle("Taskforce examples").build();
      String base = env.apply("OPENROUTER_BASE_URL");
      console.line(
          "Live: calling OpenRouter at "
              + (base == null || base.isBlank() ? "https://openrouter.ai/api/v1" : base)
              + " (OPENROUTER_API_KEY is set; this costs money).");
      return new Provider(live, null);
    }
    FakeOpenRouter fake = FakeOpenRouter.builder().rule(offlineScript).start();
    console.line(
        "Offline: OPENROUTER_API_KEY is not set, so a local fake OpenRouter server at "
            + fake.baseUrl()
            + " answers from this example's script. Set OPENROUTER_API_KEY to run live.");
    OpenRouter local = OpenRouter.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
    return new Provider(local, fake);
  }

  /**
   * @param id an OpenRouter model id, for example {@code openai/gpt-5.4-mini}
   * @return the model
   */
  ChatModel model(String id) {
    return openRouter.model(id);
  }

  /**
   * @return whether the answers are scripted
   */
  boolean offline() {
    return fake != null;
  }

  @Override
  public void close() {
    if (fake != null) {
      fake.close();
    }
  }
}
