package dev.taskforce.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.UserMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RetryingChatModelTest {

  private static final ChatResponse OK =
      new ChatResponse(
          AssistantMessage.of("hi"), FinishReason.STOP, null, Usage.ZERO, null, null, null);

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final RetryPolicy policy =
      RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build();

  /** A model that runs scripted steps, one per call. */
  private static final class ScriptedModel implements ChatModel {
    final Deque<Function<StreamListener, ChatResponse>> steps = new ArrayDeque<>();
    int calls;

    @Override
    public String id() {
      return "test/model";
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      return stream(request, StreamListener.NONE);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
      calls++;
      return steps.removeFirst().apply(listener);
    }
  }

  private static Function<StreamListener, ChatResponse> fail(int status, Duration retryAfter) {
    return l -> {
      throw ModelException.of(
          new ModelError(
              status, null, null, "failed", null, null, retryAfter, ErrorOrigin.HTTP_STATUS, null),
          null);
    };
  }

  private static ChatRequest request(CancellationToken token) {
    return ChatRequest.builder()
        .messages(List.of(UserMessage.of("hi")))
        .cancellation(token)
        .build();
  }

  @Test
  void retriesA429AfterTheRetryAfterDelay() {
    ScriptedModel m = new ScriptedModel();
    m.steps.add(fail(429, Duration.ofSeconds(17)));
    m.steps.add(l -> OK);

    assertThat(new RetryingChatModel(m, policy).chat(request(CancellationToken.NONE))).isSameAs(OK);
    assertThat(m.calls).isEqualTo(2);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(17));
  }

  @Test
  void retries5xxWithExponentialBackoffAndAttachesEarlierFailures() {
    ScriptedModel m = new ScriptedModel();
    m.steps.add(fail(502, null));
    m.steps.add(fail(503, null));
    m.steps.add(fail(500, null));

    assertThatThrownBy(() -> new RetryingChatModel(m, policy).chat(request(CancellationToken.NONE)))
        .isInstanceOf(ProviderUnavailableException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
    assertThat(m.calls).isEqualTo(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void neverRetriesAClientError() {
    for (int status : new int[] {400, 401, 402, 403, 404}) {
      ScriptedModel m = new ScriptedModel();
      m.steps.add(fail(status, null));
      assertThatThrownBy(
              () -> new RetryingChatModel(m, policy).chat(request(CancellationToken.NONE)))
          .isInstanceOf(ModelException.class);
      assertThat(m.calls).as("status %d", status).isEqualTo(1);
    }
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void retriesAStreamThatFailedBeforeDeliveringAnything() {
    ScriptedModel m = new ScriptedModel();
    m.steps.add(fail(429, null));
    m.steps.add(
        l -> {
          l.onText("hi");
          return OK;
        });
    List<String> got = new ArrayList<>();

    new RetryingChatModel(m, policy)
        .stream(
            request(CancellationToken.NONE),
            new StreamListener() {
              @Override
              public void onText(String delta) {
                got.add(delta);
              }
            });

    assertThat(m.calls).isEqualTo(2);
    assertThat(got).containsExactly("hi");
  }

  @Test
  void neverRetriesAStreamAfterADeltaWasDelivered() {
    ScriptedModel m = new ScriptedModel();
    m.steps.add(
        l -> {
          l.onText("partial");
          throw new StreamTruncatedException("cut", null);
        });
    m.steps.add(l -> OK);

    assertThatThrownBy(
            () ->
                new RetryingChatModel(m, policy)
                    .stream(request(CancellationToken.NONE), StreamListener.NONE))
        .isInstanceOf(StreamTruncatedException.class);
    assertThat(m.calls).isEqualTo(1);
  }

  @Test
  void stopsWhenTheRequestIsCancelledWhileWaiting() {
    CancellationToken token = new CancellationToken();
    ScriptedModel m = new ScriptedModel();
    m.steps.add(fail(503, null));
    m.steps.add(l -> OK);
    RetryPolicy cancelling =
        policy.toBuilder()
            .sleeper(
                (d, t) -> {
                  token.cancel();
                  t.throwIfCancelled();
                })
            .build();

    assertThatThrownBy(() -> new RetryingChatModel(m, cancelling).chat(request(token)))
        .isInstanceOf(CancelledException.class);
    assertThat(m.calls).isEqualTo(1);
  }

  @Test
  void doesNotWaitLongerThanTheRetryAfterLimit() {
    ScriptedModel m = new ScriptedModel();
    m.steps.add(fail(429, Duration.ofMinutes(5)));
    assertThatThrownBy(() -> new RetryingChatModel(m, policy).chat(request(CancellationToken.NONE)))
        .isInstanceOf(RateLimitedException.class);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void passesIdAndInfoThrough() {
    ScriptedModel m = new ScriptedModel();
    RetryingChatModel r = new RetryingChatModel(m, policy);
    assertThat(r.id()).isEqualTo("test/model");
    assertThat(r.info()).isEqualTo(ModelInfo.unknown("test/model"));
  }
}
