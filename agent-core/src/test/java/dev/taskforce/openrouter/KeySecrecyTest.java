package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.StreamListener;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.transport.TransportFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class KeySecrecyTest {

  private ScriptedServer server;
  private ListAppender<ILoggingEvent> logs;
  private Logger root;
  private Level oldLevel;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    oldLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    root.setLevel(oldLevel);
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SOCKET", "URL_CONNECTION", "HTTP_CLIENT"})
  void theKeyAppearsInNoLogLineExceptionOrToString(String transport) {
    TransportFactory factory =
        switch (transport) {
          case "SOCKET" -> TransportFactory.SOCKET;
          case "URL_CONNECTION" -> TransportFactory.URL_CONNECTION;
          default -> TransportFactory.HTTP_CLIENT;
        };
    OpenRouter client =
        TestClient.builder(server, new RecordingSleeper()).transport(factory).build();
    ChatModel model = client.model("openai/gpt-5.4-mini");
    ChatRequest request = ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build();
    List<Throwable> thrown = new ArrayList<>();

    // A retried call that succeeds (logs the retry and the completion).
    server.enqueue(
        ScriptedResponse.json(429, "{\"error\":{\"message\":\"slow down\",\"code\":429}}"));
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));
    model.chat(request);
    // A proxy that echoes the Authorization header back in its error body and metadata.
    String echo =
        "{\"error\":{\"message\":\"Invalid key Bearer "
            + TestClient.KEY
            + "\",\"code\":401,"
            + "\"metadata\":{\"raw\":\"header was Bearer "
            + TestClient.KEY
            + "\"}}}";
    server.enqueue(ScriptedResponse.json(401, echo));
    thrown.add(catchAny(() -> model.chat(request)));
    server.enqueue(ScriptedResponse.json(200, "not json " + TestClient.KEY));
    thrown.add(catchAny(() -> model.chat(request)));
    server.enqueue(
        ScriptedResponse.sse()
            .data("{\"error\":{\"message\":\"" + TestClient.KEY + "\",\"code\":400}}"));
    thrown.add(catchAny(() -> model.stream(request, StreamListener.NONE)));

    assertThat(thrown).allSatisfy(t -> assertThat(t).isInstanceOf(ModelException.class));
    ModelException echoed = (ModelException) thrown.get(0);
    if (factory != TransportFactory.URL_CONNECTION) { // Its 401 bodies are unreadable.
      assertThat(echoed.body()).get().asString().contains("<redacted>");
    }
    for (Throwable t : thrown) {
      ModelException e = (ModelException) t;
      assertThat(stackTrace(e)).doesNotContain(TestClient.KEY);
      assertThat(e.toString()).doesNotContain(TestClient.KEY);
      assertThat(e.body().orElse("")).doesNotContain(TestClient.KEY);
      assertThat(e.metadata().orElse("")).doesNotContain(TestClient.KEY);
      assertThat(e.error().toString()).doesNotContain(TestClient.KEY);
    }
    assertThat(client.toString()).doesNotContain(TestClient.KEY).contains("apiKey=<redacted>");
    assertThat(model.toString()).doesNotContain(TestClient.KEY);
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(TestClient.KEY);
      if (event.getThrowableProxy() != null) {
        assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy()))
            .doesNotContain(TestClient.KEY);
      }
    }
    // The key did go where it belongs.
    assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer " + TestClient.KEY);
  }

  @Test
  void promptAndAnswerTextAreNotLoggedAtInfo() {
    server.enqueue(ScriptedResponse.json(503, "{\"error\":{\"message\":\"busy\",\"code\":503}}"));
    server.enqueue(ScriptedResponse.json(200, Fixtures.TOOL_CALLS_BODY));
    TestClient.builder(server, new RecordingSleeper())
        .build()
        .model("openai/gpt-5.4-mini")
        .chat(
            ChatRequest.builder().messages(List.of(UserMessage.of("secret prompt text"))).build());
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO));
    for (ILoggingEvent e : logs.list) {
      assertThat(e.getFormattedMessage())
          .doesNotContain("secret prompt text")
          .doesNotContain("Calculating sum");
    }
  }

  private static Throwable catchAny(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
