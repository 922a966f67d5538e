package dev.taskforce.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.message.UserMessage;
import dev.taskforce.model.AuthenticationException;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.MalformedResponseException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.RetryingChatModel;
import dev.taskforce.model.StreamListener;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  private static final String OK =
      Items.response(Items.output(Items.message("msg_1", "final_answer", "ok")));

  private final ScriptedServer server = ScriptedServer.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    server.close();
  }

  private ChatModel retrying() {
    return TestClients.openAi(server.baseUrl() + "/v1", sleeper).build().model("gpt-5.4-pro");
  }

  private ChatModel once() {
    return TestClients.openAi(server.baseUrl() + "/v1").build().model("gpt-5.4-pro");
  }

  private static ChatRequest request() {
    return ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build();
  }

  @Test
  void modelsRetryByDefault() {
    assertThat(retrying()).isInstanceOf(RetryingChatModel.class);
  }

  @Test
  void readsOpenAisErrorObjectWithTypeAndParam() {
    server.enqueue(
        ScriptedResponse.json(
            400,
            "{\"error\":{\"message\":\"Item 'fc_1' of type 'function_call' was provided without its"
                + " required 'reasoning' item: 'rs_1'.\",\"type\":\"invalid_request_error\","
                + "\"param\":\"input\",\"code\":null}}"));
    assertThatThrownBy(() -> retrying().chat(request()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error().type()).isEqualTo("invalid_request_error");
              assertThat(e.getMessage()).contains("without its required 'reasoning' item");
              assertThat(e.getMessage()).contains("(param: input)");
              assertThat(e.isRetryable()).isFalse();
            });
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void seesAContextLengthErrorInTheCode() {
    server.enqueue(
        ScriptedResponse.json(
            400,
            "{\"error\":{\"message\":\"Your input exceeds the limit.\",\"type\":\"invalid_request_error\","
                + "\"param\":\"input\",\"code\":\"context_length_exceeded\"}}"));
    assertThatThrownBy(() -> once().chat(request()))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.isContextLengthExceeded()).isTrue());
  }

  @Test
  void retriesA429AfterItsRetryAfterThenAnswers() {
    server.enqueue(
        ScriptedResponse.json(
                429,
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"param\":null,"
                    + "\"code\":\"rate_limit_exceeded\"}}")
            .header("retry-after", "3"));
    server.enqueue(
        ScriptedResponse.json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
    server.enqueue(ScriptedResponse.json(200, OK));
    ChatResponse r = retrying().chat(request());
    assertThat(r.message().text()).isEqualTo("ok");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
  }

  @Test
  void aFailedResponseInA200IsTypedByItsCodeAndRetried() {
    String failed =
        "{\"id\":\"resp_f\",\"object\":\"response\",\"status\":\"failed\","
            + "\"error\":{\"code\":\"server_error\",\"message\":\"The model failed.\"},\"output\":[]}";
    server.enqueue(ScriptedResponse.json(200, failed));
    server.enqueue(ScriptedResponse.json(200, failed));
    server.enqueue(ScriptedResponse.json(200, failed));
    assertThatThrownBy(() -> retrying().chat(request()))
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.origin()).isEqualTo(ErrorOrigin.RESPONSE_BODY);
              assertThat(e.code()).contains("server_error");
              assertThat(e.getSuppressed()).hasSize(2);
            });
  }

  @Test
  void openRoutersErrorTypeNextToAFailedResponseDecides() {
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"id\":\"resp_o\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\","
                + "\"message\":\"Invalid credentials\"},\"error_type\":\"authentication\"}"));
    assertThatThrownBy(() -> retrying().chat(request()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.error().type()).isEqualTo("authentication");
            });
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void anErrorObjectWithoutAResponseInA200IsAnError() {
    server.enqueue(
        ScriptedResponse.json(
            200, "{\"error\":{\"code\":\"invalid_prompt\",\"message\":\"Prompt too long\"}}"));
    assertThatThrownBy(() -> once().chat(request()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.origin()).isEqualTo(ErrorOrigin.RESPONSE_BODY));
  }

  @Test
  void anErrorEventMidStreamIsTyped() {
    server.enqueue(
        ScriptedResponse.sse()
            .chunk(
                "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,"
                    + "\"response\":{\"id\":\"resp_e\",\"status\":\"in_progress\",\"output\":[]}}\n\n")
            .chunk(
                "event: error\ndata: {\"type\":\"error\",\"code\":\"invalid_prompt\",\"message\":\"Bad"
                    + " prompt\",\"param\":null,\"sequence_number\":1}\n\n"));
    assertThatThrownBy(() -> once().stream(request(), StreamListener.NONE))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.origin()).isEqualTo(ErrorOrigin.STREAM);
              assertThat(e.error().type()).isNull();
              assertThat(e.getMessage()).contains("Bad prompt");
            });
  }

  @Test
  void aServerErrorEventMidStreamIsRetryableAndRetriedWhileNothingWasDelivered() {
    server.enqueue(
        ScriptedResponse.sse()
            .data(
                "{\"type\":\"error\",\"error\":{\"type\":\"server_error\",\"code\":\"server_error\","
                    + "\"message\":\"overloaded\"}}"));
    server.enqueue(ScriptedResponse.json(200, OK));
    ChatResponse r = retrying().stream(request(), StreamListener.NONE);
    assertThat(r.message().text()).isEqualTo("ok");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() {
    server.enqueue(ScriptedResponse.json(200, "<html>gateway</html>"));
    assertThatThrownBy(() -> once().chat(request()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not valid JSON");
  }
}
