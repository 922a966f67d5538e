package dev.taskforce.responses;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.RetryingChatModel;
import dev.taskforce.model.internal.ModelHttp;
import dev.taskforce.transport.TransportConfig;
import dev.taskforce.transport.TransportFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAI Responses API client: chat models spoken to with {@code POST /responses}, at OpenAI,
 * at an OpenAI-compatible gateway, or at OpenRouter.
 *
 * <pre>{@code
 * OpenAiResponses openAi = OpenAiResponses.builder().build();   // OPENAI_API_KEY, OPENAI_BASE_URL
 * ChatModel pro = openAi.model("gpt-5.4-pro");
 *
 * OpenAiResponses cloudflare = OpenAiResponses.builder()
 *     .gateway("https://gateway.ai.cloudflare.com/v1/ACCOUNT/GATEWAY/openai",
 *         "cf-aig-authorization", "Bearer " + cfToken)
 *     .build();
 *
 * OpenAiResponses openRouter = OpenAiResponses.builder().openRouter().build(); // stateless
 * }</pre>
 *
 * <p>The models answer with the same {@link dev.taskforce.model.ChatResponse} as the Chat
 * Completions client, so agents and orchestrators run on them unchanged. The conversation travels
 * in each request ({@code store: false}) unless {@link Builder#store(boolean)} is set; reasoning
 * items come back with their {@code encrypted_content} and are sent back in their original order,
 * each function call after the reasoning item it followed. Models are wrapped in a {@link
 * RetryingChatModel} unless retries are turned off. A missing key is reported by the first call,
 * with an {@link IllegalStateException}; the key and a gateway's credential never appear in logs,
 * exception messages or {@code toString()}.
 *
 * <p>Thread-safe: one client serves any number of models and concurrent calls.
 */
public final class OpenAiResponses {

  /** The environment variable holding the OpenAI API key. */
  public static final String API_KEY_ENV = "OPENAI_API_KEY";

  /** The environment variable that overrides OpenAI's base URL. */
  public static final String BASE_URL_ENV = "OPENAI_BASE_URL";

  /** OpenAI's base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  /** How long background mode waits between polls unless configured. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

  private final ModelHttp http;
  private final Settings settings;
  private final ModelCatalog catalog;
  private final ResponseChain chain = new ResponseChain();
  private final Builder copy;

  private OpenAiResponses(Builder b, ModelHttp http, Settings settings) {
    this.http = http;
    this.settings = settings;
    this.catalog = b.catalog;
    this.copy = b.copy();
  }

  /**
   * Starts a client for OpenAI, configured from the environment, every setting overridable.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this client's settings, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return copy.copy();
  }

  /**
   * A chat model. Its {@link ChatModel#info()} comes from the catalog: {@code gpt-5.4-pro} (and
   * dated snapshots such as {@code gpt-5.4-pro-2026-03-05}) finds the entry {@code
   * openai/gpt-5.4-pro}.
   *
   * @param id the model id as the service names it: {@code gpt-5.4-pro} at OpenAI, {@code
   *     openai/gpt-5.4-pro} at OpenRouter
   * @return a thread-safe model, retrying as this client's {@link RetryPolicy} says
   */
  public ChatModel model(String id) {
    requireNonNull(id, "id == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id is blank");
    }
    ChatModel model = new ResponsesChatModel(id, http, settings, catalog, chain);
    RetryPolicy policy = settings.retryPolicy();
    return policy.maxAttempts() > 1 ? new RetryingChatModel(model, policy) : model;
  }

  /**
   * The catalog models' {@link ChatModel#info()} and computed costs come from.
   *
   * @return the catalog
   */
  public ModelCatalog catalog() {
    return catalog;
  }

  /** Shows the target, base URL and settings, and whether a key is set; never a secret. */
  @Override
  public String toString() {
    return "OpenAiResponses{target="
        + settings.target().getClass().getSimpleName()
        + ", baseUrl="
        + http.baseUrl()
        + ", apiKey="
        + http.key()
        + ", store="
        + settings.store()
        + ", background="
        + settings.background()
        + ", retry="
        + settings.retryPolicy()
        + "}";
  }

  /**
   * Builds an {@link OpenAiResponses} client. Not thread-safe.
   *
   * <p>Defaults: the OpenAI target ({@value #DEFAULT_BASE_URL} or {@code OPENAI_BASE_URL}, key from
   * {@code OPENAI_API_KEY}), {@code store: false}, no background mode, 10 s connect timeout, 10 min
   * read (idle) timeout, {@link RetryPolicy#DEFAULT}, {@link TransportFactory#DEFAULT}, {@link
   * ModelCatalog#builtIn()}.
   */
  public static final class Builder {
    private Target target = new Target.OpenAi();
    private @Nullable String baseUrl;
    private @Nullable String apiKey;
    private Function<String, @Nullable String> environment = System::getenv;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean store;
    private boolean chain;
    private boolean background;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private @Nullable Verbosity verbosity;
    private Duration connectTimeout = TransportConfig.DEFAULT.connectTimeout();
    private Duration readTimeout = TransportConfig.DEFAULT.readTimeout();
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private TransportFactory transport = TransportFactory.DEFAULT;
    private ModelCatalog catalog = ModelCatalog.builtIn();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.target = target;
      b.baseUrl = baseUrl;
      b.apiKey = apiKey;
      b.environment = environment;
      b.headers.putAll(headers);
      b.store = store;
      b.chain = chain;
      b.background = background;
      b.pollInterval = pollInterval;
      b.verbosity = verbosity;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.retryPolicy = retryPolicy;
      b.transport = transport;
      b.catalog = catalog;
      return b;
    }

    /**
     * Talks to OpenAI (the default): {@code OPENAI_BASE_URL} or {@value #DEFAULT_BASE_URL}, key
     * from {@code OPENAI_API_KEY} (required).
     *
     * @return this builder
     */
    public Builder openAi() {
      this.target = new Target.OpenAi();
      return this;
    }

    /**
     * Talks to an OpenAI-compatible gateway, for example Cloudflare AI Gateway ({@code
     * https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/openai} with {@code
     * cf-aig-authorization: Bearer <token>}). The OpenAI key ({@code OPENAI_API_KEY} or {@link
     * #apiKey}) is sent too when there is one; without one the gateway must hold it. The header
     * value is a secret: it is kept out of logs, exceptions and {@code toString()}.
     *
     * @param url the gateway's OpenAI base URL
     * @param headerName the gateway's own auth header; not {@code Authorization} (use {@link
     *     #apiKey})
     * @param headerValue its value
     * @return this builder
     */
    public Builder gateway(String url, String headerName, String headerValue) {
      requireNonNull(url, "url == null");
      requireNonNull(headerName, "headerName == null");
      requireNonNull(headerValue, "headerValue == null");
      if (headerName.isBlank() || headerName.equalsIgnoreCase("authorization")) {
        throw new IllegalArgumentException(
            "gateway headerName must be the gateway's own header (e.g. cf-aig-authorization), was: "
                + headerName
                + "; set the provider key with apiKey(...)");
      }
      this.target = new Target.Gateway(url, headerName, headerValue);
      return this;
    }

    /**
     * Talks to OpenRouter's stateless {@code /responses}: {@code OPENROUTER_BASE_URL} or {@value
     * dev.taskforce.openrouter.OpenRouter#DEFAULT_BASE_URL}, key from {@code OPENROUTER_API_KEY}
     * (required). {@code store}, {@code previous_response_id} and background mode are never sent
     * there; model ids are OpenRouter's ({@code openai/gpt-5.4-pro}).
     *
     * @return this builder
     */
    public Builder openRouter() {
      this.target = new Target.OpenRouter();
      return this;
    }

    /**
     * @param baseUrl the API root; overrides the target's URL and its environment variable
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * @param apiKey the key, sent as {@code Authorization: Bearer}; overrides the target's
     *     environment variable
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
     * Adds a header to every request, for example {@code OpenAI-Organization} or OpenRouter's
     * {@code HTTP-Referer}.
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
     * Whether OpenAI keeps the responses ({@code store}; default {@code false}: the whole
     * conversation travels in each request, and nothing stays at OpenAI). Needed for {@link
     * #chainResponses} and {@link #background}. Not allowed with {@link #openRouter()}.
     *
     * @param store {@code true} to store responses
     * @return this builder
     */
    public Builder store(boolean store) {
      this.store = store;
      return this;
    }

    /**
     * Continues a conversation from its previous stored response ({@code previous_response_id}) and
     * sends only the messages after it, when this client produced that response for exactly the
     * same earlier conversation; otherwise, or when the stored response is gone, the whole
     * conversation is sent. Needs {@link #store(boolean) store(true)}.
     *
     * @param chain {@code true} to send {@code previous_response_id}
     * @return this builder
     */
    public Builder chainResponses(boolean chain) {
      this.chain = chain;
      return this;
    }

    /**
     * Background mode for long requests (GPT-5.4 Pro can think for many minutes): the request
     * returns at once, and the client polls {@code GET /responses/{id}} every {@link #pollInterval}
     * until the answer is there, cancelling it ({@code POST /responses/{id}/cancel}) when the
     * request's cancellation token is cancelled. A streaming call is then answered in one piece.
     * Needs {@link #store(boolean) store(true)} (OpenAI keeps background responses for about ten
     * minutes).
     *
     * @param background {@code true} for background mode
     * @return this builder
     */
    public Builder background(boolean background) {
      this.background = background;
      return this;
    }

    /**
     * @param pollInterval the wait between polls in background mode (default 2 s), through the
     *     retry policy's {@link dev.taskforce.model.Sleeper}
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      requireNonNull(pollInterval, "pollInterval == null");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * @param verbosity {@code text.verbosity} for every request, or {@code null} for the model's
     *     default
     * @return this builder
     */
    public Builder verbosity(@Nullable Verbosity verbosity) {
      this.verbosity = verbosity;
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
     *     min); use {@link #background} or streaming for requests that think longer
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = requireNonNull(readTimeout, "readTimeout == null");
      return this;
    }

    /**
     * @param retryPolicy when to retry failed calls and polls, and the sleeper to wait with; {@link
     *     RetryPolicy#NONE} turns retries off
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
     * @param catalog where model facts and prices come from (default {@link
     *     ModelCatalog#builtIn()})
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
     * @throws IllegalStateException if the settings do not fit together (store, chaining or
     *     background mode with OpenRouter; chaining or background mode without store)
     */
    public OpenAiResponses build() {
      Settings settings =
          new Settings(target, store, chain, background, pollInterval, verbosity, retryPolicy);
      TransportConfig config = new TransportConfig(connectTimeout, readTimeout);
      ModelHttp http =
          Connections.open(target, baseUrl, apiKey, environment, headers, transport.create(config));
      return new OpenAiResponses(this, http, settings);
    }
  }
}
