package dev.taskforce.bench.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.transport.SseEvent;
import dev.taskforce.transport.SseReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamFixtureTest {

  @Test
  void theStreamHasAboutTheAskedSizeAndEndsWithDone() {
    StreamFixture fixture = StreamFixture.of(100_000);

    assertThat(fixture.bytes().length).isBetween(100_000, 110_000);
    assertThat(new String(fixture.bytes(), StandardCharsets.UTF_8)).endsWith("data: [DONE]\n\n");
    assertThat(fixture.reasoning()).isNotEmpty();
    assertThat(fixture.text()).contains("Zürich");
    assertThat(fixture.arguments0()).startsWith("{\"ids\":[\"A-1000\"").endsWith("]}");
  }

  @Test
  void sseReaderSeesEveryChunkAndSkipsTheKeepAliveComments() throws Exception {
    StreamFixture fixture = StreamFixture.of(50_000);
    int events = 0;
    try (SseReader sse = new SseReader(new ByteArrayInputStream(fixture.bytes()))) {
      for (SseEvent e = sse.next(); e != null; e = sse.next()) {
        events++;
      }
    }

    assertThat(events).isEqualTo(fixture.chunks());
  }

  @Test
  void theOpenRouterClientMergesTheStreamIntoTheExpectedAnswer() {
    StreamFixture fixture = StreamFixture.of(50_000);

    // check() throws, naming the difference, when the merge is wrong.
    Streaming.check(fixture, Streaming.stream(Streaming.model(fixture)));
  }
}
