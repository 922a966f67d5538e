package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.StreamListener;
import dev.taskforce.testserver.Pause;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.testserver.TestThreads;
import dev.taskforce.transport.TransportFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancellationTest {

  @ParameterizedTest(name = "{0} on a virtual thread: {1}")
  @CsvSource({
    "SOCKET, false",
    "SOCKET, true",
    "HTTP_CLIENT, false",
    "HTTP_CLIENT, true",
    "URL_CONNECTION, true"
  })
  void cancellingABlockedStreamingReadEndsTheCallAtOnceWithoutRetrying(
      String transport, boolean virtual) throws Exception {
    assumeTrue(!virtual || TestThreads.virtualThreadsAvailable(), "virtual threads need Java 21+");
    TransportFactory factory =
        switch (transport) {
          case "SOCKET" -> TransportFactory.SOCKET;
          case "HTTP_CLIENT" -> TransportFactory.HTTP_CLIENT;
          default -> TransportFactory.URL_CONNECTION;
        };
    try (ScriptedServer server = ScriptedServer.start()) {
      Pause never = new Pause(); // released only when the server closes
      server.enqueue(
          ScriptedResponse.sse()
              .data(Fixtures.delta("{\"role\":\"assistant\",\"content\":\"Hel\"}"))
              .pause(never)
              .data(Fixtures.delta("{\"content\":\"lo\"}")));
      ChatModel model =
          TestClient.builder(server, new RecordingSleeper())
              .transport(factory)
              .build()
              .model("openai/gpt-5.4-mini");
      CancellationToken token = new CancellationToken();
      CountDownLatch firstDelta = new CountDownLatch(1);
      StreamListener listener =
          new StreamListener() {
            @Override
            public void onText(String delta) {
              firstDelta.countDown();
            }
          };
      ChatRequest request =
          ChatRequest.builder().messages(List.of(UserMessage.of("q"))).cancellation(token).build();
      TestThreads.Running<ChatResponse> call =
          TestThreads.start(virtual, () -> model.stream(request, listener));

      assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();
      never.awaitReached();
      TestThreads.awaitBlocked(call.thread());
      token.cancel();

      assertThatThrownBy(() -> call.outcome().get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(CancelledException.class);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }
}
