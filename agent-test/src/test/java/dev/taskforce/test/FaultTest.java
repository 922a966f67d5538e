package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultTest {

  private final FakeOpenRouter server = FakeOpenRouter.builder().start();
  private final RawClient client = new RawClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private HttpResponse<String> ask(boolean stream) {
    return client.chat(RawClient.request("openai/gpt-5.4-mini", RawClient.userSays("Hi"), stream));
  }

  private static List<JsonNode> dataEvents(String body) {
    return RawClient.events(body).stream()
        .filter(e -> !e.startsWith(":") && !e.equals("[DONE]"))
        .map(Json::parse)
        .toList();
  }

  @Test
  void rateLimitHappensOnceWithRetryAfterAndProviderMetadataThenTheTurnIsServed() {
    server.enqueue(Fault.rateLimited(Duration.ofMillis(1500)), ScriptedTurn.ofText("Hello"));

    HttpResponse<String> limited = ask(false);
    HttpResponse<String> retried = ask(false);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
    JsonNode error = Json.parse(limited.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(429);
    assertThat(error.get("message").asText()).isEqualTo("Provider returned error");
    assertThat(error.at("/metadata/provider_name").asText()).isEqualTo("OpenAI");
    assertThat(error.at("/metadata/raw").asText()).contains("Rate limit");
    assertThat(error.at("/metadata/retry_after_seconds").asInt()).isEqualTo(2);
    assertThat(Json.parse(limited.body()).get("user_id").asText()).startsWith("user_");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(Json.parse(retried.body()).at("/choices/0/message/content").asText())
        .isEqualTo("Hello");
    server.assertAllScriptedTurnsUsed();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsCarryTheirStatusInTheBody(int status) {
    server.enqueue(Fault.serverError(status));

    HttpResponse<String> r = ask(true);

    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(Json.parse(r.body()).at("/error/code").asInt()).isEqualTo(status);
    assertThat(Json.parse(r.body()).at("/error/message").asText()).isNotBlank();
  }

  @Test
  void serviceUnavailableMayAskForARetryDelay() {
    server.enqueue(new Fault.ServerError(503, "Overloaded", Duration.ofSeconds(7)));

    HttpResponse<String> r = ask(false);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void errorInsideA200BodyHasNoChoices() {
    server.enqueue(Fault.errorInBody(502, "Provider returned error"));

    HttpResponse<String> r = ask(false);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.parse(r.body());
    assertThat(body.has("choices")).isFalse();
    assertThat(body.at("/error/code").asInt()).isEqualTo(502);
    assertThat(body.at("/error/metadata/error_type").asText()).isEqualTo("provider_unavailable");
  }

  @Test
  void errorInsideAStreamIsOneErrorEvent() {
    server.enqueue(Fault.errorInBody(429, "Rate limit exceeded"));

    HttpResponse<String> r = ask(true);

    assertThat(r.statusCode()).isEqualTo(200);
    List<JsonNode> events = dataEvents(r.body());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).at("/error/code").asInt()).isEqualTo(429);
    assertThat(r.body()).doesNotContain("[DONE]");
  }

  @Test
  void failureAfterTheAnswerBeganIsAnErrorChoiceInAPlainBody() {
    server.enqueue(Fault.failedMidResponse("The answer is"));

    HttpResponse<String> r = ask(false);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode choice = Json.parse(r.body()).at("/choices/0");
    assertThat(choice.get("finish_reason").asText()).isEqualTo("error");
    assertThat(choice.at("/error/code").asInt()).isEqualTo(502);
    assertThat(choice.at("/error/metadata/error_type").asText()).isEqualTo("provider_unavailable");
    assertThat(choice.at("/message/content").asText()).isEqualTo("The answer is");
  }

  @Test
  void failureMidStreamEndsWithTheErrorChunkAndNoDone() {
    server.enqueue(Fault.failedMidResponse("The answer is"));

    HttpResponse<String> r = ask(true);

    assertThat(r.statusCode()).isEqualTo(200);
    List<JsonNode> events = dataEvents(r.body());
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.at("/error/code").asInt()).isEqualTo(502);
    assertThat(last.at("/error/message").asText()).isEqualTo("Provider returned error");
    assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("error");
    assertThat(last.get("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(RawClient.accumulate(r.body()).get("content").asText()).isEqualTo("The answer is");
    assertThat(r.body()).doesNotContain("[DONE]");
  }

  @Test
  void truncatedStreamStopsWithoutFinishUsageOrDone() {
    server.enqueue(Fault.truncated("Half an ans"), ScriptedTurn.ofText("whole"));

    HttpResponse<String> r = ask(true);

    ObjectNode merged = RawClient.accumulate(r.body());
    assertThat(merged.get("content").asText()).isEqualTo("Half an ans");
    assertThat(merged.has("finish_reason")).isFalse();
    assertThat(merged.has("usage")).isFalse();
    assertThat(merged.has("done")).isFalse();
    assertThat(ask(true).body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void truncatedPlainBodyBreaksTheConnection() {
    server.enqueue(Fault.truncated("Half"), ScriptedTurn.ofText("whole"));

    assertThatThrownBy(() -> ask(false)).isInstanceOf(UncheckedIOException.class);
    assertThat(ask(false).statusCode()).isEqualTo(200);
  }

  @Test
  void insufficientCreditsIsA402WithTheAffordableTokens() {
    server.enqueue(Fault.insufficientCredits(65536, 14114));

    HttpResponse<String> r = ask(false);

    assertThat(r.statusCode()).isEqualTo(402);
    assertThat(Json.parse(r.body()).at("/error/message").asText())
        .contains("You requested up to 65536 tokens, but can only afford 14114");
    assertThat(Json.parse(r.body()).at("/error/code").asInt()).isEqualTo(402);
  }

  @Test
  void aSmallCreditRefusesRequestsWhoseOutputLimitItCannotCover() {
    try (FakeOpenRouter poor =
        FakeOpenRouter.builder().creditsUsd(new BigDecimal("0.90")).start()) {
      poor.enqueue(ScriptedTurn.ofText("ok"));
      RawClient c = new RawClient(poor);
      ObjectNode big = RawClient.request("openai/gpt-5.4-pro", RawClient.userSays("Hi"), false);
      big.put("max_completion_tokens", 10000);
      ObjectNode small = big.deepCopy().put("max_completion_tokens", 1000);
      ObjectNode unlimited = big.deepCopy();
      unlimited.remove("max_completion_tokens");

      HttpResponse<String> refused = c.chat(big);
      HttpResponse<String> noLimit = c.chat(unlimited);
      HttpResponse<String> served = c.chat(small);

      assertThat(refused.statusCode()).isEqualTo(402);
      // $0.90 at $180/M output is 5000 tokens, less the few prompt tokens.
      assertThat(Json.parse(refused.body()).at("/error/message").asText())
          .containsPattern("requested up to 10000 tokens, but can only afford 49\\d\\d\\.");
      assertThat(Json.parse(noLimit.body()).at("/error/message").asText())
          .contains("requested up to 128000 tokens");
      assertThat(served.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anyOtherHttpErrorIsSentVerbatim() {
    String body = "{\"error\":{\"code\":403,\"message\":\"Request blocked\",\"metadata\":{}}}";
    server.enqueue(new Fault.HttpError(403, body, Map.of("X-Extra", "1")));

    HttpResponse<String> r = ask(false);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).isEqualTo(body);
    assertThat(r.headers().firstValue("X-Extra")).hasValue("1");
  }

  @Test
  void faultValuesAreChecked() {
    assertThatThrownBy(() -> Fault.serverError(404)).hasMessageContaining("500 to 599");
    assertThatThrownBy(() -> Fault.insufficientCredits(10, 10)).hasMessageContaining("requested");
    assertThatThrownBy(() -> Fault.errorInBody(200, "x")).hasMessageContaining("400 to 599");
    assertThatThrownBy(() -> Fault.rateLimited(Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
  }
}
