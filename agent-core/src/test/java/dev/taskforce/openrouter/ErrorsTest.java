package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taskforce.message.UserMessage;
import dev.taskforce.model.AuthenticationException;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ConnectionException;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.InsufficientCreditsException;
import dev.taskforce.model.MalformedResponseException;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ModelNotFoundException;
import dev.taskforce.model.PermissionDeniedException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.transport.TransportFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  private ScriptedServer server;
  private ChatModel model;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    model = TestClient.noRetries(server, TransportFactory.DEFAULT).model("openai/gpt-5.4-mini");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private <T extends ModelException> T failure(ScriptedResponse response, Class<T> type) {
    server.enqueue(response);
    ChatRequest r = ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build();
    T e = catchThrowableOfType(type, () -> model.chat(r));
    assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
    return e;
  }

  @Test
  void a401IsAnAuthenticationFailure() {
    model = TestClient.noRetries(server, TransportFactory.HTTP_CLIENT).model("openai/gpt-5.4-mini");
    AuthenticationException e =
        failure(
            ScriptedResponse.json(
                401, "{\"error\":{\"message\":\"No auth credentials found\",\"code\":401}}"),
            AuthenticationException.class);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.origin()).isEqualTo(ErrorOrigin.HTTP_STATUS);
    assertThat(e.getMessage()).isEqualTo("HTTP 401: No auth credentials found");
    assertThat(e.body())
        .contains("{\"error\":{\"message\":\"No auth credentials found\",\"code\":401}}");
  }

  @Test
  void a401OverHttpUrlConnectionIsStillAnAuthenticationFailureThoughItsBodyIsLost() {
    model =
        TestClient.noRetries(server, TransportFactory.URL_CONNECTION).model("openai/gpt-5.4-mini");
    AuthenticationException e =
        failure(
            ScriptedResponse.json(
                401, "{\"error\":{\"message\":\"No auth credentials found\",\"code\":401}}"),
            AuthenticationException.class);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 401: Unauthorized: the API key is missing, invalid or disabled (empty body)");
  }

  @Test
  void anUnknownModelIdIsModelNotFound() {
    ModelNotFoundException e =
        failure(
            ScriptedResponse.json(
                400,
                "{\"error\":{\"message\":\"no-such/model is not a valid model ID\",\"code\":400},\"user_id\":\"user_x\"}"),
            ModelNotFoundException.class);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void aContextOverflowIsABadRequest() {
    BadRequestException e =
        failure(
            ScriptedResponse.json(
                400,
                "{\"error\":{\"message\":\"This endpoint's maximum context length is 400000 tokens\",\"code\":400,"
                    + "\"metadata\":{\"error_type\":\"context_length_exceeded\"}}}"),
            BadRequestException.class);
    assertThat(e.isContextLengthExceeded()).isTrue();
    assertThat(e.error().type()).isEqualTo("context_length_exceeded");
    assertThat(e.metadata()).contains("{\"error_type\":\"context_length_exceeded\"}");
  }

  @Test
  void a402SaysWhatTheBalanceAffords() {
    InsufficientCreditsException e =
        failure(
            ScriptedResponse.json(
                402,
                "{\"error\":{\"message\":\"This request requires more credits, or fewer max_tokens. You requested up to"
                    + " 65536 tokens, but can only afford 14114. To increase, visit https://openrouter.ai/settings/keys\","
                    + "\"code\":402}}"),
            InsufficientCreditsException.class);
    assertThat(e.affordableTokens()).hasValue(14114);
  }

  @Test
  void aModerationRefusalCarriesItsReasons() {
    PermissionDeniedException e =
        failure(
            ScriptedResponse.json(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Input was flagged\",\"metadata\":{\"reasons\":[\"harassment\"],"
                    + "\"flagged_input\":\"you are…stupid\",\"provider_name\":\"OpenAI\",\"model_slug\":\"openai/gpt-5.4-mini\"}}}"),
            PermissionDeniedException.class);
    assertThat(e.reasons()).containsExactly("harassment");
    assertThat(e.flaggedInput()).contains("you are…stupid");
  }

  @Test
  void availabilityErrorsFollowTheirCodeAndRetryableFlag() {
    ModelNotFoundException gone =
        failure(
            ScriptedResponse.json(
                404,
                "{\"error\":{\"message\":\"No endpoints found\",\"error_type\":\"not_found\",\"http_status\":404,"
                    + "\"availability\":{\"code\":\"no_endpoints\",\"retryable\":false}}}"),
            ModelNotFoundException.class);
    assertThat(gone.isRetryable()).isFalse();

    RateLimitedException busy =
        failure(
            ScriptedResponse.json(
                429,
                "{\"error\":{\"message\":\"Capacity exhausted\",\"error_type\":\"rate_limit_exceeded\",\"http_status\":429,"
                    + "\"availability\":{\"code\":\"capacity_exhausted\",\"retryable\":true,\"retry_after\":40,"
                    + "\"requested_models\":[\"anthropic/claude\"]},\"metadata\":{\"previous_errors\":"
                    + "[{\"provider\":\"anthropic\",\"code\":\"capacity_exhausted\",\"status\":429}]}}}"),
            RateLimitedException.class);
    assertThat(busy.isRetryable()).isTrue();
    assertThat(busy.retryAfter()).contains(Duration.ofSeconds(40));

    ModelNotFoundException restricted =
        failure(
            ScriptedResponse.json(
                404,
                "{\"error\":{\"message\":\"Upstream unavailable\",\"http_status\":404,"
                    + "\"availability\":{\"code\":\"model_unavailable_upstream\",\"retryable\":true}}}"),
            ModelNotFoundException.class);
    assertThat(restricted.isRetryable()).isTrue();

    ProviderUnavailableException later =
        failure(
            ScriptedResponse.json(
                503,
                "{\"error\":{\"message\":\"Temporarily unavailable\",\"http_status\":503,"
                    + "\"availability\":{\"code\":\"temporarily_unavailable\",\"retryable\":true}}}"),
            ProviderUnavailableException.class);
    assertThat(later.error().type()).isEqualTo("temporarily_unavailable");
    assertThat(later.code()).isEmpty();

    PermissionDeniedException region =
        failure(
            ScriptedResponse.json(
                403,
                "{\"error\":{\"message\":\"Not in your region\",\"http_status\":403,"
                    + "\"availability\":{\"code\":\"region_restricted\",\"retryable\":false}}}"),
            PermissionDeniedException.class);
    assertThat(region.isRetryable()).isFalse();
  }

  @Test
  void aProviderErrorShowsTheUpstreamTextAndItsRetryAfter() {
    RateLimitedException e =
        failure(
            ScriptedResponse.json(
                429,
                "{\"error\":{\"message\":\"Provider returned error\",\"code\":429,\"metadata\":{\"raw\":"
                    + "\"openai/gpt-5.4-mini is temporarily rate-limited upstream\",\"provider_name\":\"Venice\","
                    + "\"is_byok\":false,\"retry_after_seconds\":17,\"retry_after_seconds_raw\":16.007,"
                    + "\"headers\":{\"Retry-After\":\"17\"}}},\"user_id\":\"user_x\"}"),
            RateLimitedException.class);
    assertThat(e.getMessage())
        .contains(
            "Provider returned error (Venice: openai/gpt-5.4-mini is temporarily rate-limited upstream)");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
  }

  @Test
  void theRetryAfterHeaderWinsAndRateLimitHeadersAreKept() {
    RateLimitedException e =
        failure(
            ScriptedResponse.json(
                    429,
                    "{\"error\":{\"message\":\"Rate limit exceeded\",\"code\":429,\"metadata\":"
                        + "{\"headers\":{\"X-RateLimit-Limit\":\"200\",\"X-RateLimit-Remaining\":\"0\","
                        + "\"X-RateLimit-Reset\":\"1743292800000\"}}}}")
                .header("Retry-After", "3"),
            RateLimitedException.class);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.metadata().orElseThrow()).contains("\"X-RateLimit-Reset\":\"1743292800000\"");
  }

  @Test
  void aBadGatewayAndAnHtmlErrorPageAreProviderFailures() {
    ProviderUnavailableException bad =
        failure(
            ScriptedResponse.json(
                502, "{\"error\":{\"message\":\"Provider returned error\",\"code\":502}}"),
            ProviderUnavailableException.class);
    assertThat(bad.isRetryable()).isTrue();
    ProviderUnavailableException html =
        failure(
            ScriptedResponse.status(524)
                .header("Content-Type", "text/html")
                .body("<html>timeout</html>"),
            ProviderUnavailableException.class);
    assertThat(html.status()).isEqualTo(524);
    assertThat(html.getMessage()).isEqualTo("HTTP 524: <html>timeout</html>");
  }

  @Test
  void anErrorInsideA200BodyIsTypedByItsCode() {
    RateLimitedException e =
        failure(
            ScriptedResponse.json(
                200,
                "\n   \n{\"error\":{\"message\":\"Rate limit exceeded upstream\",\"code\":429},\"user_id\":\"user_x\"}"),
            RateLimitedException.class);
    assertThat(e.origin()).isEqualTo(ErrorOrigin.RESPONSE_BODY);
    assertThat(e.status()).isEqualTo(429);
  }

  @Test
  void finishReasonErrorWithAChoiceErrorIsTypedByItsCode() {
    ProviderUnavailableException e =
        failure(
            ScriptedResponse.json(
                200,
                "{\"id\":\"gen-9\",\"choices\":[{\"index\":0,\"finish_reason\":\"error\",\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"partial\"},\"error\":{\"code\":502,\"message\":\"Upstream failed\","
                    + "\"metadata\":{\"error_type\":\"provider_unavailable\"}}}]}"),
            ProviderUnavailableException.class);
    assertThat(e.origin()).isEqualTo(ErrorOrigin.CHOICE);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.error().type()).isEqualTo("provider_unavailable");
  }

  @Test
  void anEmptyOrNonJsonSuccessBodyIsMalformed() {
    MalformedResponseException blank =
        failure(ScriptedResponse.json(200, "\n        \n"), MalformedResponseException.class);
    assertThat(blank.getMessage()).contains("empty response body");
    MalformedResponseException garbage =
        failure(ScriptedResponse.json(200, "<html>oops</html>"), MalformedResponseException.class);
    assertThat(garbage.body()).contains("<html>oops</html>");
    assertThat(garbage.isRetryable()).isFalse();
    failure(ScriptedResponse.json(200, "{\"id\":\"gen-1\"}"), MalformedResponseException.class);
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() {
    String url;
    try (ScriptedServer closed = ScriptedServer.start()) {
      url = closed.baseUrl();
    }
    ChatModel m =
        OpenRouter.builder()
            .environment(n -> null)
            .baseUrl(url)
            .apiKey(TestClient.KEY)
            .retryPolicy(dev.taskforce.model.RetryPolicy.NONE)
            .build()
            .model("openai/gpt-5.4-mini");
    ConnectionException e =
        catchThrowableOfType(
            ConnectionException.class,
            () -> m.chat(ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build()));
    assertThat(e.status()).isZero();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.origin()).isEqualTo(ErrorOrigin.TRANSPORT);
  }
}
