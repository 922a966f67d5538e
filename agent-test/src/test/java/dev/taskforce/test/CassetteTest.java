package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.agent.Agent;
import dev.taskforce.agent.AgentRequest;
import dev.taskforce.agent.AgentResult;
import dev.taskforce.internal.Json;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.StreamListener;
import dev.taskforce.model.Usage;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.testing.TestTools;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteTest {

  @TempDir Path dir;

  private static Agent agent(ChatModel model) {
    return Agent.builder()
        .model(model)
        .instructions("Use the tools.")
        .tools(List.of(TestTools.echo("lookup")))
        .build();
  }

  private static void scriptTwoToolTurnsAndAnAnswer(FakeOpenRouter server) {
    server.enqueue(
        ScriptedTurn.builder()
            .openAiReasoning("First I look up A.")
            .toolCall(new ToolCall("call_1", "lookup", "{\"id\":\"A\"}"))
            .build(),
        ScriptedTurn.builder()
            .openAiReasoning("Now B.")
            .toolCall(new ToolCall("call_2", "lookup", "{\"id\":\"B\"}"))
            .build(),
        ScriptedTurn.builder().openAiReasoning("Done.").text("A and B are fine.").build());
  }

  /** Records an agent run through the real client against the fake server, which then stops. */
  private Cassette recordRun(String name, boolean streamed, List<String> pieces) {
    Cassette cassette = Cassette.at(dir.resolve(name));
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      scriptTwoToolTurnsAndAnAnswer(server);
      OpenRouter client =
          OpenRouter.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
      AgentResult<String> r =
          agent(cassette.record(client.model("openai/gpt-5.4-mini")))
              .run(request(streamed, pieces));
      assertThat(r.output()).isEqualTo("A and B are fine.");
      server.assertAllScriptedTurnsUsed();
      assertThat(server.reasoningRoundTrips().verified()).isEqualTo(3);
    }
    return cassette;
  }

  /** Records a scripted model answering each question with the text that follows it. */
  private Cassette recordAnswers(String name, String... questionsAndAnswers) {
    Cassette cassette = Cassette.at(dir.resolve(name));
    ScriptedModel real = ScriptedModel.builder().build();
    ChatModel recording = cassette.record(real);
    for (int i = 0; i < questionsAndAnswers.length; i += 2) {
      real.enqueue(ScriptedTurn.ofText(questionsAndAnswers[i + 1]));
      recording.chat(ScriptedModelTest.ask(questionsAndAnswers[i]));
    }
    return cassette;
  }

  private static AgentRequest request(boolean streamed, List<String> pieces) {
    AgentRequest.Builder b = AgentRequest.builder().message("Check A and B");
    if (streamed) {
      b.stream(
          new StreamListener() {
            @Override
            public void onText(String delta) {
              pieces.add("text:" + delta);
            }

            @Override
            public void onReasoning(String delta) {
              pieces.add("reasoning:" + delta);
            }

            @Override
            public void onToolCall(int index, String id, String name, String argumentsDelta) {
              pieces.add("call:" + index + ":" + id + ":" + name + ":" + argumentsDelta);
            }
          });
    }
    return b.build();
  }

  @Test
  void recordsThroughTheRealClientAndReplaysTheSameRunWithoutAServer() {
    Cassette recorded = recordRun("run.json", false, new ArrayList<>());

    ReplayingChatModel replay = Cassette.at(recorded.file()).replay();
    AgentResult<String> r = agent(replay).run("Check A and B");

    assertThat(r.output()).isEqualTo("A and B are fine.");
    assertThat(r.toolCalls()).hasSize(2);
    assertThat(replay.id()).isEqualTo("openai/gpt-5.4-mini");
    assertThat(replay.info()).isEqualTo(ModelCatalog.builtIn().info("openai/gpt-5.4-mini"));
    assertThat(r.usage().costUsd()).isPositive();
    replay.assertAllPlayed();
  }

  @Test
  void aStreamedRecordingReplaysTheSamePiecesToTheListener() {
    List<String> live = new ArrayList<>();
    Cassette recorded = recordRun("streamed.json", true, live);
    List<String> replayed = new ArrayList<>();

    AgentResult<String> r =
        agent(Cassette.at(recorded.file()).replay()).run(request(true, replayed));

    assertThat(r.output()).isEqualTo("A and B are fine.");
    assertThat(live).hasSizeGreaterThan(6);
    assertThat(replayed).isEqualTo(live);
  }

  @Test
  void aDriftedRequestFailsWithADiffNamingTheField() {
    Cassette recorded = recordRun("drift.json", false, new ArrayList<>());
    ReplayingChatModel replay = Cassette.at(recorded.file()).replay();

    assertThatThrownBy(() -> agent(replay).run("Check A and C"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "ReplayingChatModel[openai/gpt-5.4-mini] request #1 drifted from recorded call 1 of 3"
                + " in "
                + recorded.file())
        .hasMessageContaining(
            "\n  messages[1] (user).parts[0].text: expected \"Check A and B\" but was \"Check A"
                + " and C\"")
        .hasMessageEndingWith("If the change is intended, record the cassette again.");
  }

  @Test
  void aDriftInALongTextShowsTheWindowAroundTheFirstDifference() {
    String before = "x".repeat(200) + " the order was A-1042 " + "y".repeat(200);
    String after = before.replace("A-1042", "A-1043");

    String line = JsonDiff.texts(before, after);

    // 30 characters before the difference at 220, 50 from it on.
    String x = "x".repeat(10);
    String y = "y".repeat(48);
    assertThat(line)
        .isEqualTo(
            "expected …\""
                + x
                + " the order was A-1042 "
                + y
                + "\"… but was …\""
                + x
                + " the order was A-1043 "
                + y
                + "\"… (they differ at character 220)");
  }

  @Test
  void settingsDriftsAreNamedToo() {
    Cassette cassette = Cassette.at(dir.resolve("settings.json"));
    ScriptedModel real = ScriptedModel.builder().build();
    real.enqueue(ScriptedTurn.ofText("ok"));
    ChatModel recording = cassette.record(real);
    recording.chat(ScriptedModelTest.ask("hi").toBuilder().maxOutputTokens(100).seed(7L).build());

    ReplayingChatModel replay = Cassette.at(cassette.file()).replay();

    assertThatThrownBy(
            () -> replay.chat(ScriptedModelTest.ask("hi").toBuilder().maxOutputTokens(200).build()))
        .hasMessageContaining("\n  maxOutputTokens: expected 100 but was 200")
        .hasMessageContaining("\n  seed: expected 7 but it is absent");
  }

  @Test
  void theFileRoundTripsReasoningDetailsVerbatimExactCostsAndFinishReasons() throws IOException {
    ReasoningDetail odd =
        ReasoningDetail.fromJson(
            "{\"type\":\"reasoning.text\",\"text\":\"ünïcode \\\"quoted\\\"\",\"signature\":null,"
                + "\"score\":2.50,\"nested\":{\"b\":1,\"a\":[true,null]},\"index\":0}");
    ChatResponse exact =
        new ChatResponse(
            new AssistantMessage(
                "partial",
                List.of(new ToolCall("call_9", "lookup", "{\"broken\":")),
                null,
                new Reasoning("thinking", List.of(odd))),
            FinishReason.LENGTH,
            "max_output_tokens",
            new Usage(1234, 567, 89, 400, new BigDecimal("0.001234500")),
            "openai/gpt-5.4-mini-20260317",
            "Azure",
            "gen-1772668800-abcdefghijklmnopqrst");
    ScriptedModel real = ScriptedModel.builder().id("some/model").build();
    real.enqueue(exact);
    Cassette cassette = Cassette.at(dir.resolve("nested/dir/exact.json"));
    cassette.record(real).chat(ScriptedModelTest.ask("hi"));

    ChatResponse replayed = Cassette.at(cassette.file()).replay().chat(ScriptedModelTest.ask("hi"));

    assertThat(replayed).isEqualTo(exact);
    assertThat(replayed.message().reasoning().details().get(0).json()).isEqualTo(odd.json());
    assertThat(replayed.usage().costUsd()).hasToString("0.001234500");
    String text = Files.readString(cassette.file());
    assertThat(text)
        .contains("\"format\": \"taskforce-cassette\"")
        .contains("\"costUsd\": \"0.001234500\"")
        .contains("\"finishReason\": \"length\"")
        .contains("\"role\": \"user\"")
        .contains("\n      \"request\": {");
  }

  @Test
  void aRecordedFailureReplaysAsTheSameExceptionAndNoKeyIsWritten() throws IOException {
    Cassette cassette = Cassette.at(dir.resolve("failure.json"));
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(Fault.rateLimited(Duration.ofSeconds(3)));
      OpenRouter client =
          OpenRouter.builder()
              .baseUrl(server.baseUrl())
              .apiKey(server.apiKey())
              .appTitle("Cassette test")
              .retryPolicy(RetryPolicy.NONE)
              .build();
      ChatModel recording = cassette.record(client.model("openai/gpt-5.4-nano"));
      assertThatThrownBy(() -> recording.chat(ScriptedModelTest.ask("hi")))
          .isInstanceOf(RateLimitedException.class);
      String text = Files.readString(cassette.file());
      assertThat(text)
          .doesNotContain(server.apiKey())
          .doesNotContainIgnoringCase("authorization")
          .doesNotContainIgnoringCase("bearer")
          .doesNotContain("Cassette test")
          .contains("\"exception\": \"RateLimitedException\"");
    }

    ChatModel replay = Cassette.at(cassette.file()).replay();

    assertThatThrownBy(() -> replay.chat(ScriptedModelTest.ask("hi")))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
              assertThat(e.isRetryable()).isTrue();
            });
  }

  @Test
  void keysInRecordedErrorTextsAreRemoved() {
    Cassette cassette = Cassette.at(dir.resolve("key.json"));
    ScriptedModel real = ScriptedModel.builder().build();
    real.enqueueFailure(
        new dev.taskforce.model.AuthenticationException(
            new dev.taskforce.model.ModelError(
                401,
                null,
                null,
                "bad key sk-or-v1-0123456789abcdef0123",
                null,
                "{\"key\":\"sk-or-v1-0123456789abcdef0123\"}",
                null,
                dev.taskforce.model.ErrorOrigin.HTTP_STATUS,
                null),
            null));
    ChatModel recording = cassette.record(real);
    assertThatThrownBy(() -> recording.chat(ScriptedModelTest.ask("hi")));

    assertThatThrownBy(
            () -> Cassette.at(cassette.file()).replay().chat(ScriptedModelTest.ask("hi")))
        .hasMessageContaining("bad key sk-[redacted]")
        .hasMessageNotContaining("0123456789abcdef");
  }

  @Test
  void unplayedCallsAndRequestsBeyondTheRecordingFail() {
    Cassette cassette = recordAnswers("short.json", "first", "one", "second", "two");

    Cassette again = Cassette.at(cassette.file());
    ReplayingChatModel replay = again.replay();
    replay.chat(ScriptedModelTest.ask("first"));
    assertThat(replay.remaining()).isOne();
    assertThatThrownBy(again::assertAllPlayed)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ReplayingChatModel[scripted] left 1 of 2 recorded calls unplayed")
        .hasMessageContaining("call 2: user \"second\"");
    replay.chat(ScriptedModelTest.ask("second"));
    again.assertAllPlayed();
    assertThatThrownBy(() -> replay.chat(ScriptedModelTest.ask("third")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("request #3 has no recorded call left")
        .hasMessageContaining("its last message is user \"third\"");
  }

  @Test
  void requestsEqualToALaterRecordingAreServedOutOfOrder() {
    Cassette cassette = recordAnswers("order.json", "a", "for a", "b", "for b");

    ReplayingChatModel replay = Cassette.at(cassette.file()).replay();

    assertThat(replay.chat(ScriptedModelTest.ask("b")).message().text()).isEqualTo("for b");
    assertThat(replay.chat(ScriptedModelTest.ask("a")).message().text()).isEqualTo("for a");
    replay.assertAllPlayed();
  }

  @Test
  void severalModelsShareACassetteAndEachReplaysItsOwnCalls() {
    Cassette cassette = Cassette.at(dir.resolve("team.json"));
    ScriptedModel planner = ScriptedModel.builder().id("planner").build();
    ScriptedModel executor = ScriptedModel.builder().id("executor").build();
    planner.enqueue(ScriptedTurn.ofText("plan"));
    executor.enqueue(ScriptedTurn.ofText("done"));
    cassette.record(planner).chat(ScriptedModelTest.ask("goal"));
    cassette.record(executor).chat(ScriptedModelTest.ask("step"));

    Cassette again = Cassette.at(cassette.file());

    assertThatThrownBy(again::replay)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds 2 models [planner, executor]");
    assertThat(again.replay("executor").chat(ScriptedModelTest.ask("step")).message().text())
        .isEqualTo("done");
    assertThat(again.replay("planner").chat(ScriptedModelTest.ask("goal")).message().text())
        .isEqualTo("plan");
    assertThatThrownBy(() -> again.replay("other")).hasMessageContaining("no calls of that model");
  }

  @Test
  void replayOrRecordRecordsWhenTheFileIsMissingAndReplaysWhenItExists() {
    Path file = dir.resolve("auto.json");
    ScriptedModel real = ScriptedModel.builder().id("openai/gpt-5.4-mini").build();
    real.enqueue(ScriptedTurn.ofText("recorded"));

    ChatModel first = Cassette.at(file).replayOrRecord(real);
    assertThat(first.chat(ScriptedModelTest.ask("q")).message().text()).isEqualTo("recorded");
    ChatModel second = Cassette.at(file).replayOrRecord(real);
    assertThat(second).isInstanceOf(ReplayingChatModel.class);
    assertThat(second.chat(ScriptedModelTest.ask("q")).message().text()).isEqualTo("recorded");
    assertThat(real.requests()).hasSize(1);
  }

  @Test
  void replayingAMissingOrForeignFileFailsSayingWhy() throws IOException {
    assertThatThrownBy(() -> Cassette.at(dir.resolve("none.json")).replay())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("there is no cassette at")
        .hasMessageContaining("record it first");
    Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"messages\":[]}");
    assertThatThrownBy(() -> Cassette.at(foreign).replay())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not valid: \"format\" is not \"taskforce-cassette\"");
  }

  @Test
  void requestTreesHoldEverySettingThatReachesTheProvider() {
    JsonNode tree =
        RequestJson.of(
            ScriptedModelTest.ask("hi").toBuilder()
                .tools(List.of(TestTools.echo("lookup").spec()))
                .toolChoice(dev.taskforce.model.ToolChoice.REQUIRED)
                .temperature(0.5)
                .stop(List.of("END"))
                .metadata(java.util.Map.of("team", "a"))
                .fallbackModels(List.of("openai/gpt-5.4-nano"))
                .extraBody("transforms", List.of("middle-out"))
                .build());

    assertThat(Json.write(tree))
        .isEqualTo(
            "{\"messages\":[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"text\":\"hi\"}]}],"
                + "\"tools\":[{\"name\":\"lookup\",\"description\":\"test tool lookup\","
                + "\"strict\":true,\"parameters\":{\"type\":\"object\",\"properties\":{},"
                + "\"required\":[],\"additionalProperties\":false}}],\"toolChoice\":\"required\","
                + "\"temperature\":0.5,\"stop\":[\"END\"],\"metadata\":{\"team\":\"a\"},"
                + "\"fallbackModels\":[\"openai/gpt-5.4-nano\"],"
                + "\"extraBody\":{\"transforms\":[\"middle-out\"]}}");
  }

  @Test
  void aStreamThatFailedMidwayReplaysItsPiecesThenTheFailure() {
    Cassette cassette = Cassette.at(dir.resolve("midway.json"));
    StringBuilder live = new StringBuilder();
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      server.enqueue(Fault.failedMidResponse("The answer is"));
      OpenRouter client =
          OpenRouter.builder()
              .baseUrl(server.baseUrl())
              .apiKey(server.apiKey())
              .retryPolicy(RetryPolicy.NONE)
              .build();
      ChatModel recording = cassette.record(client.model("openai/gpt-5.4-mini"));
      assertThatThrownBy(() -> recording.stream(ScriptedModelTest.ask("q"), textInto(live)))
          .isInstanceOf(ProviderUnavailableException.class);
    }
    StringBuilder replayed = new StringBuilder();

    ChatModel replay = Cassette.at(cassette.file()).replay();

    assertThatThrownBy(() -> replay.stream(ScriptedModelTest.ask("q"), textInto(replayed)))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(replayed).hasToString("The answer is").hasToString(live.toString());
  }

  private static StreamListener textInto(StringBuilder sb) {
    return new StreamListener() {
      @Override
      public void onText(String delta) {
        sb.append(delta);
      }
    };
  }
}
