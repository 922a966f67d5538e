package dev.taskforce.openrouter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.internal.Json;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.MalformedResponseException;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.ModelNotFoundException;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.RetryingChatModel;
import dev.taskforce.model.internal.ApiKey;
import dev.taskforce.model.internal.ModelHttp;
import dev.taskforce.transport.TransportConfig;
import dev.taskforce.transport.TransportFactory;
import dev.taskforce.transport.TransportResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The OpenRouter client: chat models, the model list and generation stats.
 *
 * <pre>{@code
 * OpenRouter openRouter = OpenRouter.builder()          // OPENROUTER_API_KEY, OPENROUTER_BASE_URL
 *     .appUrl("https://example.app").appTitle("Example")
 *     .build();
 * ChatModel mini = openRouter.model("openai/gpt-5.4-mini");
 * ChatResponse r = mini.chat(ChatRequest.builder().messages(List.of(UserMessage.of("Hi"))).build());
 * }</pre>
 *
 * <p>The key and base URL come from the environment unless set in code. A missing key is reported
 * by the first call that needs it, with an {@link IllegalStateException}, not when the client is
 * built. Models are wrapped in a {@link RetryingChatModel} unless retries are turned off. The key
 * never appears in logs, exception messages or {@code toString()}.
 *
 * <p>Thread-safe: one client serves any number of models and concurrent calls.
 */
public final class OpenRouter {

  /** The environment variable holding the API key. */
  public static final String API_KEY_ENV = "OPENROUTER_API_KEY";

  /** The environment variable that overrides the base URL. */
  public static final String BASE_URL_ENV = "OPENROUTER_BASE_URL";

  /** The base URL used when none is configured. */
  public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

  /** How many times {@link #generation(String)} asks while the stats are not there yet. */
  static final int GENERATION_ATTEMPTS = 5;

  private final ModelHttp http;
  private final RetryPolicy retryPolicy;
  private final AtomicReference<ModelCatalog> catalog;
  private final Builder settings;

  private OpenRouter(Builder b, ModelHttp http) {
    this.http = http;
    this.retryPolicy = b.retryPolicy;
    this.catalog = new AtomicReference<>(b.catalog);
    this.settings = b.copy();
  }

  /**
   * Starts a client configured from the environment, with every setting overridable.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this client's settings, to derive a changed copy (its catalog starts from this
   * client's current one).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = settings.copy();
    b.catalog = catalog.get();
    return b;
  }

  /**
   * A chat model. Its {@link ChatModel#info()} comes from this client's current catalog.
   *
   * @param id an OpenRouter model id, for example {@code openai/gpt-5.4-mini}
   * @return a thread-safe model, retrying as this client's {@link RetryPolicy} says
   */
  public ChatModel model(String id) {
    requireNonNull(id, "id == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id is blank");
    }
    ChatModel model = new OpenRouterChatModel(id, http, catalog::get);
    return retryPolicy.maxAttempts() > 1 ? new RetryingChatModel(model, retryPolicy) : model;
  }

  /**
   * The catalog models' {@link ChatModel#info()} comes from: the built-in entries, plus whatever
   * {@link #refreshCatalog()} fetched.
   *
   * @return the current catalog
   */
  public ModelCatalog catalog() {
    return catalog.get();
  }

  /**
   * Fetches OpenRouter's model list ({@code GET /models}); needs no key.
   *
   * @return every model OpenRouter lists, with limits, prices, price tiers and efforts
   * @throws ModelException if the request fails
   */
  public List<ModelInfo> listModels() {
    return ModelsParser.parse(getJson("/models", false, CancellationToken.NONE));
  }

  /**
   * Fetches the model list and lays it over the current catalog (see {@link
   * ModelCatalog#mergedWith}); models created before see the new entries too.
   *
   * @return the new catalog
   * @throws ModelException if the request fails; the catalog is then unchanged
   */
  public ModelCatalog refreshCatalog() {
    List<ModelInfo> fresh = listModels();
    return catalog.updateAndGet(c -> c.mergedWith(fresh));
  }

  /**
   * Fetches OpenRouter's record of one generation ({@code GET /generation?id=}).
   *
   * <p>The record appears a little after the completion: while the service answers 404, this asks
   * again, at most {@value #GENERATION_ATTEMPTS} times in all, waiting 0.25, 0.5, 1 and 2 seconds
   * in between (through the retry policy's {@link dev.taskforce.model.Sleeper}).
   *
   * @param generationId the id from {@link dev.taskforce.model.ChatResponse#id()}
   * @return the stats
   * @throws ModelNotFoundException if the record still does not exist after the last attempt
   * @throws ModelException if the request fails otherwise
   */
  public GenerationStats generation(String generationId) {
    requireNonNull(generationId, "generationId == null");
    String path = "/generation?id=" + URLEncoder.encode(generationId, StandardCharsets.UTF_8);
    Duration wait = Duration.ofMillis(250);
    for (int attempt = 1; ; attempt++) {
      try {
        JsonNode root = getJson(path, true, CancellationToken.NONE);
        JsonNode data = root.path("data");
        if (!data.isObject()) {
          throw new MalformedResponseException(
              200, "generation response has no data object", http.redact(root.toString()), null);
        }
        return GenerationStats.parse(data, generationId);
      } catch (ModelNotFoundException e) {
        if (attempt >= GENERATION_ATTEMPTS) {
          throw e;
        }
        retryPolicy.sleeper().sleep(wait, CancellationToken.NONE);
        wait = wait.multipliedBy(2);
      }
    }
  }

  private JsonNode getJson(String path, boolean needsKey, CancellationToken token) {
    try (TransportResponse r = http.get(path, needsKey, token)) {
      if (!r.isSuccessful()) {
        throw http.error(r);
      }
      byte[] body = r.body().readAllBytes();
      try {
        return Json.parse(new String(body, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new MalformedResponseException(
            r.status(),
            "GET " + path + ": body is not JSON",
            http.redact(new String(body, StandardCharsets.UTF_8)),
            e);
      }
    } catch (IOException e) {
      throw http.failure(e, "GET " + path);
    }
  }

  /** Shows the base URL and whether a key is set, never the key. */
  @Override
  public String toString() {
    return "OpenRouter{baseUrl="
        + http.baseUrl()
        + ", apiKey="
        + http.key()
        + ", retry="
        + retryPolicy
        + "}";
  }

  /**
   * Builds an {@link OpenRouter} client. Not thread-safe.
   *
   * <p>Defaults: base URL from {@code OPENROUTER_BASE_URL} or {@value #DEFAULT_BASE_URL}, key from
   * {@code OPENROUTER_API_KEY}, 10 s connect timeout, 10 min read (idle) timeout, {@link
   * RetryPolicy#DEFAULT}, {@link TransportFactory#DEFAULT}, {@link ModelCatalog#builtIn()}.
   */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable String apiKey;
    private Function<String, @Nullable String> environment = System::getenv;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration connectTimeout = TransportConfig.DEFAULT.connectTimeout();
    private Duration readTimeout = TransportConfig.DEFAULT.readTimeout();
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private TransportFactory transport = TransportFactory.DEFAULT;
    private ModelCatalog catalog = ModelCatalog.builtIn();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.apiKey = apiKey;
      b.environment = environment;
      b.headers.putAll(headers);
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.retryPolicy = retryPolicy;
      b.transport = transport;
      b.catalog = catalog;
      return b;
    }

    /**
     * @param baseUrl the API root, for example {@code https://openrouter.ai/api/v1}; overrides
     *     {@code OPENROUTER_BASE_URL}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * @param apiKey the key ({@code sk-or-v1-…}); overrides {@code OPENROUTER_API_KEY}
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * Where environment variables are read from (default {@link System#getenv(String)}); for tests.
     *
     * @param environment returns a variable's value, or {@code null} when it is unset
     * @return this builder
     */
    public Builder environment(Function<String, @Nullable String> environment) {
      this.environment = requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * @param url your app's URL, sent as {@code HTTP-Referer} (OpenRouter's app attribution)
     * @return this builder
     */
    public Builder appUrl(String url) {
      return header("HTTP-Referer", requireNonNull(url, "url == null"));
    }

    /**
     * @param title your app's name, sent as {@code X-OpenRouter-Title}
     * @return this builder
     */
    public Builder appTitle(String title) {
      return header("X-OpenRouter-Title", requireNonNull(title, "title == null"));
    }

    /**
     * Adds a header to every request, for example {@code X-OpenRouter-Categories}.
     *
     * @param name the header name; not {@code Authorization} (use {@link #apiKey})
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      if (name.toLowerCase(Locale.ROOT).equals("authorization")) {
        throw new IllegalArgumentException(
            "set the key with apiKey(...), not header(\"Authorization\", ...)");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * @param connectTimeout the longest wait to connect (default 10 s)
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout == null");
      return this;
    }

    /**
     * @param readTimeout the longest silence while waiting for a response or more of it (default 10
     *     min, for reasoning models that think for minutes)
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = requireNonNull(readTimeout, "readTimeout == null");
      return this;
    }

    /**
     * @param retryPolicy when to retry failed calls; {@link RetryPolicy#NONE} turns retries off
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * @param transport creates the HTTP transport from the timeouts (default {@link
     *     TransportFactory#DEFAULT})
     * @return this builder
     */
    public Builder transport(TransportFactory transport) {
      this.transport = requireNonNull(transport, "transport == null");
      return this;
    }

    /**
     * @param catalog where model facts come from (default {@link ModelCatalog#builtIn()})
     * @return this builder
     */
    public Builder catalog(ModelCatalog catalog) {
      this.catalog = requireNonNull(catalog, "catalog == null");
      return this;
    }

    /**
     * Builds the client. Reads the environment now; a missing key is not an error yet.
     *
     * @return the client
     * @throws IllegalArgumentException if the base URL is not an http(s) URL or a timeout is not
     *     positive
     */
    public OpenRouter build() {
      String url = baseUrl != null ? baseUrl : environment.apply(BASE_URL_ENV);
      if (url == null || url.isBlank()) {
        url = DEFAULT_BASE_URL;
      }
      url = ModelHttp.normalizeBaseUrl(url, "baseUrl");
      ApiKey key =
          ApiKey.required(
              apiKey != null ? apiKey : environment.apply(API_KEY_ENV),
              "No OpenRouter API key: set the OPENROUTER_API_KEY environment variable or call"
                  + " OpenRouter.builder().apiKey(...)");
      Map<String, String> all = new LinkedHashMap<>();
      all.put("User-Agent", "taskforce");
      all.putAll(headers);
      TransportConfig config = new TransportConfig(connectTimeout, readTimeout);
      return new OpenRouter(
          this, new ModelHttp(transport.create(config), url, key, all, List.of()));
    }
  }
}
