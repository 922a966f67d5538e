package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.StreamListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChatModel} that answers from a script, for testing agents without a server: no network,
 * no key, answers you choose, and every request kept for assertions.
 *
 * <p>Answers are {@link ScriptedTurn}s (the same turns {@link FakeOpenRouter} serves, made into the
 * response the OpenRouter client would have read), exact {@link ChatResponse}s, or exceptions to
 * throw; each request takes the next one. A rule answers whatever the queue does not. A streamed
 * call delivers the answer to its {@link StreamListener} in pieces the way a provider does:
 * reasoning and text a few words at a time, each tool call as an id-and-name piece followed by
 * pieces of its arguments.
 *
 * <pre>{@code
 * ScriptedModel model = ScriptedModel.builder()
 *     .info(ModelCatalog.builtIn().info("openai/gpt-5.4-mini"))   // its limits and prices
 *     .build();
 * model.enqueue(
 *         ScriptedTurn.builder()
 *             .toolCall(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"))
 *             .build(),
 *         ScriptedTurn.ofText("It is 3 °C in Oslo."))
 *     .expectRequest(RequestExpectation.lastMessageContains("Oslo"))
 *     .expectRequest(RequestExpectation.lastMessageContains("3 °C"));
 *
 * Agent agent = Agent.builder().model(model).tools(weatherTools).build();
 * assertThat(agent.run("Weather in Oslo?").output()).isEqualTo("It is 3 °C in Oslo.");
 *
 * model.assertAllScriptedAnswersUsed();
 * model.assertExpectationsMet();
 * assertThat(model.requests()).hasSize(2);
 * }</pre>
 *
 * <p>Before it answers, the model checks a request as a provider would: a reasoning effort its
 * {@link ModelInfo} does not allow, or an output limit above its maximum, gets the {@link
 * dev.taskforce.model.BadRequestException} the OpenRouter client throws for the provider's 400, and
 * takes no answer. A request that misses one of its expectations is answered with an {@link
 * AssertionError} at once (and reported again by {@link #assertExpectationsMet()}); a request that
 * finds the script empty gets an {@link AssertionError} too. A cancelled request throws {@link
 * dev.taskforce.cancel.CancelledException}, also between streamed pieces.
 *
 * <p>Thread-safe: calls may come from any number of threads at once; each answer is served once,
 * and the script may grow while calls are made.
 */
public final class ScriptedModel implements ChatModel {

  private final ModelInfo info;
  private final String name;
  private final Script<ChatRequest, ModelAnswer> script;
  private final Expectations expectations = new Expectations();
  private final List<ChatRequest> requests = new ArrayList<>();
  private final Ids ids;

  private ScriptedModel(Builder b) {
    this.info = b.info;
    this.name = "ScriptedModel[" + info.id() + "]";
    Function<ChatRequest, ScriptedTurn> rule = b.rule;
    this.script =
        new Script<>(name, "scripted answers", rule == null ? null : r -> turn(rule.apply(r)));
    this.ids = new Ids(b.clock, b.random);
  }

  private static ModelAnswer turn(ScriptedTurn turn) {
    return new ModelAnswer.Turn(requireNonNull(turn, "the rule returned null"));
  }

  /**
   * Starts configuring a model: id {@code scripted}, nothing known about it ({@link
   * ModelInfo#unknown(String)}: no limits, zero prices), no rule.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds scripted turns to the end of the queue. Defaults are those of {@link FakeOpenRouter}:
   * finish reason from the content, usage estimated and priced from this model's {@link
   * ModelInfo#pricing()}, the served model is this model's id.
   *
   * @param turns the turns, in the order they are to answer
   * @return this model
   */
  public ScriptedModel enqueue(ScriptedTurn... turns) {
    List<ModelAnswer> answers = new ArrayList<>();
    for (ScriptedTurn t : checked(turns, "turns")) {
      answers.add(new ModelAnswer.Turn(t));
    }
    script.add(answers);
    return this;
  }

  /**
   * Adds responses to the end of the queue, served exactly as given.
   *
   * @param responses the responses, in the order they are to answer
   * @return this model
   */
  public ScriptedModel enqueue(ChatResponse... responses) {
    List<ModelAnswer> answers = new ArrayList<>();
    for (ChatResponse r : checked(responses, "responses")) {
      answers.add(new ModelAnswer.Response(r));
    }
    script.add(answers);
    return this;
  }

  /**
   * Adds a failure to the end of the queue: the request that takes it gets this exception thrown,
   * for example a {@link dev.taskforce.model.RateLimitedException}.
   *
   * @param failure the exception to throw, once
   * @return this model
   */
  public ScriptedModel enqueueFailure(RuntimeException failure) {
    script.add(List.of(new ModelAnswer.Failure(requireNonNull(failure, "failure == null"))));
    return this;
  }

  /**
   * Adds expectations for one request: the first call of this method describes request #1, the
   * second request #2, and so on.
   *
   * @param expectations what that request must meet; none to expect only that it comes
   * @return this model
   */
  public ScriptedModel expectRequest(RequestExpectation... expectations) {
    this.expectations.expectNext(checked(expectations, "expectations"));
    return this;
  }

  /**
   * Adds expectations every request must meet, those made already included.
   *
   * @param expectations what each request must meet
   * @return this model
   */
  public ScriptedModel expectEveryRequest(RequestExpectation... expectations) {
    this.expectations.expectEvery(checked(expectations, "expectations"));
    return this;
  }

  /**
   * Every request received so far, in arrival order, rejected ones included.
   *
   * @return a snapshot
   */
  public List<ChatRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Checks that the script went as planned: every queued answer was served, and no request found
   * the script empty.
   *
   * @throws AssertionError listing the answers left and the requests that found none
   */
  public void assertAllScriptedAnswersUsed() {
    script.assertUsed();
  }

  /**
   * Checks every request received against the expectations, and that every request expected with
   * {@link #expectRequest} came.
   *
   * @throws AssertionError naming each request that missed an expectation, what it expected and
   *     what it found instead
   */
  public void assertExpectationsMet() {
    expectations.assertMet(name, requests());
  }

  /**
   * The model's id, from its info.
   *
   * @return the id; {@code scripted} unless configured
   */
  @Override
  public String id() {
    return info.id();
  }

  /**
   * What is known about the model, as configured.
   *
   * @return the info; {@link ModelInfo#unknown(String)} unless configured
   */
  @Override
  public ModelInfo info() {
    return info;
  }

  /**
   * Answers a request from the script.
   *
   * @throws AssertionError if the request misses an expectation or finds the script empty
   * @throws dev.taskforce.model.BadRequestException if the model's info does not allow the request
   * @throws RuntimeException a scripted failure, or what the rule threw
   */
  @Override
  public ChatResponse chat(ChatRequest request) {
    return answer(request, false);
  }

  /**
   * Answers a request from the script, delivering the answer to the listener in pieces first. The
   * pieces join up to the returned response's reasoning text, text and tool calls.
   *
   * @throws AssertionError if the request misses an expectation or finds the script empty
   * @throws dev.taskforce.model.BadRequestException if the model's info does not allow the request
   * @throws RuntimeException a scripted failure, what the rule threw, or what the listener threw
   */
  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    requireNonNull(listener, "listener == null");
    ChatResponse response = answer(request, true);
    StreamPiece.deliver(StreamPiece.split(response), listener, request.cancellation());
    return response;
  }

  private ChatResponse answer(ChatRequest request, boolean streaming) {
    requireNonNull(request, "request == null");
    request.cancellation().throwIfCancelled();
    int number;
    synchronized (requests) {
      requests.add(request);
      number = requests.size();
    }
    String failure = expectations.failure(name, request, number);
    if (failure != null) {
      throw new AssertionError(failure);
    }
    InfoChecks.check(info, request);
    ModelAnswer next = script.next(request, number, request.toString());
    if (next == null) {
      throw new AssertionError(
          name + " has no answer left for request #" + number + "; enqueue one or set a rule");
    }
    if (next instanceof ModelAnswer.Failure f) {
      throw f.exception();
    }
    if (next instanceof ModelAnswer.Response r) {
      return r.response();
    }
    return ModelAnswer.respond(((ModelAnswer.Turn) next).turn(), request, streaming, info, ids);
  }

  private static <T> List<T> checked(T[] items, String name) {
    requireNonNull(items, name + " == null");
    List<T> list = Arrays.asList(items.clone());
    for (int i = 0; i < list.size(); i++) {
      requireNonNull(list.get(i), name + "[" + i + "] == null");
    }
    return list;
  }

  /** Shows the model id. */
  @Override
  public String toString() {
    return name;
  }

  /** Configures a {@link ScriptedModel}. Not thread-safe. */
  public static final class Builder {
    private ModelInfo info = ModelInfo.unknown("scripted");
    private @Nullable Function<ChatRequest, ScriptedTurn> rule;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new Random();

    private Builder() {}

    /**
     * Sets the model id, with nothing known about the model; replaces any {@link #info}.
     *
     * @param id the id, for example {@code openai/gpt-5.4-mini}
     * @return this builder
     */
    public Builder id(String id) {
      requireNonNull(id, "id == null");
      if (id.isBlank()) {
        throw new IllegalArgumentException("id(): the id is blank");
      }
      return info(ModelInfo.unknown(id));
    }

    /**
     * Sets what is known about the model (and so its id): context window, output limit, prices and
     * allowed reasoning efforts, as agents, budgets and this model's own checks see them.
     *
     * @param info the model's info, for example {@code
     *     ModelCatalog.builtIn().info("openai/gpt-5.4-pro")}
     * @return this builder
     */
    public Builder info(ModelInfo info) {
      this.info = requireNonNull(info, "info == null");
      return this;
    }

    /**
     * Sets a rule that answers whenever the queue is empty, for example from the last message. It
     * is called on the caller's thread, possibly concurrently; what it throws, the call throws.
     *
     * @param rule a function from the request to its answer; it must not return {@code null}
     * @return this builder
     */
    public Builder rule(Function<ChatRequest, ScriptedTurn> rule) {
      this.rule = requireNonNull(rule, "rule == null");
      return this;
    }

    /**
     * Sets the clock for the seconds in generation ids.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the random source for generation ids and opaque reasoning blobs; seed it for repeatable
     * answers.
     *
     * @param random the source; the model serialises its use
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Builds the model. The builder may be used again to build another, with its own script.
     *
     * @return the model
     */
    public ScriptedModel build() {
      return new ScriptedModel(this);
    }
  }
}
