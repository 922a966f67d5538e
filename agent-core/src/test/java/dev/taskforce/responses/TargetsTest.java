package dev.taskforce.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ProviderPreferences;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.testserver.RecordedRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final String OK =
      Items.response(Items.output(Items.message("msg_1", "final_answer", "ok")));

  private final ScriptedServer server = ScriptedServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChatRequest request() {
    return ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build();
  }

  private RecordedRequest call(OpenAiResponses client, String model, ChatRequest request) {
    server.enqueue(ScriptedResponse.json(200, OK));
    client.model(model).chat(request);
    return server.takeRequest();
  }

  @Test
  void openAiTakesItsKeyAndBaseUrlFromTheEnvironment() {
    Map<String, String> env =
        Map.of("OPENAI_API_KEY", "sk-env-key-123456", "OPENAI_BASE_URL", server.baseUrl() + "/v1/");
    OpenAiResponses client =
        OpenAiResponses.builder().environment(env::get).retryPolicy(RetryPolicy.NONE).build();
    RecordedRequest sent = call(client, "gpt-5.4-mini", request());
    assertThat(sent.path()).isEqualTo("/v1/responses");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-env-key-123456");
    assertThat(sent.header("User-Agent")).isEqualTo("taskforce");
    assertThat(sent.bodyJson().get("store").booleanValue()).isFalse();
  }

  @Test
  void theDefaultTargetIsOpenAi() {
    OpenAiResponses client = OpenAiResponses.builder().environment(n -> null).build();
    assertThat(client.toString()).contains("baseUrl=https://api.openai.com/v1").contains("OpenAi");
  }

  @Test
  void aMissingKeyFailsTheFirstCallClearlyAndSendsNothing() {
    OpenAiResponses client =
        OpenAiResponses.builder().environment(n -> null).baseUrl(server.baseUrl() + "/v1").build();
    ChatModel model = client.model("gpt-5.4-pro");
    assertThatThrownBy(() -> model.chat(request()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OPENAI_API_KEY")
        .hasMessageContaining("apiKey(...)");
    assertThat(server.requestCount()).isZero();

    OpenAiResponses openRouter =
        OpenAiResponses.builder()
            .openRouter()
            .environment(n -> null)
            .baseUrl(server.baseUrl())
            .build();
    assertThatThrownBy(() -> openRouter.model("openai/gpt-5.4-pro").chat(request()))
        .hasMessageContaining("OPENROUTER_API_KEY");
  }

  @Test
  void aGatewaySendsItsOwnHeaderAndTheKeyWhenThereIsOne() {
    String cf = "Bearer cf-token-abcdefgh";
    OpenAiResponses withKey =
        OpenAiResponses.builder()
            .environment(Map.of("OPENAI_API_KEY", "sk-openai-key-1234")::get)
            .gateway(server.baseUrl() + "/v1/acct/gw/openai", "cf-aig-authorization", cf)
            .retryPolicy(RetryPolicy.NONE)
            .build();
    RecordedRequest sent = call(withKey, "gpt-5.4-pro", request());
    assertThat(sent.path()).isEqualTo("/v1/acct/gw/openai/responses");
    assertThat(sent.header("cf-aig-authorization")).isEqualTo(cf);
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-openai-key-1234");
    assertThat(withKey.toString()).doesNotContain("cf-token");

    OpenAiResponses stored =
        OpenAiResponses.builder()
            .environment(n -> null)
            .gateway(server.baseUrl() + "/v1/acct/gw/openai", "cf-aig-authorization", cf)
            .retryPolicy(RetryPolicy.NONE)
            .build();
    RecordedRequest keyless = call(stored, "gpt-5.4-pro", request());
    assertThat(keyless.header("Authorization")).isNull(); // The gateway holds the provider key.
    assertThat(keyless.header("cf-aig-authorization")).isEqualTo(cf);
  }

  @Test
  void openRouterIsNeverSentStoreOrPreviousResponseId() {
    OpenAiResponses client =
        OpenAiResponses.builder()
            .openRouter()
            .environment(Map.of("OPENROUTER_API_KEY", "sk-or-v1-abcdefgh")::get)
            .baseUrl(server.baseUrl() + "/api/v1")
            .retryPolicy(RetryPolicy.NONE)
            .header("HTTP-Referer", "https://example.app")
            .build();
    ChatRequest r =
        request().toBuilder()
            .fallbackModels(List.of("openai/gpt-5.4"))
            .providerPreferences(ProviderPreferences.builder().requireParameters(true).build())
            .sessionId("s-1")
            .build();
    // Twice, with the first answer in the conversation: a second turn is where a stateful client
    // would send previous_response_id.
    RecordedRequest first = call(client, "openai/gpt-5.4-pro", r);
    server.enqueue(ScriptedResponse.json(200, OK));
    var answer = client.model("openai/gpt-5.4-pro").chat(r).message();
    server.takeRequest();
    RecordedRequest second =
        call(
            client,
            "openai/gpt-5.4-pro",
            r.toBuilder()
                .messages(List.of(UserMessage.of("q"), answer, UserMessage.of("more")))
                .build());

    for (RecordedRequest sent : List.of(first, second)) {
      JsonNode body = sent.bodyJson();
      assertThat(sent.path()).isEqualTo("/api/v1/responses");
      assertThat(body.has("store")).isFalse();
      assertThat(body.has("previous_response_id")).isFalse();
      assertThat(body.has("background")).isFalse();
      assertThat(body.get("include").get(0).asText()).isEqualTo("reasoning.encrypted_content");
      assertThat(body.get("models").get(0).asText()).isEqualTo("openai/gpt-5.4");
      assertThat(body.get("provider").get("require_parameters").booleanValue()).isTrue();
      assertThat(body.get("session_id").asText()).isEqualTo("s-1");
      assertThat(sent.header("HTTP-Referer")).isEqualTo("https://example.app");
    }
    assertThatThrownBy(() -> client.model("m").chat(r.toBuilder().extraBody("store", true).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store");
  }

  @Test
  void statefulSettingsThatCannotWorkFailTheBuild() {
    assertThatThrownBy(() -> OpenAiResponses.builder().openRouter().store(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stateless");
    assertThatThrownBy(() -> OpenAiResponses.builder().background(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("background(true) needs store(true)");
    assertThatThrownBy(() -> OpenAiResponses.builder().chainResponses(true).build())
        .hasMessageContaining("chainResponses(true) needs store(true)");
    assertThatThrownBy(
            () -> OpenAiResponses.builder().gateway("https://g.test", "Authorization", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> OpenAiResponses.builder().baseUrl("ftp://x").build())
        .hasMessageContaining("https://");
  }

  @Test
  void secretsNeverAppearInToStringOrExceptions() {
    String key = "sk-proj-very-secret-key-0001";
    String cf = "cf-secret-token-0002";
    OpenAiResponses client =
        OpenAiResponses.builder()
            .environment(n -> null)
            .apiKey(key)
            .gateway(server.baseUrl() + "/v1", "cf-aig-authorization", "Bearer " + cf)
            .retryPolicy(RetryPolicy.NONE)
            .build();
    // A proxy that echoes the request headers in its error body.
    server.enqueue(
        ScriptedResponse.json(
            400,
            "{\"error\":{\"message\":\"bad auth: Bearer "
                + key
                + " / "
                + cf
                + "\",\"type\":\"invalid_request_error\"}}"));
    ChatModel model = client.model("gpt-5.4-pro");
    assertThatThrownBy(() -> model.chat(request()))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(key).doesNotContain(cf);
              assertThat(e.body().orElse("")).doesNotContain(key).doesNotContain(cf);
              assertThat(e.getMessage()).contains("<redacted>");
            });
    assertThat(client.toString()).doesNotContain(key).doesNotContain(cf);
    assertThat(model.toString()).doesNotContain(key).doesNotContain(cf);
    assertThat(client.toBuilder().build().toString()).doesNotContain(key);
  }
}
