package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.ToolCall;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReasoningContinuityTest {

  private static final String MODEL = "openai/gpt-5.4-pro";

  private static void scriptThreeTurns(FakeOpenRouter server) {
    server.enqueue(
        ScriptedTurn.builder()
            .openAiReasoning("**Planning**\n\nFirst add 2 and 3, then multiply them.")
            .toolCall(new ToolCall("call_add", "add", "{\"a\":2,\"b\":3}"))
            .build(),
        ScriptedTurn.builder()
            .openAiReasoning("**Continuing**\n\nThe sum is 5; now the product.")
            .toolCall(new ToolCall("call_mul", "multiply", "{\"a\":2,\"b\":3}"))
            .build(),
        ScriptedTurn.builder()
            .openAiReasoning("**Answering**\n\nBoth results are in.")
            .text("Sum: 5, product: 6")
            .build());
  }

  /** Plays the client side of the tool loop; returns the final response. */
  private static HttpResponse<String> converse(FakeOpenRouter server, boolean stream) {
    RawClient client = new RawClient(server);
    ArrayNode messages = RawClient.userSays("Add and multiply 2 and 3");
    HttpResponse<String> r = null;
    for (String result : new String[] {"5", "6", null}) {
      r = client.chat(RawClient.request(MODEL, messages, stream));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      if (result == null) {
        break;
      }
      ObjectNode assistant =
          stream
              ? RawClient.echoStreamed(RawClient.accumulate(r.body()))
              : RawClient.echo(Json.parse(r.body()).at("/choices/0/message"));
      messages.add(assistant);
      messages.add(RawClient.toolResult(assistant.at("/tool_calls/0/id").asText(), result));
    }
    return r;
  }

  @Test
  void threeTurnToolConversationThatEchoesReasoningPassesAndVerifiesEveryRoundTrip() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      scriptThreeTurns(server);

      HttpResponse<String> last = converse(server, false);

      assertThat(Json.parse(last.body()).at("/choices/0/message/content").asText())
          .isEqualTo("Sum: 5, product: 6");
      assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(3, 0, 0));
      server.assertAllScriptedTurnsUsed();
    }
  }

  @Test
  void streamedConversationMergedByTypeAndIndexAlsoRoundTrips() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      scriptThreeTurns(server);

      converse(server, true);

      assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(3, 0, 0));
    }
  }

  /** Turn 1, then turn 2's request with the echoed assistant message changed by {@code edit}. */
  private static HttpResponse<String> secondRequest(
      FakeOpenRouter server, String secondModel, Consumer<ObjectNode> edit) {
    scriptThreeTurns(server);
    RawClient client = new RawClient(server);
    ArrayNode messages = RawClient.userSays("Add and multiply 2 and 3");
    HttpResponse<String> first = client.chat(RawClient.request(MODEL, messages, false));
    ObjectNode assistant = RawClient.echo(Json.parse(first.body()).at("/choices/0/message"));
    edit.accept(assistant);
    messages.add(assistant);
    messages.add(RawClient.toolResult("call_add", "5"));
    return client.chat(RawClient.request(secondModel, messages, false));
  }

  private static HttpResponse<String> secondRequest(
      FakeOpenRouter server, Consumer<ObjectNode> edit) {
    return secondRequest(server, MODEL, edit);
  }

  private static void alterOneByteOfTheEncryptedData(ObjectNode assistant) {
    ObjectNode encrypted = (ObjectNode) assistant.at("/reasoning_details/1");
    String data = encrypted.get("data").asText();
    char c = data.charAt(40);
    encrypted.put("data", data.substring(0, 40) + (c == 'x' ? 'y' : 'x') + data.substring(41));
  }

  private static String rejectionRaw(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode error = Json.parse(r.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(400);
    assertThat(error.get("message").asText()).isEqualTo("Provider returned error");
    assertThat(error.at("/metadata/error_type").asText()).isEqualTo("invalid_request");
    return error.at("/metadata/raw").asText();
  }

  @Test
  void oneAlteredByteOfEncryptedDataIsRejectedNamingTheMessageAndField() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r =
          secondRequest(server, ReasoningContinuityTest::alterOneByteOfTheEncryptedData);

      assertThat(rejectionRaw(r))
          .contains("messages[1]")
          .contains("call_add")
          .contains("item 1 (reasoning.encrypted)")
          .contains("\"data\" was altered at character 40");
      assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(0, 0, 1));
      assertThat(server.pendingReplies()).as("a rejected request takes no reply").hasSize(2);
    }
  }

  @Test
  void reorderedItemsAreRejected() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r =
          secondRequest(
              server,
              a -> {
                ArrayNode d = (ArrayNode) a.get("reasoning_details");
                JsonNode first = d.remove(0);
                d.add(first);
              });

      assertThat(rejectionRaw(r)).contains("reordered");
    }
  }

  @Test
  void droppedReasoningIsRejectedInStrictMode() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r = secondRequest(server, a -> a.remove("reasoning_details"));

      assertThat(rejectionRaw(r)).contains("messages[1]").contains("missing the reasoning_details");
    }
  }

  @Test
  void droppedItemIsRejectedInStrictMode() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r =
          secondRequest(server, a -> ((ArrayNode) a.get("reasoning_details")).remove(0));

      assertThat(rejectionRaw(r)).contains("has 1 items but 2 were issued");
    }
  }

  @Test
  void lenientModeAllowsDroppingButCountsIt() {
    try (FakeOpenRouter server =
        FakeOpenRouter.builder().reasoningCheck(ReasoningCheck.LENIENT).start()) {
      assertThat(secondRequest(server, a -> a.remove("reasoning_details")).statusCode())
          .isEqualTo(200);
      assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(0, 1, 0));
    }
  }

  @Test
  void lenientModeAllowsKeepingOnlyTheEncryptedItemAsOpenAiDoes() {
    try (FakeOpenRouter server =
        FakeOpenRouter.builder().reasoningCheck(ReasoningCheck.LENIENT).start()) {
      HttpResponse<String> r =
          secondRequest(server, a -> ((ArrayNode) a.get("reasoning_details")).remove(0));

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(server.reasoningRoundTrips().dropped()).isEqualTo(1);
    }
  }

  @Test
  void lenientModeStillRejectsAlteredReasoning() {
    try (FakeOpenRouter server =
        FakeOpenRouter.builder().reasoningCheck(ReasoningCheck.LENIENT).start()) {
      HttpResponse<String> r =
          secondRequest(server, ReasoningContinuityTest::alterOneByteOfTheEncryptedData);

      assertThat(rejectionRaw(r)).contains("altered");
    }
  }

  @Test
  void fieldOrderInsideAnItemDoesNotMatter() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r =
          secondRequest(
              server,
              a -> {
                ArrayNode reversed = RawClient.F.arrayNode();
                for (JsonNode item : a.get("reasoning_details")) {
                  ObjectNode copy = RawClient.F.objectNode();
                  java.util.List<String> names = new java.util.ArrayList<>();
                  item.fieldNames().forEachRemaining(names::add);
                  java.util.Collections.reverse(names);
                  names.forEach(n -> copy.set(n, item.get(n)));
                  reversed.add(copy);
                }
                a.set("reasoning_details", reversed);
              });

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(server.reasoningRoundTrips().verified()).isEqualTo(1);
    }
  }

  @Test
  void reasoningSentToAnotherModelIsRejectedButStrippingItIsFine() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r = secondRequest(server, "openai/gpt-5.4-mini", a -> {});
      assertThat(rejectionRaw(r)).contains("produced by openai/gpt-5.4-pro");
    }
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      HttpResponse<String> r =
          secondRequest(server, "openai/gpt-5.4-mini", a -> a.remove("reasoning_details"));
      assertThat(r.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void reasoningAttachedToAMessageItWasNotIssuedWithIsRejected() {
    try (FakeOpenRouter server = FakeOpenRouter.builder().start()) {
      scriptThreeTurns(server);
      RawClient client = new RawClient(server);
      ArrayNode messages = RawClient.userSays("Add and multiply 2 and 3");
      HttpResponse<String> first = client.chat(RawClient.request(MODEL, messages, false));
      JsonNode issued = Json.parse(first.body()).at("/choices/0/message/reasoning_details");
      ObjectNode invented = RawClient.F.objectNode().put("role", "assistant").put("content", "Hi");
      invented.set("reasoning_details", issued);
      messages.add(invented).addObject().put("role", "user").put("content", "Go on");

      HttpResponse<String> r = client.chat(RawClient.request(MODEL, messages, false));

      assertThat(rejectionRaw(r))
          .contains("were not issued with it")
          .contains(Json.parse(first.body()).get("id").asText());
    }
  }

  @Test
  void offModeChecksNothing() {
    try (FakeOpenRouter server =
        FakeOpenRouter.builder().reasoningCheck(ReasoningCheck.OFF).start()) {
      HttpResponse<String> r =
          secondRequest(server, ReasoningContinuityTest::alterOneByteOfTheEncryptedData);

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(server.reasoningRoundTrips()).isEqualTo(new ReasoningRoundTrips(0, 0, 0));
    }
  }
}
