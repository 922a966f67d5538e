package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.message.UserMessage;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.RetryingChatModel;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {

  private static final String OK =
      "{\"id\":\"gen-ok\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"content\":\"ok\"}}],"
          + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":0.000001}}";

  private ScriptedServer server;
  private RecordingSleeper sleeper;
  private ChatModel model;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    sleeper = new RecordingSleeper();
    model = TestClient.builder(server, sleeper).build().model("openai/gpt-5.4-nano");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String chat() {
    return model
        .chat(ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build())
        .message()
        .text();
  }

  @Test
  void modelsRetryByDefault() {
    assertThat(model).isInstanceOf(RetryingChatModel.class);
    assertThat(((RetryingChatModel) model).policy().maxAttempts()).isEqualTo(3);
  }

  @Test
  void retriesA429AfterTheRetryAfterHeader() {
    server.enqueue(
        ScriptedResponse.json(429, "{\"error\":{\"message\":\"Rate limit exceeded\",\"code\":429}}")
            .header("Retry-After", "2"));
    server.enqueue(ScriptedResponse.json(200, OK));

    assertThat(chat()).isEqualTo("ok");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void honoursRetryAfterFromTheBody() {
    server.enqueue(
        ScriptedResponse.json(
            503,
            "{\"error\":{\"message\":\"Provider returned error\",\"code\":503,\"metadata\":{\"retry_after_seconds\":7}}}"));
    server.enqueue(
        ScriptedResponse.json(
            429,
            "{\"error\":{\"message\":\"busy\",\"http_status\":429,\"availability\":{\"code\":\"capacity_exhausted\","
                + "\"retryable\":true,\"retry_after\":1.5}}}"));
    server.enqueue(ScriptedResponse.json(200, OK));

    assertThat(chat()).isEqualTo("ok");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(1500));
  }

  @Test
  void backsOffExponentiallyWithoutRetryAfterAndGivesUpAfterThreeAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          ScriptedResponse.json(500, "{\"error\":{\"message\":\"Internal\",\"code\":500}}"));
    }
    assertThatThrownBy(this::chat).hasMessageContaining("HTTP 500");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void neverRetriesABadRequest() {
    server.enqueue(ScriptedResponse.json(400, "{\"error\":{\"message\":\"bad\",\"code\":400}}"));
    server.enqueue(ScriptedResponse.json(200, OK));
    assertThatThrownBy(this::chat).isInstanceOf(BadRequestException.class);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void retriesA404AvailabilityErrorMarkedRetryable() {
    server.enqueue(
        ScriptedResponse.json(
            404,
            "{\"error\":{\"message\":\"Upstream unavailable\",\"http_status\":404,"
                + "\"availability\":{\"code\":\"model_unavailable_upstream\",\"retryable\":true}}}"));
    server.enqueue(ScriptedResponse.json(200, OK));
    assertThat(chat()).isEqualTo("ok");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void retriesAnErrorInsideA200Body() {
    server.enqueue(
        ScriptedResponse.json(
            200, "{\"error\":{\"message\":\"Provider returned error\",\"code\":502}}"));
    server.enqueue(ScriptedResponse.json(200, OK));
    assertThat(chat()).isEqualTo("ok");
  }
}
