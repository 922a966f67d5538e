package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.InsufficientCreditsException;
import dev.taskforce.model.PermissionDeniedException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RetryListener;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.StreamListener;
import dev.taskforce.model.StreamTruncatedException;
import dev.taskforce.openrouter.OpenRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Each fault of the fake server, once, through the real client the extension provides: retried ones
 * are retried without waiting, the others surface as the client's typed exceptions.
 */
@TaskforceTest
class FaultsThroughTheExtensionTest {

  private final FakeOpenRouter server;
  private final ChatModel retrying;
  private final ChatModel once;
  private final List<Duration> delays = new CopyOnWriteArrayList<>();

  FaultsThroughTheExtensionTest(FakeOpenRouter server, OpenRouter openRouter) {
    this.server = server;
    this.retrying = openRouter.model("openai/gpt-5.4-mini");
    this.once =
        openRouter.toBuilder().retryPolicy(RetryPolicy.NONE).build().model("openai/gpt-5.4-mini");
  }

  private ChatRequest ask() {
    RetryListener listener = (attempt, delay, cause) -> delays.add(delay);
    return ScriptedModelTest.ask("Hi").toBuilder().retryListener(listener).build();
  }

  @Test
  void aRateLimitIsRetriedAfterItsRetryAfterWithoutWaiting() {
    server.enqueue(Fault.rateLimited(Duration.ofSeconds(30)), ScriptedTurn.ofText("after"));

    assertThat(retrying.chat(ask()).message().text()).isEqualTo("after");
    assertThat(delays).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aServerErrorIsRetried() {
    server.enqueue(Fault.serverError(502), ScriptedTurn.ofText("after"));

    assertThat(retrying.chat(ask()).message().text()).isEqualTo("after");
    assertThat(delays).hasSize(1);
  }

  @Test
  void insufficientCreditsAreNotRetried() {
    server.enqueue(Fault.insufficientCredits(128_000, 1_000));

    assertThatThrownBy(() -> retrying.chat(ask()))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessageContaining("can only afford 1000");
    assertThat(delays).isEmpty();
  }

  @Test
  void anErrorInsideA200IsTypedByItsCode() {
    server.enqueue(Fault.errorInBody(503, "No endpoints available"));

    assertThatThrownBy(() -> once.chat(ask()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("No endpoints available");
  }

  @Test
  void aFailureMidStreamDeliversThePartialTextThenFails() {
    server.enqueue(Fault.failedMidResponse("The answer is"));
    StringBuilder text = new StringBuilder();

    assertThatThrownBy(
            () ->
                once.stream(
                    ask(),
                    new StreamListener() {
                      @Override
                      public void onText(String delta) {
                        text.append(delta);
                      }
                    }))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(text).hasToString("The answer is");
  }

  @Test
  void aTruncatedStreamIsReportedAsTruncated() {
    server.enqueue(Fault.truncated("The ans"));

    assertThatThrownBy(() -> once.stream(ask(), StreamListener.NONE))
        .isInstanceOf(StreamTruncatedException.class);
  }

  @Test
  void anyOtherHttpErrorIsSentAsGiven() {
    server.enqueue(
        new Fault.HttpError(
            403,
            "{\"error\":{\"code\":403,\"message\":\"Input was flagged\","
                + "\"metadata\":{\"reasons\":[\"violence\"],\"flagged_input\":\"Hi\"}}}",
            Map.of()));

    assertThatThrownBy(() -> retrying.chat(ask()))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("Input was flagged");
    assertThat(delays).isEmpty();
  }
}
