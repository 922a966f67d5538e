package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import dev.taskforce.openrouter.OpenRouter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests the test kit as parameters, fresh for each test: a started
 * {@link FakeOpenRouter}, an {@link OpenRouter} client pointed at it, {@link ScriptedModel}s and
 * the test's {@link Cassette}.
 *
 * <pre>{@code
 * @ExtendWith(TaskforceExtension.class)        // or @TaskforceTest
 * class WeatherAgentTest {
 *   @Test
 *   void retriesTheRateLimit(FakeOpenRouter server, OpenRouter openRouter) {
 *     server.enqueue(Fault.rateLimited(Duration.ofSeconds(1)), ScriptedTurn.ofText("3 °C"));
 *     ChatModel model = openRouter.model("openai/gpt-5.4-mini");
 *     assertThat(Agent.builder().model(model).build().run("Oslo?").output()).isEqualTo("3 °C");
 *   }
 * }
 * }</pre>
 *
 * <p>What each parameter type gets:
 *
 * <ul>
 *   <li>{@link FakeOpenRouter}: a server started for the test on first use, with an empty script,
 *       closed after the test.
 *   <li>{@link OpenRouter}: a client for that server, with its key, never reading the environment,
 *       retrying as by default but without waiting (see each retry's delay through the request's
 *       {@link dev.taskforce.model.RetryListener}).
 *   <li>{@link ScriptedModel}: a model with an empty script; {@link ModelId} chooses its id and
 *       catalog info. Parameters with the same id get the same model within a test.
 *   <li>{@link Cassette}: {@code <cassettes>/<TestClass>/<testMethod>.json} (a repeated or
 *       parameterized test adds {@code -<invocation>}), for {@link Cassette#replayOrRecord}.
 * </ul>
 *
 * <p>Within one test, the constructor, {@code @BeforeEach}/{@code @AfterEach} methods and the test
 * method get the same objects. Parameters of {@code @BeforeAll} methods, and of constructors under
 * {@code @TestInstance(PER_CLASS)}, belong to the class: shared by its tests, checked and closed
 * after all of them.
 *
 * <p>After a test that passed, the extension fails it when a script was not followed: answers or
 * turns left unused, requests that found the script empty, expectations not met, recorded calls not
 * replayed. {@link TaskforceTest#assertScriptsUsed()} or {@link Builder#assertScriptsUsed(boolean)}
 * turns this off. A test that failed only gets its server closed.
 *
 * <p>Configure it with {@link TaskforceTest} on the class or method, or register a configured
 * instance, not both:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TaskforceExtension taskforce = TaskforceExtension.builder()
 *     .server(server -> server.creditsUsd(new BigDecimal("0.10")))
 *     .client(client -> client.retryPolicy(RetryPolicy.NONE))
 *     .build();
 * }</pre>
 *
 * <p>Needs JUnit Jupiter 5.12 or later (constructor parameters are resolved in the test's own
 * context). Tests may run in parallel: each has its own objects.
 */
public final class TaskforceExtension
    implements ParameterResolver, AfterEachCallback, AfterAllCallback {

  /** Where cassettes are kept unless configured otherwise. */
  public static final String DEFAULT_CASSETTES = "src/test/resources/cassettes";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TaskforceExtension.class);

  private final TestKit.@Nullable Settings configured;

  /**
   * Creates the extension with the settings of the nearest {@link TaskforceTest} annotation (on the
   * test method, its class or an enclosing class), or the defaults. JUnit calls this for
   * {@code @ExtendWith(TaskforceExtension.class)}; to configure one in code, use {@link
   * #builder()}.
   */
  public TaskforceExtension() {
    this.configured = null;
  }

  private TaskforceExtension(TestKit.Settings settings) {
    this.configured = settings;
  }

  /**
   * Starts configuring an extension to register with {@code @RegisterExtension}.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Resolves constructor parameters in the test method's context, so they are fresh per test. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /**
   * Supports {@link FakeOpenRouter}, {@link OpenRouter}, {@link ScriptedModel} and {@link
   * Cassette}.
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeOpenRouter.class
        || type == OpenRouter.class
        || type == ScriptedModel.class
        || type == Cassette.class;
  }

  /** Gives the test's object of the parameter's type, making it on first use. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestKit kit = kit(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == FakeOpenRouter.class) {
      return kit.server();
    }
    if (type == OpenRouter.class) {
      return kit.client();
    }
    if (type == Cassette.class) {
      return kit.cassette();
    }
    return kit.model(parameter.findAnnotation(ModelId.class).map(ModelId::value).orElse(null));
  }

  /** Checks and closes what the test was given. */
  @Override
  public void afterEach(ExtensionContext context) {
    finish(context);
  }

  /** Checks and closes what the class was given. */
  @Override
  public void afterAll(ExtensionContext context) {
    finish(context);
  }

  private static void finish(ExtensionContext context) {
    TestKit kit = context.getStore(NAMESPACE).remove(key(context), TestKit.class);
    if (kit != null) {
      kit.finish(context.getExecutionException().isEmpty());
    }
  }

  private TestKit kit(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            key(context), k -> new TestKit(settings(context), cassette(context)), TestKit.class);
  }

  /**
   * The kit's key in the store: the context's own id, because a store also shows its parents'
   * values, and a test must not see its class's kit.
   */
  private static String key(ExtensionContext context) {
    return "kit " + context.getUniqueId();
  }

  private TestKit.Settings settings(ExtensionContext context) {
    if (configured != null) {
      return configured;
    }
    TaskforceTest a =
        context.getTestMethod().map(m -> m.getAnnotation(TaskforceTest.class)).orElse(null);
    for (Class<?> c = context.getTestClass().orElse(null); a == null && c != null; ) {
      a = c.getAnnotation(TaskforceTest.class);
      c = c.getEnclosingClass();
    }
    if (a == null) {
      return new Builder().settings();
    }
    Builder b =
        new Builder().assertScriptsUsed(a.assertScriptsUsed()).cassettes(Path.of(a.cassettes()));
    b.reasoningCheck = a.reasoningCheck();
    return b.settings();
  }

  /** {@code <cassettes>/<TestClass>/<testMethod>[-<invocation>].json}, or the class's file. */
  private Path cassette(ExtensionContext context) {
    Path dir = settings(context).cassettes();
    Class<?> testClass = context.getRequiredTestClass();
    String className = testClass.getName().substring(testClass.getPackageName().length() + 1);
    Optional<Method> method = context.getTestMethod();
    if (method.isEmpty()) {
      return dir.resolve(className + ".json");
    }
    String name = method.get().getName();
    String id = context.getUniqueId();
    int at = id.lastIndexOf("[test-template-invocation:#");
    if (at >= 0) {
      name += "-" + id.substring(at + "[test-template-invocation:#".length(), id.length() - 1);
    }
    return dir.resolve(className).resolve(name + ".json");
  }

  /** Configures a {@link TaskforceExtension}. Not thread-safe. */
  public static final class Builder {
    private boolean assertScriptsUsed = true;
    private ReasoningCheck reasoningCheck = ReasoningCheck.STRICT;
    private Path cassettes = Path.of(DEFAULT_CASSETTES);
    private Consumer<FakeOpenRouter.Builder> server = b -> {};
    private Consumer<OpenRouter.Builder> client = b -> {};

    private Builder() {}

    /**
     * Sets whether a test that passed fails when its scripts were not followed; on by default.
     *
     * @param assertScriptsUsed whether to check
     * @return this builder
     */
    public Builder assertScriptsUsed(boolean assertScriptsUsed) {
      this.assertScriptsUsed = assertScriptsUsed;
      return this;
    }

    /**
     * Sets how each test's server is configured before it starts, after the defaults (strict
     * reasoning checks).
     *
     * @param configure called with each new server's builder, on the test's thread
     * @return this builder
     */
    public Builder server(Consumer<FakeOpenRouter.Builder> configure) {
      this.server = requireNonNull(configure, "configure == null");
      return this;
    }

    /**
     * Sets how each test's client is configured, after its base URL, key and retry policy are set
     * for the test's server.
     *
     * @param configure called with each new client's builder, on the test's thread
     * @return this builder
     */
    public Builder client(Consumer<OpenRouter.Builder> configure) {
      this.client = requireNonNull(configure, "configure == null");
      return this;
    }

    /**
     * Sets the directory of the tests' cassettes; {@value TaskforceExtension#DEFAULT_CASSETTES} by
     * default.
     *
     * @param directory the directory, relative to the working directory or absolute
     * @return this builder
     */
    public Builder cassettes(Path directory) {
      this.cassettes = requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Builds the extension.
     *
     * @return the extension, to hold in a static {@code @RegisterExtension} field
     */
    public TaskforceExtension build() {
      return new TaskforceExtension(settings());
    }

    private TestKit.Settings settings() {
      return new TestKit.Settings(assertScriptsUsed, reasoningCheck, cassettes, server, client);
    }
  }
}
