package dev.taskforce.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.Sleeper;
import dev.taskforce.testserver.RecordedRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  private static final String DONE =
      Items.response(Items.output(Items.message("msg_1", "final_answer", "42")))
          .replace("resp_67ca09c5", "resp_bg");

  private final ScriptedServer server = ScriptedServer.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String pending(String status) {
    return "{\"id\":\"resp_bg\",\"object\":\"response\",\"status\":\""
        + status
        + "\",\"background\":true,\"output\":[],\"usage\":null}";
  }

  private ChatModel model(Sleeper s) {
    return TestClients.openAi(server.baseUrl() + "/v1")
        .store(true)
        .background(true)
        .pollInterval(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.builder().sleeper(s).random(() -> 0.0).build())
        .build()
        .model("gpt-5.4-pro");
  }

  private static ChatRequest request(CancellationToken token) {
    return ChatRequest.builder().messages(List.of(UserMessage.of("q"))).cancellation(token).build();
  }

  private List<String> calls() {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : server.requests()) {
      out.add(r.method() + " " + r.path());
    }
    return out;
  }

  @Test
  void pollsWhileQueuedOrInProgressWaitingWithTheSleeper() {
    server.enqueue(ScriptedResponse.json(200, pending("queued")));
    server.enqueue(ScriptedResponse.json(200, pending("in_progress")));
    server.enqueue(ScriptedResponse.json(200, DONE));

    ChatResponse r = model(sleeper).chat(request(CancellationToken.NONE));

    assertThat(r.message().text()).isEqualTo("42");
    assertThat(r.id()).isEqualTo("resp_bg");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(calls())
        .containsExactly(
            "POST /v1/responses", "GET /v1/responses/resp_bg", "GET /v1/responses/resp_bg");
    var body = server.requests().get(0).bodyJson();
    assertThat(body.get("background").booleanValue()).isTrue();
    assertThat(body.get("store").booleanValue()).isTrue();
    assertThat(server.requests().get(1).header("Authorization"))
        .isEqualTo("Bearer " + TestClients.KEY);
  }

  @Test
  void aFailedPollIsRepeatedWithoutStartingAgain() {
    server.enqueue(ScriptedResponse.json(200, pending("queued")));
    server.enqueue(ScriptedResponse.json(503, "{\"error\":{\"message\":\"busy\"}}"));
    server.enqueue(ScriptedResponse.json(200, DONE));

    ChatResponse r = model(sleeper).chat(request(CancellationToken.NONE));

    assertThat(r.message().text()).isEqualTo("42");
    assertThat(calls())
        .containsExactly(
            "POST /v1/responses", "GET /v1/responses/resp_bg", "GET /v1/responses/resp_bg");
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5));
  }

  @Test
  void cancellingTheTokenCancelsTheBackgroundResponse() {
    server.enqueue(ScriptedResponse.json(200, pending("queued")));
    server.enqueue(ScriptedResponse.json(200, pending("in_progress")));
    server.enqueue(ScriptedResponse.json(200, pending("cancelled")));
    CancellationToken token = new CancellationToken();
    AtomicInteger sleeps = new AtomicInteger();
    Sleeper cancelling =
        (d, t) -> {
          if (sleeps.incrementAndGet() == 2) {
            token.cancel(); // The caller gives up while the model is still thinking.
          }
          t.throwIfCancelled();
        };

    assertThatThrownBy(() -> model(cancelling).chat(request(token)))
        .isInstanceOf(CancelledException.class);

    assertThat(calls())
        .containsExactly(
            "POST /v1/responses", "GET /v1/responses/resp_bg", "POST /v1/responses/resp_bg/cancel");
  }

  @Test
  void aBackgroundResponseThatFailsIsTyped() {
    server.enqueue(ScriptedResponse.json(200, pending("queued")));
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"id\":\"resp_bg\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"x\"}}"));
    ChatModel noRetries =
        TestClients.openAi(server.baseUrl() + "/v1")
            .store(true)
            .background(true)
            .retryPolicy(RetryPolicy.builder().maxAttempts(1).sleeper(sleeper).build())
            .build()
            .model("gpt-5.4-pro");
    assertThatThrownBy(() -> noRetries.chat(request(CancellationToken.NONE)))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(sleeper.sleeps()).containsExactly(OpenAiResponses.DEFAULT_POLL_INTERVAL);
  }

  @Test
  void streamingInBackgroundModePollsAndDeliversTheAnswerInOnePiece() {
    server.enqueue(ScriptedResponse.json(200, pending("queued")));
    server.enqueue(ScriptedResponse.json(200, DONE));
    List<String> texts = new ArrayList<>();
    ChatResponse r =
        model(sleeper).stream(
            request(CancellationToken.NONE),
            new dev.taskforce.model.StreamListener() {
              @Override
              public void onText(String delta) {
                texts.add(delta);
              }
            });
    assertThat(texts).containsExactly("42");
    assertThat(r.message().text()).isEqualTo("42");
    assertThat(server.requests().get(0).bodyJson().get("stream").booleanValue()).isFalse();
  }
}
