package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.model.InsufficientCreditsException;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.openrouter.OpenRouter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * What the extension gives tests and does to their outcome, checked by launching fixture classes
 * (which run only when launched from here).
 */
class TaskforceExtensionTest {

  @TempDir static Path cassettes;

  private static void assertClosed(FakeOpenRouter server) {
    int port = URI.create(server.baseUrl()).getPort();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  private static void assertPassed(Map<String, TestExecutionResult> results, String test) {
    assertThat(results).containsKey(test);
    TestExecutionResult r = results.get(test);
    assertThat(r.getStatus())
        .as("%s: %s", test, r.getThrowable().map(Throwable::toString).orElse(""))
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  private static Throwable failure(Map<String, TestExecutionResult> results, String test) {
    assertThat(results).containsKey(test);
    TestExecutionResult r = results.get(test);
    assertThat(r.getStatus()).as(test).isEqualTo(TestExecutionResult.Status.FAILED);
    return r.getThrowable().orElseThrow();
  }

  @TaskforceTest
  @ExtendWith(LaunchedOnly.class)
  static class Injection {
    static final List<FakeOpenRouter> servers = new CopyOnWriteArrayList<>();

    private final FakeOpenRouter constructorServer;
    private final ScriptedModel constructorModel;
    private FakeOpenRouter beforeEachServer;

    Injection(FakeOpenRouter server, ScriptedModel model) {
      this.constructorServer = server;
      this.constructorModel = model;
    }

    @BeforeEach
    void before(FakeOpenRouter server) {
      beforeEachServer = server;
    }

    @Test
    void first(
        FakeOpenRouter server,
        OpenRouter openRouter,
        ScriptedModel model,
        @ModelId("openai/gpt-5.4-pro") ScriptedModel pro,
        @ModelId("openai/gpt-5.4-pro") ScriptedModel samePro,
        Cassette cassette) {
      servers.add(server);
      assertThat(server).isSameAs(constructorServer).isSameAs(beforeEachServer);
      assertThat(model).isSameAs(constructorModel).isNotSameAs(pro);
      assertThat(pro).isSameAs(samePro);
      assertThat(model.id()).isEqualTo("scripted");
      assertThat(pro.info()).isEqualTo(ModelCatalog.builtIn().info("openai/gpt-5.4-pro"));
      assertThat(cassette.file())
          .isEqualTo(
              Path.of("src/test/resources/cassettes/TaskforceExtensionTest$Injection/first.json"));
      server.enqueue(ScriptedTurn.ofText("from the server"));
      assertThat(
              openRouter
                  .model("openai/gpt-5.4-nano")
                  .chat(ScriptedModelTest.ask("hi"))
                  .message()
                  .text())
          .isEqualTo("from the server");
    }

    @Test
    void second(FakeOpenRouter server) {
      servers.add(server);
      assertThat(server).isSameAs(constructorServer);
      assertThat(server.pendingReplies()).isEmpty();
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void injectsAServerClientModelsAndACassetteFreshForEachTestAndClosesTheServerAfter() {
    Injection.servers.clear();

    Map<String, TestExecutionResult> results = Fixtures.launch(Injection.class);

    assertPassed(results, "first");
    assertPassed(results, "second");
    assertThat(Injection.servers).hasSize(2).doesNotHaveDuplicates();
    Injection.servers.forEach(TaskforceExtensionTest::assertClosed);
  }

  @TaskforceTest
  @ExtendWith(LaunchedOnly.class)
  static class Scripts {
    @Test
    void leavesAnAnswer(ScriptedModel model) {
      model.enqueue(ScriptedTurn.ofText("never"));
    }

    @Test
    void leavesATurn(FakeOpenRouter server) {
      server.enqueue(ScriptedTurn.ofText("never"));
    }

    @Test
    void missesAnExpectedRequest(@ModelId("openai/gpt-5.4-mini") ScriptedModel model) {
      model.expectRequest(RequestExpectation.messageCount(1));
    }

    @Test
    @TaskforceTest(assertScriptsUsed = false)
    void optsOut(ScriptedModel model) {
      model.enqueue(ScriptedTurn.ofText("never"));
    }

    @Test
    void failsOnItsOwn(ScriptedModel model) {
      model.enqueue(ScriptedTurn.ofText("never"));
      throw new IllegalStateException("its own failure");
    }
  }

  @Test
  void failsAPassingTestWhoseScriptWasNotFollowedUnlessItOptsOut() {
    Map<String, TestExecutionResult> results = Fixtures.launch(Scripts.class);

    assertThat(failure(results, "leavesAnAnswer"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ScriptedModel[scripted] script was not followed");
    assertThat(failure(results, "leavesATurn"))
        .hasMessageContaining("FakeOpenRouter script was not followed");
    assertThat(failure(results, "missesAnExpectedRequest"))
        .hasMessageContaining("ScriptedModel[openai/gpt-5.4-mini] requests did not meet")
        .hasMessageContaining("request #1 was expected (has 1 messages) but only 0 came");
    assertPassed(results, "optsOut");
    Throwable own = failure(results, "failsOnItsOwn");
    assertThat(own).isInstanceOf(IllegalStateException.class).hasMessage("its own failure");
    assertThat(own.getSuppressed()).isEmpty();
  }

  @ExtendWith(LaunchedOnly.class)
  static class Replays {
    @RegisterExtension
    static final TaskforceExtension taskforce =
        TaskforceExtension.builder().cassettes(cassettes).build();

    @Test
    void replaysPartOfItsCassette(Cassette cassette) {
      ScriptedModel unused = ScriptedModel.builder().build();
      assertThat(cassette.replayOrRecord(unused).chat(ScriptedModelTest.ask("one")))
          .extracting(r -> r.message().text())
          .isEqualTo("first");
    }
  }

  @Test
  void aCassetteWithCallsLeftUnplayedFailsTheTest() {
    Path file = cassettes.resolve("TaskforceExtensionTest$Replays/replaysPartOfItsCassette.json");
    ScriptedModel real = ScriptedModel.builder().build();
    real.enqueue(ScriptedTurn.ofText("first"), ScriptedTurn.ofText("second"));
    Cassette recording = Cassette.at(file);
    recording.record(real).chat(ScriptedModelTest.ask("one"));
    recording.record(real).chat(ScriptedModelTest.ask("two"));

    Throwable t = failure(Fixtures.launch(Replays.class), "replaysPartOfItsCassette");

    assertThat(t)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("left 1 of 2 recorded calls unplayed")
        .hasMessageContaining("call 2: user \"two\"");
  }

  @ExtendWith(LaunchedOnly.class)
  static class Configured {
    @RegisterExtension
    static final TaskforceExtension taskforce =
        TaskforceExtension.builder()
            .server(server -> server.creditsUsd(BigDecimal.ZERO))
            .client(client -> client.retryPolicy(RetryPolicy.NONE))
            .assertScriptsUsed(false)
            .build();

    @Test
    void serverAndClientAreConfigured(FakeOpenRouter server, OpenRouter openRouter) {
      assertThatThrownBy(
              () -> openRouter.model("openai/gpt-5.4-nano").chat(ScriptedModelTest.ask("hi")))
          .isInstanceOf(InsufficientCreditsException.class);
      server.enqueue(ScriptedTurn.ofText("left unused, and that is allowed here"));
    }
  }

  @ExtendWith(LaunchedOnly.class)
  static class NoRetries {
    @RegisterExtension
    static final TaskforceExtension taskforce =
        TaskforceExtension.builder().client(client -> client.retryPolicy(RetryPolicy.NONE)).build();

    @Test
    void rateLimitIsNotRetried(FakeOpenRouter server, OpenRouter openRouter) {
      server.enqueue(Fault.rateLimited(Duration.ofSeconds(1)));
      assertThatThrownBy(
              () -> openRouter.model("openai/gpt-5.4-nano").chat(ScriptedModelTest.ask("hi")))
          .isInstanceOf(RateLimitedException.class);
    }
  }

  @Test
  void aRegisteredExtensionConfiguresServerClientAndChecks() {
    assertPassed(Fixtures.launch(Configured.class), "serverAndClientAreConfigured");
    assertPassed(Fixtures.launch(NoRetries.class), "rateLimitIsNotRetried");
  }

  @TaskforceTest
  @ExtendWith(LaunchedOnly.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClass {
    static final List<FakeOpenRouter> classServers = new CopyOnWriteArrayList<>();
    static final List<FakeOpenRouter> testServers = new CopyOnWriteArrayList<>();
    private final FakeOpenRouter shared;

    PerClass(FakeOpenRouter server) {
      this.shared = server;
      classServers.add(server);
    }

    @BeforeAll
    void beforeAll(FakeOpenRouter server) {
      classServers.add(server);
    }

    @Test
    void one(FakeOpenRouter server) {
      testServers.add(server);
      assertThat(server).isNotSameAs(shared);
    }

    @Test
    void two(FakeOpenRouter server) {
      testServers.add(server);
      assertThat(server).isNotSameAs(shared);
    }
  }

  @Test
  void classLevelParametersAreSharedByTheClassAndClosedAfterIt() {
    PerClass.classServers.clear();
    PerClass.testServers.clear();

    Map<String, TestExecutionResult> results = Fixtures.launch(PerClass.class);

    assertPassed(results, "one");
    assertPassed(results, "two");
    assertThat(PerClass.classServers).hasSize(2);
    assertThat(PerClass.classServers.get(0)).isSameAs(PerClass.classServers.get(1));
    assertThat(PerClass.testServers).hasSize(2).doesNotHaveDuplicates();
    assertClosed(PerClass.classServers.get(0));
    PerClass.testServers.forEach(TaskforceExtensionTest::assertClosed);
  }

  @TaskforceTest(cassettes = "build/cassettes")
  @ExtendWith(LaunchedOnly.class)
  static class Parameterized {
    static final List<Path> files = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void run(int n, Cassette cassette) {
      files.add(cassette.file());
    }
  }

  @Test
  void eachInvocationOfAParameterizedTestHasItsOwnCassette() {
    Parameterized.files.clear();

    Map<String, TestExecutionResult> results = Fixtures.launch(Parameterized.class);

    assertPassed(results, "run [1] n=1");
    assertPassed(results, "run [2] n=2");
    Path dir = Path.of("build/cassettes/TaskforceExtensionTest$Parameterized");
    assertThat(Parameterized.files)
        .containsExactlyInAnyOrder(dir.resolve("run-1.json"), dir.resolve("run-2.json"));
  }
}
