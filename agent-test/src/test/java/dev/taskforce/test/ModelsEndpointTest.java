package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.internal.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelsEndpointTest {

  private final FakeOpenRouter server = FakeOpenRouter.builder().start();
  private final RawClient client = new RawClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void listsTheGpt54FamilyWithoutNeedingAKey() {
    HttpResponse<String> r =
        RawClient.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build());

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.parse(r.body());
    assertThat(body.get("total_count").asInt()).isEqualTo(4);
    assertThat(body.at("/links/next").isNull()).isTrue();
    List<String> ids = new ArrayList<>();
    body.get("data").forEach(m -> ids.add(m.get("id").asText()));
    assertThat(ids)
        .containsExactly(
            "openai/gpt-5.4-pro", "openai/gpt-5.4-mini", "openai/gpt-5.4-nano", "openai/gpt-5.4");
  }

  @Test
  void proHasItsRealLimitsTieredPricesAndEfforts() {
    JsonNode pro = Json.parse(client.get("/models").body()).at("/data/0");

    assertThat(pro.get("canonical_slug").asText()).isEqualTo("openai/gpt-5.4-pro-20260305");
    assertThat(pro.get("context_length").asLong()).isEqualTo(1_050_000);
    assertThat(pro.at("/top_provider/max_completion_tokens").asLong()).isEqualTo(128_000);
    assertThat(pro.at("/pricing/prompt").asText()).isEqualTo("0.00003");
    assertThat(pro.at("/pricing/completion").asText()).isEqualTo("0.00018");
    JsonNode override = pro.at("/pricing/overrides/0");
    assertThat(override.get("min_prompt_tokens").asLong()).isEqualTo(272_000);
    assertThat(override.get("prompt").asText()).isEqualTo("0.00006");
    assertThat(override.get("completion").asText()).isEqualTo("0.00027");
    assertThat(texts(pro.at("/reasoning/supported_efforts")))
        .containsExactly("xhigh", "high", "medium");
    assertThat(pro.at("/reasoning/mandatory").asBoolean()).isTrue();
    assertThat(texts(pro.get("supported_parameters")))
        .contains("tools", "response_format", "structured_outputs", "reasoning")
        .doesNotContain("temperature", "top_p");
    for (String field :
        List.of(
            "name",
            "created",
            "architecture",
            "per_request_limits",
            "default_parameters",
            "supported_voices",
            "links")) {
      assertThat(pro.has(field)).as(field).isTrue();
    }
  }

  @Test
  void miniAndNanoListTheirCachedInputPrice() {
    JsonNode data = Json.parse(client.get("/models").body()).get("data");

    assertThat(data.at("/1/pricing/input_cache_read").asText()).isEqualTo("0.000000075");
    assertThat(data.at("/1/context_length").asLong()).isEqualTo(400_000);
    assertThat(data.at("/2/pricing/prompt").asText()).isEqualTo("0.0000002");
    assertThat(data.at("/2/pricing/has/overrides").isMissingNode()).isTrue();
  }

  @Test
  void generationStatsAreFoundByTheIdOfAServedAnswer() {
    server.enqueue(ScriptedTurn.ofText("ok"));
    HttpResponse<String> answer =
        client.chat(RawClient.request("openai/gpt-5.4-mini", RawClient.userSays("Hi"), true));
    String id = answer.headers().firstValue("X-Generation-Id").orElseThrow();

    HttpResponse<String> found = client.get("/generation?id=" + id);
    HttpResponse<String> unknown = client.get("/generation?id=gen-1-nope");

    assertThat(found.statusCode()).isEqualTo(200);
    JsonNode data = Json.parse(found.body()).get("data");
    assertThat(data.get("id").asText()).isEqualTo(id);
    assertThat(data.get("model").asText()).isEqualTo("openai/gpt-5.4-mini");
    assertThat(data.get("streamed").asBoolean()).isTrue();
    assertThat(data.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(data.get("total_cost").isNumber()).isTrue();
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void generationNeedsTheKeyAndUnknownPathsAre404() {
    HttpResponse<String> noKey =
        RawClient.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/generation?id=x")).build());

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(client.get("/nothing").statusCode()).isEqualTo(404);
    assertThat(client.get("/chat/completions").statusCode()).isEqualTo(405);
  }
}
