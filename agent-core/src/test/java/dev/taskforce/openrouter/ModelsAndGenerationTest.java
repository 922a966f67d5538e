package dev.taskforce.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.ModelNotFoundException;
import dev.taskforce.model.Pricing;
import dev.taskforce.model.ReasoningEffort;
import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.testserver.RecordedRequest;
import dev.taskforce.testserver.ScriptedResponse;
import dev.taskforce.testserver.ScriptedServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelsAndGenerationTest {

  /** Section 8.1, plus a router model and a model with no reasoning block. */
  private static final String MODELS =
      """
      {"data":[
       {"id":"openai/gpt-5.4-pro","canonical_slug":"openai/gpt-5.4-pro-20260305","name":"OpenAI: GPT-5.4 Pro",
        "created":1772668800,"description":"…","context_length":1050000,
        "architecture":{"modality":"text+image+file->text","input_modalities":["text","image","file"],
                        "output_modalities":["text"],"tokenizer":"GPT","instruct_type":null},
        "pricing":{"prompt":"0.00003","completion":"0.00018","web_search":"0.01",
                   "overrides":[{"min_prompt_tokens":272000,"prompt":"0.00006","completion":"0.00027"},
                                {"utc_start":"2026-01-01T00:00:00Z","utc_end":"2026-01-02T00:00:00Z","prompt":"0"}]},
        "top_provider":{"context_length":1050000,"max_completion_tokens":128000,"is_moderated":true},
        "per_request_limits":null,
        "supported_parameters":["include_reasoning","max_tokens","reasoning","response_format","seed","stop",
                                "structured_outputs","tool_choice","tools"],
        "default_parameters":{"temperature":null},
        "reasoning":{"supported_efforts":["xhigh","high","medium"],"mandatory":true,"default_enabled":true},
        "knowledge_cutoff":"2025-08-31","expiration_date":null,"supported_voices":null,
        "links":{"details":"/api/v1/models/openai/gpt-5.4-pro/endpoints"}},
       {"id":"openrouter/auto","context_length":2000000,"pricing":{"prompt":"-1","completion":"-1"},
        "top_provider":{"max_completion_tokens":null},"supported_parameters":["response_format"],
        "reasoning":{"supported_efforts":null}},
       {"id":"x/plain","context_length":8000,"pricing":{"prompt":"0.000001","completion":"0.000002","input_cache_read":"0.0000001"},
        "top_provider":{"max_completion_tokens":4096},"supported_parameters":["tools","response_format"]}],
       "total_count":3,"links":{"next":null}}
      """;

  private ScriptedServer server;
  private RecordingSleeper sleeper;
  private OpenRouter client;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    sleeper = new RecordingSleeper();
    client = TestClient.builder(server, sleeper).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readsTheModelListWithTiersEffortsAndStructuredOutputs() {
    server.enqueue(ScriptedResponse.json(200, MODELS));

    List<ModelInfo> models = client.listModels();

    assertThat(models)
        .extracting(ModelInfo::id)
        .containsExactly("openai/gpt-5.4-pro", "openrouter/auto", "x/plain");
    ModelInfo pro = models.get(0);
    assertThat(pro.contextLength()).isEqualTo(1_050_000);
    assertThat(pro.maxOutputTokens()).isEqualTo(128_000);
    assertThat(pro.supportsJsonSchema()).isTrue();
    assertThat(pro.reasoningEfforts())
        .isEqualTo(EnumSet.of(ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH));
    assertThat(pro.pricing().inputPerToken()).isEqualTo(new BigDecimal("0.00003"));
    assertThat(pro.pricing().tiers())
        .containsExactly(
            new Pricing.Tier(272_000, new BigDecimal("0.00006"), new BigDecimal("0.00027"), null));
    assertThat(pro.pricing().cost(300_000, 0, 1000)).isEqualByComparingTo("18.27");

    ModelInfo auto = models.get(1);
    assertThat(auto.pricing()).isEqualTo(Pricing.UNKNOWN);
    assertThat(auto.supportsJsonSchema()).isFalse();
    assertThat(auto.reasoningEfforts()).isEqualTo(EnumSet.allOf(ReasoningEffort.class));

    ModelInfo plain = models.get(2);
    assertThat(plain.reasoningEfforts()).isEmpty();
    assertThat(plain.pricing().cachedInputPerToken()).isEqualTo(new BigDecimal("0.0000001"));

    RecordedRequest got = server.takeRequest();
    assertThat(got.method()).isEqualTo("GET");
    assertThat(got.path()).isEqualTo("/api/v1/models");
  }

  @Test
  void theModelListNeedsNoKey() {
    server.enqueue(ScriptedResponse.json(200, MODELS));
    OpenRouter.builder().environment(n -> null).baseUrl(server.baseUrl()).build().listModels();
    assertThat(server.takeRequest().header("Authorization")).isNull();
  }

  @Test
  void refreshingTheCatalogUpdatesModelsAlreadyHandedOut() {
    ChatModel plain = client.model("x/plain");
    assertThat(plain.info().isUnknown()).isTrue();
    server.enqueue(ScriptedResponse.json(200, MODELS));

    ModelCatalog refreshed = client.refreshCatalog();

    assertThat(plain.info().contextLength()).isEqualTo(8000);
    assertThat(refreshed.find("openai/gpt-5.4-mini")).isPresent(); // built-ins kept
    assertThat(client.catalog()).isSameAs(refreshed);
  }

  @Test
  void waitsForGenerationStatsWhileTheyAreNotThereYet() {
    String notYet = "{\"error\":{\"message\":\"Generation not found\",\"code\":404}}";
    server.enqueue(ScriptedResponse.json(404, notYet));
    server.enqueue(ScriptedResponse.json(404, notYet));
    server.enqueue(
        ScriptedResponse.json(
            200,
            "{\"data\":{\"id\":\"gen-1\",\"upstream_id\":\"resp_1\",\"total_cost\":0.00300125,\"cache_discount\":null,"
                + "\"upstream_inference_cost\":0,\"created_at\":\"2026-03-12T14:38:44.123Z\",\"model\":\"openai/gpt-5\","
                + "\"provider_name\":\"OpenAI\",\"streamed\":true,\"cancelled\":false,\"latency\":1234,"
                + "\"generation_time\":5678,\"finish_reason\":\"tool_calls\",\"native_finish_reason\":\"completed\","
                + "\"tokens_prompt\":113,\"tokens_completion\":286,\"native_tokens_prompt\":113,"
                + "\"native_tokens_completion\":286,\"native_tokens_reasoning\":192,\"native_tokens_cached\":0,"
                + "\"is_byok\":false,\"provider_responses\":[{\"provider\":\"OpenAI\",\"status\":200}]}}"));

    GenerationStats stats = client.generation("gen-1");

    assertThat(stats.id()).isEqualTo("gen-1");
    assertThat(stats.totalCost()).isEqualTo("0.00300125");
    assertThat(stats.cacheDiscount()).isNull();
    assertThat(stats.createdAt()).isEqualTo(Instant.parse("2026-03-12T14:38:44.123Z"));
    assertThat(stats.providerName()).isEqualTo("OpenAI");
    assertThat(stats.latencyMs()).isEqualTo(1234);
    assertThat(stats.nativeTokensReasoning()).isEqualTo(192);
    assertThat(stats.streamed()).isTrue();
    assertThat(stats.isByok()).isFalse();
    assertThat(stats.json()).contains("\"provider_responses\"");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    RecordedRequest got = server.takeRequest();
    assertThat(got.path()).isEqualTo("/api/v1/generation");
    assertThat(got.query()).isEqualTo("id=gen-1");
    assertThat(got.header("Authorization")).isEqualTo("Bearer " + TestClient.KEY);
  }

  @Test
  void givesUpOnGenerationStatsAfterFiveTries() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          ScriptedResponse.json(
              404, "{\"error\":{\"message\":\"Generation not found\",\"code\":404}}"));
    }
    assertThatThrownBy(() -> client.generation("gen-x")).isInstanceOf(ModelNotFoundException.class);
    assertThat(sleeper.sleeps())
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    assertThat(server.requestCount()).isEqualTo(5);
  }
}
