package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import dev.taskforce.internal.Concurrency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A local server that speaks OpenRouter's Chat Completions wire format, for testing agents offline:
 * no network, no API key, no cost, and answers you choose.
 *
 * <p>Point any OpenRouter client at {@link #baseUrl()} with {@link #apiKey()}. Each chat request is
 * checked the way the real service checks it (key, model id, JSON, tool messages, strict schemas,
 * reasoning sent back unchanged) and then answered with the next {@link Reply} of the script: a
 * {@link ScriptedTurn} (text, tool calls, reasoning, usage) or a {@link Fault} (rate limits, 5xx,
 * errors inside a 200, broken streams). Bodies and streams are written byte for byte as the service
 * writes them: keep-alive whitespace and comments, {@code gen-} ids, {@code X-Generation-Id}, full
 * usage with cost, reasoning fragments, a separate usage chunk, {@code [DONE]}.
 *
 * <pre>{@code
 * try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
 *   server.enqueue(
 *       ScriptedTurn.builder()
 *           .openAiReasoning("The user wants the weather in Oslo: call the tool.")
 *           .toolCall(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"))
 *           .build(),
 *       Fault.rateLimited(Duration.ofSeconds(1)),        // the next request is refused once
 *       ScriptedTurn.ofText("It is 3 °C in Oslo."));
 *
 *   // ... run the agent against server.baseUrl() with server.apiKey() ...
 *
 *   server.assertAllScriptedTurnsUsed();
 *   assertThat(server.reasoningRoundTrips().verified()).isEqualTo(2); // both later requests
 * }
 * }</pre>
 *
 * <p>Reasoning continuity: the server remembers the {@code reasoning_details} it issued with every
 * assistant turn, and a later request that carries that assistant message must carry them back
 * JSON-equal, or it gets the 400 the provider sends ("Provider returned error", with what differed
 * in {@code error.metadata.raw}). See {@link ReasoningCheck} for the modes and {@link
 * #reasoningRoundTrips()} for what was checked.
 *
 * <p>Endpoints: {@code POST /api/v1/chat/completions} (plain and {@code stream:true}), {@code POST
 * /api/v1/responses} (OpenRouter's stateless Responses API, plain and streamed, answered from the
 * same script: a turn becomes a reasoning item, a message item and function calls; {@code
 * store:true} and {@code previous_response_id} are refused, and each reasoning item issued must
 * come back unchanged in a later request's {@code input}), {@code GET /api/v1/models}, {@code GET
 * /api/v1/generation?id=}. The server listens on 127.0.0.1 on a free port from {@link
 * Builder#start()} until {@link #close()}. It is thread-safe: requests are served concurrently, and
 * the script may be extended while it runs. Loading this class sets the JDK property {@code
 * sun.net.httpserver.nodelay} to {@code true} unless it is already set, so that answers are not
 * held back by TCP delayed acknowledgements.
 */
public final class FakeOpenRouter implements AutoCloseable {

  /** The key the server expects unless {@link Builder#apiKey(String)} sets another. */
  public static final String DEFAULT_API_KEY = "sk-or-v1-fake-taskforce-test-key";

  static {
    // The JDK server writes an answer's headers and body in separate packets; without TCP_NODELAY
    // each answer then waits about 40 ms for the client's delayed ACK. The JDK reads this property
    // once, when the first server in the JVM starts; a value set explicitly is left alone.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final String apiKey;
  private final Script<RecordedRequest, Reply> script;
  private final ReasoningLedger ledger;
  private final Router router;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeOpenRouter(Builder b) throws IOException {
    this.apiKey = b.apiKey;
    this.script = new Script<>("FakeOpenRouter", "scripted replies", b.rule);
    this.ledger = new ReasoningLedger(b.reasoningCheck);
    FakeModels models = new FakeModels(new ArrayList<>(b.models));
    Generations generations = new Generations();
    Credits credits = new Credits(b.creditsUsd);
    Ids ids = new Ids(b.clock, b.random);
    ChatHandler chat =
        new ChatHandler(
            b.leadingWhitespace,
            b.keepAliveComments,
            models,
            ledger,
            script,
            credits,
            generations,
            ids);
    ResponsesHandler responses =
        new ResponsesHandler(
            b.leadingWhitespace,
            b.keepAliveComments,
            models,
            new ReasoningItems(ledger),
            script,
            credits,
            generations,
            ids);
    this.router = new Router(apiKey, models, chat, responses, generations);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", router);
    server.setExecutor(Concurrency.executor());
    server.start();
  }

  /**
   * Starts configuring a server: the GPT-5.4 models, {@link #DEFAULT_API_KEY}, strict reasoning
   * checks, realistic keep-alives, the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL to give a client, for example {@code http://127.0.0.1:54321/api/v1}.
   *
   * @return the URL, without a trailing slash
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + Router.PREFIX;
  }

  /**
   * The API key the server accepts as {@code Authorization: Bearer <key>}.
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Adds replies to the end of the script. Each valid chat or Responses request takes the next one;
   * requests the server rejects (bad key, unknown model, broken reasoning, ...) take none.
   *
   * @param replies the replies, in the order they are to be served
   * @return this server
   */
  public FakeOpenRouter enqueue(Reply... replies) {
    requireNonNull(replies, "replies == null");
    List<Reply> list = Arrays.asList(replies.clone());
    for (int i = 0; i < list.size(); i++) {
      requireNonNull(list.get(i), "replies[" + i + "] == null");
    }
    script.add(list);
    return this;
  }

  /**
   * The replies not yet served, in order.
   *
   * @return a snapshot
   */
  public List<Reply> pendingReplies() {
    return script.pending();
  }

  /**
   * Every request received so far, on any path, in arrival order; rejected ones included.
   *
   * @return a snapshot
   */
  public List<RecordedRequest> requests() {
    return router.requests();
  }

  /**
   * The {@code POST /api/v1/chat/completions} requests received so far, in arrival order.
   *
   * @return a snapshot
   */
  public List<RecordedRequest> chatRequests() {
    return posts("/chat/completions");
  }

  /**
   * The {@code POST /api/v1/responses} requests received so far, in arrival order.
   *
   * @return a snapshot
   */
  public List<RecordedRequest> responsesRequests() {
    return posts("/responses");
  }

  private List<RecordedRequest> posts(String path) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : router.requests()) {
      if (r.method().equals("POST") && r.path().equals(Router.PREFIX + path)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * What the reasoning check has verified, let pass and rejected so far.
   *
   * @return a snapshot of the counts
   */
  public ReasoningRoundTrips reasoningRoundTrips() {
    return ledger.counts();
  }

  /**
   * Checks that the script went as planned: every queued reply was served, and no chat request
   * arrived after the script ran out (such requests get a 500 that says so).
   *
   * @throws AssertionError listing the replies left and the requests that found none
   */
  public void assertAllScriptedTurnsUsed() {
    script.assertUsed();
  }

  /** Stops the server at once, ending open streams. Calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
    }
  }

  /** Shows the base URL. */
  @Override
  public String toString() {
    return "FakeOpenRouter[" + baseUrl() + "]";
  }

  /** Configures and starts a {@link FakeOpenRouter}. Not thread-safe. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private final LinkedHashSet<String> models = new LinkedHashSet<>(FakeModels.GPT_5_4_FAMILY);
    private ReasoningCheck reasoningCheck = ReasoningCheck.STRICT;
    private @Nullable Function<RecordedRequest, Reply> rule;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new Random();
    private boolean leadingWhitespace = true;
    private int keepAliveComments = 2;
    private @Nullable BigDecimal creditsUsd;

    private Builder() {}

    /**
     * Sets the API key the server accepts; any other key, or none, gets a 401.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey(): the key is blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Sets the model ids the server knows, replacing the default GPT-5.4 family ({@code
     * openai/gpt-5.4-pro}, {@code -mini}, {@code -nano}, {@code openai/gpt-5.4}). A request for
     * another model gets "is not a valid model ID"; one without a model gets the first. The GPT-5.4
     * models keep their real limits and prices; other ids are listed as free.
     *
     * @param ids the model ids, at least one
     * @return this builder
     */
    public Builder models(String... ids) {
      requireNonNull(ids, "ids == null");
      if (ids.length == 0) {
        throw new IllegalArgumentException("models(): at least one model id is needed");
      }
      models.clear();
      for (String id : ids) {
        models.add(requireNonNull(id, "model id == null"));
      }
      return this;
    }

    /**
     * Sets how strictly reasoning sent back is checked; {@link ReasoningCheck#STRICT} by default.
     *
     * @param reasoningCheck the mode
     * @return this builder
     */
    public Builder reasoningCheck(ReasoningCheck reasoningCheck) {
      this.reasoningCheck = requireNonNull(reasoningCheck, "reasoningCheck == null");
      return this;
    }

    /**
     * Sets a rule that answers valid chat requests whenever the script is empty, for example by
     * looking at the last message. It is called on the server's threads, possibly concurrently; if
     * it throws, the request gets a 500 naming the exception.
     *
     * @param rule a function from the request to its reply; it must not return {@code null}
     * @return this builder
     */
    public Builder rule(Function<RecordedRequest, Reply> rule) {
      this.rule = requireNonNull(rule, "rule == null");
      return this;
    }

    /**
     * Sets the clock for {@code created} timestamps and generation ids.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the random source for ids and opaque reasoning blobs; seed it for repeatable bytes.
     *
     * @param random the source; the server serialises its use
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Sets whether plain (non-streaming) bodies start with the whitespace lines the service sends
     * as keep-alives before the JSON; on by default, as with the real service.
     *
     * @param leadingWhitespace whether to send them
     * @return this builder
     */
    public Builder leadingWhitespace(boolean leadingWhitespace) {
      this.leadingWhitespace = leadingWhitespace;
      return this;
    }

    /**
     * Sets how many {@code : OPENROUTER PROCESSING} comments a stream starts with (one more follows
     * the first chunk when this is not zero); 2 by default.
     *
     * @param count the number, zero or more
     * @return this builder
     */
    public Builder keepAliveComments(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("keepAliveComments(): count is negative: " + count);
      }
      this.keepAliveComments = count;
      return this;
    }

    /**
     * Gives the key a credit in US dollars. A request whose worst case (its output limit, or the
     * model's maximum output, at list price) exceeds what is left gets the 402 "You requested up to
     * N tokens, but can only afford M"; each answer's cost is taken off. Unlimited by default.
     *
     * @param creditsUsd the credit, zero or more
     * @return this builder
     */
    public Builder creditsUsd(BigDecimal creditsUsd) {
      requireNonNull(creditsUsd, "creditsUsd == null");
      if (creditsUsd.signum() < 0) {
        throw new IllegalArgumentException("creditsUsd(): negative credit " + creditsUsd);
      }
      this.creditsUsd = creditsUsd;
      return this;
    }

    /**
     * Starts a server with this configuration, on 127.0.0.1 and a free port. The builder may be
     * used again to start another.
     *
     * @return the running server; close it when done
     * @throws UncheckedIOException if no port could be bound
     */
    public FakeOpenRouter start() {
      try {
        return new FakeOpenRouter(this);
      } catch (IOException e) {
        throw new UncheckedIOException("start(): could not bind 127.0.0.1", e);
      }
    }
  }
}
