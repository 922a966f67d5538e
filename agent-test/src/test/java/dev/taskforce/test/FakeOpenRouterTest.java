package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ToolCall;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeOpenRouterTest {

  private static HttpResponse<String> ask(FakeOpenRouter server, String text) {
    return new RawClient(server)
        .chat(RawClient.request("openai/gpt-5.4-nano", RawClient.userSays(text), false));
  }

  private static String content(HttpResponse<String> r) {
    return Json.parse(r.body()).at("/choices/0/message/content").asText();
  }

  @Test
  void listensOnLoopbackUnderTheApiPrefix() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1");
      assertThat(server.toString()).contains(server.baseUrl()).doesNotContain(server.apiKey());
    }
  }

  @Test
  void repliesAreServedInOrderAndTheScriptCanGrowWhileRunning() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(ScriptedTurn.ofText("one"));
      assertThat(content(ask(server, "a"))).isEqualTo("one");
      server.enqueue(ScriptedTurn.ofText("two"), ScriptedTurn.ofText("three"));
      assertThat(content(ask(server, "b"))).isEqualTo("two");
      assertThat(content(ask(server, "c"))).isEqualTo("three");
      server.assertAllScriptedTurnsUsed();
    }
  }

  @Test
  void unusedRepliesFailTheAssertionReadably() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(ScriptedTurn.ofText("used"), ScriptedTurn.ofText("never"));
      ask(server, "a");

      assertThatThrownBy(server::assertAllScriptedTurnsUsed)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("1 scripted replies were never served")
          .hasMessageContaining("ScriptedTurn[text(5 chars)]");
    }
  }

  @Test
  void aRequestAfterTheScriptRanOutGetsA500AndFailsTheAssertion() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r = ask(server, "a");

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(Json.parse(r.body()).at("/error/message").asText())
          .contains("no scripted reply left for request #1");
      assertThatThrownBy(server::assertAllScriptedTurnsUsed)
          .hasMessageContaining("1 chat requests came after the script ran out");
    }
  }

  @Test
  void aRuleAnswersWhenTheScriptIsEmpty() {
    try (FakeOpenRouter server =
        FakeOpenRouter.builder()
            .rule(
                req ->
                    ScriptedTurn.ofText("echo: " + req.json().at("/messages/0/content").asText()))
            .start()) {
      server.enqueue(Fault.serverError(502));

      assertThat(ask(server, "first").statusCode()).isEqualTo(502);
      assertThat(content(ask(server, "second"))).isEqualTo("echo: second");
      assertThat(content(ask(server, "third"))).isEqualTo("echo: third");
      server.assertAllScriptedTurnsUsed();
    }
  }

  @Test
  void aRuleThatThrowsGetsA500NamingTheException() {
    try (FakeOpenRouter server =
        FakeOpenRouter.builder()
            .rule(
                req -> {
                  throw new IllegalStateException("boom");
                })
            .start()) {
      HttpResponse<String> r = ask(server, "a");

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).contains("boom");
    }
  }

  @Test
  void everyRequestIsRecordedWithTheKeyRedacted() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(ScriptedTurn.ofText("ok"));
      RawClient client = new RawClient(server);
      ask(server, "Hello");
      client.get("/models");

      List<RecordedRequest> all = server.requests();
      assertThat(all).hasSize(2);
      RecordedRequest chat = all.get(0);
      assertThat(chat.method()).isEqualTo("POST");
      assertThat(chat.path()).isEqualTo("/api/v1/chat/completions");
      assertThat(chat.header("AUTHORIZATION")).hasValue("Bearer [redacted]");
      assertThat(chat.headers().toString()).doesNotContain(server.apiKey());
      assertThat(chat.header("content-type")).hasValue("application/json");
      JsonNode body = chat.json();
      assertThat(body.at("/messages/0/content").asText()).isEqualTo("Hello");
      assertThat(all.get(1).path()).isEqualTo("/api/v1/models");
      assertThat(server.chatRequests()).containsExactly(chat);
      assertThatThrownBy(
              () -> new RecordedRequest("GET", "/x", null, java.util.Map.of(), "").json())
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void requestsAreServedConcurrently() throws Exception {
    CyclicBarrier bothInside = new CyclicBarrier(2);
    try (FakeOpenRouter server =
        FakeOpenRouter.builder()
            .rule(
                req -> {
                  try {
                    // Only returns once two requests are being handled at the same time.
                    bothInside.await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException("requests were not handled concurrently", e);
                  }
                  return ScriptedTurn.ofText("together");
                })
            .start()) {
      CompletableFuture<HttpResponse<String>> a =
          CompletableFuture.supplyAsync(() -> ask(server, "a"));
      CompletableFuture<HttpResponse<String>> b =
          CompletableFuture.supplyAsync(() -> ask(server, "b"));

      assertThat(content(a.get(20, TimeUnit.SECONDS))).isEqualTo("together");
      assertThat(content(b.get(20, TimeUnit.SECONDS))).isEqualTo("together");
    }
  }

  @Test
  void closingTwiceIsHarmlessAndStopsListening() {
    FakeOpenRouter server = FakeOpenRouter.builder().start();
    server.close();
    server.close();

    assertThatThrownBy(() -> ask(server, "a")).isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void builderRejectsBadConfiguration() {
    assertThatThrownBy(() -> FakeOpenRouter.builder().apiKey(" ")).hasMessageContaining("apiKey()");
    assertThatThrownBy(() -> FakeOpenRouter.builder().models()).hasMessageContaining("models()");
    assertThatThrownBy(() -> FakeOpenRouter.builder().keepAliveComments(-1))
        .hasMessageContaining("keepAliveComments()");
    assertThatThrownBy(() -> FakeOpenRouter.builder().creditsUsd(new java.math.BigDecimal("-1")))
        .hasMessageContaining("creditsUsd()");
  }

  /** The example in FakeOpenRouter's Javadoc, played by a plain client. */
  @Test
  void theJavadocExampleWorksAsWritten() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(
          ScriptedTurn.builder()
              .openAiReasoning("The user wants the weather in Oslo: call the tool.")
              .toolCall(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"))
              .build(),
          Fault.rateLimited(Duration.ofSeconds(1)),
          ScriptedTurn.ofText("It is 3 °C in Oslo."));
      RawClient client = new RawClient(server);
      ArrayNode messages = RawClient.userSays("Weather in Oslo?");
      HttpResponse<String> first =
          client.chat(RawClient.request("openai/gpt-5.4-mini", messages, false));
      messages.add(RawClient.echo(Json.parse(first.body()).at("/choices/0/message")));
      messages.add(RawClient.toolResult("call_1", "{\"celsius\":3}"));

      HttpResponse<String> limited =
          client.chat(RawClient.request("openai/gpt-5.4-mini", messages, false));
      HttpResponse<String> retried =
          client.chat(RawClient.request("openai/gpt-5.4-mini", messages, false));

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(content(retried)).isEqualTo("It is 3 °C in Oslo.");
      server.assertAllScriptedTurnsUsed();
      assertThat(server.reasoningRoundTrips().verified()).isEqualTo(2);
    }
  }
}
