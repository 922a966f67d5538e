package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.RetryingChatModel;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  private static final String OK =
      "{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"content\":\"ok\"}}],"
          + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":0}}";

  private ScriptedServer server;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChatRequest ask() {
    return ChatRequest.builder().messages(List.of(UserMessage.of("q"))).build();
  }

  @Test
  void aMissingKeyFailsAtTheFirstCallWithAClearMessage() {
    OpenRouter client =
        OpenRouter.builder().environment(n -> null).baseUrl(server.baseUrl()).build();
    ChatModel model = client.model("openai/gpt-5.4-mini"); // no error yet

    assertThatThrownBy(() -> model.chat(ask()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "No OpenRouter API key: set the OPENROUTER_API_KEY environment variable or call"
                + " OpenRouter.builder().apiKey(...)");
    assertThatThrownBy(() -> model.stream(ask(), dev.taskforce.model.StreamListener.NONE))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.requestCount()).isZero();
    assertThat(client.toString()).contains("apiKey=<missing>");
  }

  @Test
  void readsTheKeyAndBaseUrlFromTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "OPENROUTER_API_KEY",
            "sk-or-v1-from-env-123456",
            "OPENROUTER_BASE_URL",
            server.baseUrl() + "/api/v1/");
    server.enqueue(ScriptedResponse.json(200, OK));

    OpenRouter.builder().environment(env::get).build().model("openai/gpt-5.4-mini").chat(ask());

    var got = server.takeRequest();
    assertThat(got.path()).isEqualTo("/api/v1/chat/completions");
    assertThat(got.header("Authorization")).isEqualTo("Bearer sk-or-v1-from-env-123456");
  }

  @Test
  void codeOverridesTheEnvironment() {
    Map<String, String> env =
        Map.of("OPENROUTER_API_KEY", "sk-env", "OPENROUTER_BASE_URL", "https://wrong.invalid");
    server.enqueue(ScriptedResponse.json(200, OK));

    OpenRouter.builder()
        .environment(env::get)
        .baseUrl(server.baseUrl())
        .apiKey("sk-or-v1-from-code")
        .header("X-OpenRouter-Categories", "agents")
        .build()
        .model("m")
        .chat(ask());

    var got = server.takeRequest();
    assertThat(got.path()).isEqualTo("/chat/completions");
    assertThat(got.header("Authorization")).isEqualTo("Bearer sk-or-v1-from-code");
    assertThat(got.header("X-OpenRouter-Categories")).isEqualTo("agents");
    assertThat(got.header("User-Agent")).startsWith("taskforce");
  }

  @Test
  void defaultsToOpenRoutersPublicUrl() {
    OpenRouter client = OpenRouter.builder().environment(n -> null).build();
    assertThat(client.toString()).contains("baseUrl=https://openrouter.ai/api/v1,");
  }

  @Test
  void rejectsBadSettingsAtOnce() {
    assertThatThrownBy(
            () -> OpenRouter.builder().environment(n -> null).baseUrl("openrouter.ai").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> OpenRouter.builder().header("Authorization", "Bearer x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                OpenRouter.builder()
                    .environment(n -> null)
                    .readTimeout(java.time.Duration.ZERO)
                    .build())
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> OpenRouter.builder().environment(n -> null).build().model(" "))
        .hasMessageContaining("id");
  }

  @Test
  void retriesCanBeTurnedOff() {
    OpenRouter client =
        TestClient.builder(server, new dev.taskforce.model.RecordingSleeper())
            .retryPolicy(RetryPolicy.NONE)
            .build();
    assertThat(client.model("m")).isNotInstanceOf(RetryingChatModel.class);
    assertThat(client.toBuilder().retryPolicy(RetryPolicy.DEFAULT).build().model("m"))
        .isInstanceOf(RetryingChatModel.class);
  }

  @Test
  void modelsKnowTheirCatalogEntry() {
    ChatModel pro =
        OpenRouter.builder().environment(n -> null).build().model(OpenRouterModels.GPT_5_4_PRO);
    assertThat(pro.id()).isEqualTo("openai/gpt-5.4-pro");
    assertThat(pro.info().contextLength()).isEqualTo(1_050_000);
    assertThat(pro.info().reasoningEfforts())
        .contains(ReasoningEffort.XHIGH)
        .doesNotContain(ReasoningEffort.NONE);
  }

  @Test
  void theConvenienceModelsComeFromOneLazilyCreatedClient() {
    assertThat(OpenRouterModels.gpt54Pro().id()).isEqualTo("openai/gpt-5.4-pro");
    assertThat(OpenRouterModels.gpt54Mini().id()).isEqualTo("openai/gpt-5.4-mini");
    assertThat(OpenRouterModels.gpt54Nano().id()).isEqualTo("openai/gpt-5.4-nano");
    assertThat(OpenRouterModels.gpt54Nano().info().maxOutputTokens()).isEqualTo(128_000);
    assertThat(OpenRouterModels.client()).isSameAs(OpenRouterModels.client());
  }
}
