package dev.taskforce.tool;

import static dev.taskforce.testing.TestTools.echo;
import static dev.taskforce.testing.TestTools.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ToolRunnerTest {

  /** Upper bound for waits that should end at once; reaching it means the test failed. */
  private static final long SAFETY_SECONDS = 10;

  private final CountDownLatch never = new CountDownLatch(1);
  private final ToolContext context = ToolContext.builder().runId("run-1").build();

  @AfterEach
  void releaseBlockedTools() {
    never.countDown();
  }

  private static ToolCall call(String id, String name) {
    return new ToolCall(id, name, "{}");
  }

  private static ToolRunner runner(ToolHandler... tools) {
    return ToolRunner.builder().tools(List.of(tools)).build();
  }

  @Test
  void runsAllCallsOfATurnConcurrently() {
    CyclicBarrier allThree = new CyclicBarrier(3);
    ToolHandler meet =
        tool(
            "meet",
            (args, ctx) -> {
              try {
                allThree.await(SAFETY_SECONDS, TimeUnit.SECONDS);
                return ToolResult.success("met");
              } catch (Exception e) {
                return ToolResult.failure("not concurrent: " + e);
              }
            });
    List<ToolCallResult> results =
        runner(meet)
            .run(
                List.of(call("1", "meet"), call("2", "meet"), call("3", "meet")),
                context,
                ToolRunListener.NONE);
    assertThat(results).extracting(r -> r.result().content()).containsExactly("met", "met", "met");
  }

  @Test
  void returnsResultsInCallOrderWhenLaterCallsFinishFirst() {
    CountDownLatch secondDone = new CountDownLatch(1);
    ToolHandler slow =
        tool(
            "slow",
            (args, ctx) -> {
              await(secondDone);
              return ToolResult.success("slow");
            });
    ToolHandler fast =
        tool(
            "fast",
            (args, ctx) -> {
              secondDone.countDown();
              return ToolResult.success("fast");
            });
    List<ToolCallResult> results =
        runner(slow, fast)
            .run(List.of(call("a", "slow"), call("b", "fast")), context, ToolRunListener.NONE);
    assertThat(results).extracting(r -> r.call().id()).containsExactly("a", "b");
    assertThat(results).extracting(r -> r.result().content()).containsExactly("slow", "fast");
  }

  @Test
  void anUnknownToolIsAFailureListingTheAvailableTools() {
    ToolCallResult r =
        runner(echo("search"), echo("lookup"))
            .run(List.of(call("1", "serch")), context, ToolRunListener.NONE)
            .get(0);
    assertThat(r.result())
        .isEqualTo(ToolResult.failure("unknown tool \"serch\"; available tools: search, lookup"));
  }

  @Test
  void aThrowingToolIsAFailureWithItsMessageAndTheStackIsLogged() {
    ListAppender<ILoggingEvent> logs = capture();
    ToolHandler broken =
        tool(
            "broken",
            (args, ctx) -> {
              throw new IllegalStateException("the order service is down");
            });
    ToolHandler silent =
        tool(
            "silent",
            (args, ctx) -> {
              throw new IllegalStateException();
            });
    List<ToolCallResult> results =
        runner(broken, silent)
            .run(List.of(call("1", "broken"), call("2", "silent")), context, ToolRunListener.NONE);
    assertThat(results.get(0).result()).isEqualTo(ToolResult.failure("the order service is down"));
    assertThat(results.get(1).result())
        .isEqualTo(ToolResult.failure("the tool failed: IllegalStateException"));
    assertThat(logs.list)
        .filteredOn(e -> e.getLevel() == Level.WARN && e.getThrowableProxy() != null)
        .hasSize(2);
  }

  @Test
  void aToolReturningNullIsAFailure() {
    ToolCallResult r =
        runner(tool("null", (args, ctx) -> null))
            .run(List.of(call("1", "null")), context, ToolRunListener.NONE)
            .get(0);
    assertThat(r.result()).isEqualTo(ToolResult.failure("the tool returned no result"));
  }

  @Test
  void aCallPastTheDefaultTimeoutFailsAndItsThreadIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    ToolHandler stuck =
        tool(
            "stuck",
            (args, ctx) -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
              return ToolResult.success("late");
            });
    ToolRunner runner =
        ToolRunner.builder().tools(List.of(stuck)).defaultTimeout(Duration.ofMillis(5)).build();
    ToolCallResult r =
        runner.run(List.of(call("1", "stuck")), context, ToolRunListener.NONE).get(0);
    assertThat(r.result()).isEqualTo(ToolResult.failure("timed out after 5 ms"));
    assertThat(interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aToolsOwnTimeoutWinsOverTheDefault() {
    ToolHandler stuck =
        withTimeout(
            tool(
                "stuck",
                (args, ctx) -> {
                  await(never);
                  return ToolResult.success("late");
                }),
            Duration.ofMillis(3));
    List<ToolCallResult> results =
        runner(stuck, echo("quick"))
            .run(List.of(call("1", "stuck"), call("2", "quick")), context, ToolRunListener.NONE);
    assertThat(results.get(0).result()).isEqualTo(ToolResult.failure("timed out after 3 ms"));
    assertThat(results.get(1).result()).isEqualTo(ToolResult.success("quick:{}"));
  }

  @Test
  void cancellingTheRunStopsTheWaitAndReportsUnfinishedCalls() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    ToolHandler stuck =
        tool(
            "stuck",
            (args, ctx) -> {
              started.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
              return ToolResult.success("late");
            });
    CountDownLatch quickDone = new CountDownLatch(1);
    ToolRunListener quickFinished =
        new ToolRunListener() {
          @Override
          public void onFinish(ToolCallResult result) {
            if (result.call().id().equals("1")) {
              quickDone.countDown();
            }
          }
        };
    CancellationToken token = new CancellationToken();
    ToolContext ctx = context.toBuilder().cancellation(token).build();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<List<ToolCallResult>> run =
          caller.submit(
              () ->
                  runner(stuck, echo("quick"))
                      .run(List.of(call("1", "quick"), call("2", "stuck")), ctx, quickFinished));
      assertThat(started.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
      // The quick call has its result before the run is cancelled, however the threads ran.
      assertThat(quickDone.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
      token.cancel();
      List<ToolCallResult> results = run.get(SAFETY_SECONDS, TimeUnit.SECONDS);
      assertThat(results.get(0).result()).isEqualTo(ToolResult.success("quick:{}"));
      assertThat(results.get(1).result())
          .isEqualTo(
              ToolResult.failure("cancelled: the run was cancelled before the tool finished"));
      assertThat(interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void anAlreadyCancelledRunStartsNoCallButFinishesEach() {
    CancellationToken token = new CancellationToken();
    token.cancel();
    List<String> events = new CopyOnWriteArrayList<>();
    ToolRunListener listener =
        new ToolRunListener() {
          @Override
          public void onStart(ToolCall call) {
            events.add("start " + call.id());
          }

          @Override
          public void onFinish(ToolCallResult result) {
            events.add("finish " + result.call().id());
          }
        };
    List<ToolCallResult> results =
        runner(tool("never", (a, c) -> ToolResult.success("ran")))
            .run(
                List.of(call("1", "never")),
                context.toBuilder().cancellation(token).build(),
                listener);
    assertThat(results.get(0).result())
        .isEqualTo(ToolResult.failure("not run: the run was cancelled"));
    assertThat(events).containsExactly("finish 1");
  }

  @Test
  void longResultsAreCutWithAMarkerSayingHowMuchWasCut() {
    ToolHandler chatty = tool("chatty", (a, c) -> ToolResult.success("0123456789".repeat(3)));
    ToolHandler angry = tool("angry", (a, c) -> ToolResult.failure("x".repeat(12)));
    ToolHandler emoji = tool("emoji", (a, c) -> ToolResult.success("123456789\uD83D\uDE00"));
    ToolRunner runner =
        ToolRunner.builder().tools(List.of(chatty, angry, emoji)).maxResultChars(10).build();
    List<ToolCallResult> results =
        runner.run(
            List.of(call("1", "chatty"), call("2", "angry"), call("3", "emoji")),
            context,
            ToolRunListener.NONE);
    assertThat(results.get(0).result())
        .isEqualTo(ToolResult.success("0123456789\n[cut: 20 of 30 characters not shown]"));
    assertThat(results.get(1).result())
        .isEqualTo(ToolResult.failure("xxxxxxxxxx\n[cut: 2 of 12 characters not shown]"));
    assertThat(results.get(2).result())
        .isEqualTo(ToolResult.success("123456789\n[cut: 2 of 11 characters not shown]"));
  }

  @Test
  void eachCallGetsTheContextWithItsToolCallId() {
    Map<String, String> seen = new ConcurrentHashMap<>();
    ToolHandler spy =
        tool(
            "spy",
            (a, c) -> {
              seen.put(c.toolCallId().orElse("?"), c.runId());
              return ToolResult.success("ok");
            });
    runner(spy).run(List.of(call("c1", "spy"), call("c2", "spy")), context, ToolRunListener.NONE);
    assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("c1", "run-1", "c2", "run-1"));
  }

  @Test
  void listenersRunOnTheCallsThreadAndTheirExceptionsAreIgnored() {
    Map<String, Thread> threads = new ConcurrentHashMap<>();
    ToolHandler where =
        tool(
            "where",
            (a, c) -> {
              threads.put("tool", Thread.currentThread());
              return ToolResult.success("here");
            });
    ToolRunListener listener =
        new ToolRunListener() {
          @Override
          public void onStart(ToolCall call) {
            threads.put("start", Thread.currentThread());
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onFinish(ToolCallResult result) {
            threads.put("finish", Thread.currentThread());
            throw new IllegalStateException("listener bug");
          }
        };
    ToolCallResult r = runner(where).run(List.of(call("1", "where")), context, listener).get(0);
    assertThat(r.result()).isEqualTo(ToolResult.success("here"));
    assertThat(threads.get("start")).isSameAs(threads.get("tool")).isSameAs(threads.get("finish"));
    assertThat(threads.get("tool")).isNotSameAs(Thread.currentThread());
  }

  @Test
  void duplicateToolNamesAreRejectedByName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> runner(echo("a"), echo("b"), echo("a"), echo("b"), echo("c")))
        .withMessage("tool names must be unique; used more than once: a, b");
  }

  @Test
  void settingsMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ToolRunner.builder().defaultTimeout(Duration.ZERO))
        .withMessageContaining("defaultTimeout must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ToolRunner.builder().maxResultChars(0))
        .withMessageContaining("maxResultChars must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> runner(withTimeout(echo("a"), Duration.ofSeconds(-1))))
        .withMessageContaining("timeout() of tool a must be positive");
  }

  @Test
  void specsKeepRegistrationOrderAndNoCallsGiveNoResults() {
    ToolRunner runner = runner(echo("b"), echo("a"));
    assertThat(runner.specs()).extracting(ToolSpec::name).containsExactly("b", "a");
    assertThat(runner.run(List.of(), context, ToolRunListener.NONE)).isEmpty();
  }

  @Test
  void aResultBecomesAToolMessageAnsweringItsCall() {
    ToolCallResult r =
        new ToolCallResult(call("c9", "find"), ToolResult.failure("nope"), Duration.ZERO);
    assertThat(r.toMessage()).isEqualTo(new ToolResultMessage("c9", "find", "nope", true));
  }

  private static ToolHandler withTimeout(ToolHandler delegate, Duration timeout) {
    return new ToolHandler() {
      @Override
      public ToolSpec spec() {
        return delegate.spec();
      }

      @Override
      public ToolResult call(String argumentsJson, ToolContext context) {
        return delegate.call(argumentsJson, context);
      }

      @Override
      public Optional<Duration> timeout() {
        return Optional.of(timeout);
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(SAFETY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ListAppender<ILoggingEvent> capture() {
    Logger logger = (Logger) LoggerFactory.getLogger(ToolRunner.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }
}
