package dev.taskforce.test;

import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.Sleeper;
import dev.taskforce.openrouter.OpenRouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What one test (or one test class, for class-level parameters) was given: made on first request,
 * checked and closed when the test ends. Thread-safe.
 */
final class TestKit implements AutoCloseable {

  /** Retries as in production, without waiting: tests never sleep. */
  private static final Sleeper NO_WAIT =
      (duration, cancellation) -> cancellation.throwIfCancelled();

  /** What the kit is configured with. */
  record Settings(
      boolean assertScriptsUsed,
      ReasoningCheck reasoningCheck,
      Path cassettes,
      Consumer<FakeOpenRouter.Builder> server,
      Consumer<OpenRouter.Builder> client) {}

  private final Settings settings;
  private final Path cassetteFile;
  private @Nullable FakeOpenRouter server;
  private @Nullable OpenRouter client;
  private @Nullable Cassette cassette;
  private final Map<String, ScriptedModel> models = new LinkedHashMap<>();

  TestKit(Settings settings, Path cassetteFile) {
    this.settings = settings;
    this.cassetteFile = cassetteFile;
  }

  synchronized FakeOpenRouter server() {
    if (server == null) {
      FakeOpenRouter.Builder b = FakeOpenRouter.builder().reasoningCheck(settings.reasoningCheck());
      settings.server().accept(b);
      server = b.start();
    }
    return server;
  }

  synchronized OpenRouter client() {
    if (client == null) {
      FakeOpenRouter s = server();
      OpenRouter.Builder b =
          OpenRouter.builder()
              .baseUrl(s.baseUrl())
              .apiKey(s.apiKey())
              .environment(name -> null)
              .retryPolicy(RetryPolicy.DEFAULT.toBuilder().sleeper(NO_WAIT).build());
      settings.client().accept(b);
      client = b.build();
    }
    return client;
  }

  synchronized ScriptedModel model(@Nullable String id) {
    String key = id == null ? "" : id;
    return models.computeIfAbsent(
        key,
        k ->
            id == null
                ? ScriptedModel.builder().build()
                : ScriptedModel.builder().info(ModelCatalog.builtIn().info(id)).build());
  }

  synchronized Cassette cassette() {
    if (cassette == null) {
      cassette = Cassette.at(cassetteFile);
    }
    return cassette;
  }

  /**
   * Checks the scripts when asked to, then closes the server whatever the checks found.
   *
   * @throws AssertionError the first failed check, with the others suppressed
   */
  void finish(boolean check) {
    List<AssertionError> failures = new ArrayList<>();
    try {
      if (check && settings.assertScriptsUsed()) {
        List<Runnable> checks = new ArrayList<>();
        synchronized (this) {
          for (ScriptedModel m : models.values()) {
            checks.add(m::assertAllScriptedAnswersUsed);
            checks.add(m::assertExpectationsMet);
          }
          if (server != null) {
            checks.add(server::assertAllScriptedTurnsUsed);
          }
          if (cassette != null) {
            checks.add(cassette::assertAllPlayed);
          }
        }
        for (Runnable c : checks) {
          try {
            c.run();
          } catch (AssertionError e) {
            failures.add(e);
          }
        }
      }
    } finally {
      close();
    }
    if (!failures.isEmpty()) {
      AssertionError first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }
}
