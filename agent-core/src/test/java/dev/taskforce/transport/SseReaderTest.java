package dev.taskforce.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static SseReader reader(String text) {
    return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<SseEvent> all(SseReader r) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent e = r.next(); e != null; e = r.next()) {
      events.add(e);
    }
    return events;
  }

  @Test
  void readsDataEventsUntilDoneAndSkipsComments() throws IOException {
    SseReader r =
        reader(
            ": OPENROUTER PROCESSING\n\ndata: {\"a\":1}\n\n: OPENROUTER PROCESSING\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n");
    assertThat(all(r))
        .containsExactly(
            new SseEvent(null, "{\"a\":1}", null), new SseEvent(null, "{\"b\":2}", null));
    assertThat(r.sawDone()).isTrue();
    assertThat(r.next()).isNull();
  }

  @Test
  void joinsMultiLineDataWithNewlines() throws IOException {
    SseReader r = reader("data: {\"a\":\ndata: 1}\n\ndata: [DONE]\n\n");
    assertThat(all(r)).containsExactly(new SseEvent(null, "{\"a\":\n1}", null));
  }

  @Test
  void keepsEventTypesAndIds() throws IOException {
    SseReader r =
        reader(
            "event: response.output_text.delta\nid: 7\ndata: {\"delta\":\"Hi\"}\n\ndata: [DONE]\n\n");
    assertThat(all(r))
        .containsExactly(new SseEvent("response.output_text.delta", "{\"delta\":\"Hi\"}", "7"));
  }

  @Test
  void dropsOnlyOneSpaceAfterTheColonAndAcceptsNoSpace() throws IOException {
    SseReader r = reader("data:x\n\ndata:  y\n\ndata: [DONE]\n\n");
    assertThat(all(r)).extracting(SseEvent::data).containsExactly("x", " y");
  }

  @Test
  void acceptsCrLfLineEnds() throws IOException {
    SseReader r = reader("data: a\r\n\r\ndata: [DONE]\r\n\r\n");
    assertThat(all(r)).extracting(SseEvent::data).containsExactly("a");
  }

  @Test
  void ignoresRetryAndUnknownFieldsAndEventsWithoutData() throws IOException {
    SseReader r = reader("retry: 100\nfoo: bar\n\nevent: ping\n\ndata: a\n\ndata: [DONE]\n\n");
    assertThat(all(r)).containsExactly(new SseEvent(null, "a", null));
  }

  @Test
  void aStreamThatEndsWithoutDoneIsTruncated() throws IOException {
    SseReader r = reader("data: a\n\n");
    assertThat(r.next()).isEqualTo(new SseEvent(null, "a", null));
    assertThatThrownBy(r::next).isInstanceOf(EOFException.class).hasMessageContaining("[DONE]");
    assertThat(r.sawDone()).isFalse();
  }

  @Test
  void aStreamMarkedCompleteMayEndWithoutDone() throws IOException {
    SseReader r = reader("event: response.completed\ndata: {}\n\n");
    assertThat(r.next()).isNotNull();
    r.markComplete();
    assertThat(r.next()).isNull();
  }

  @Test
  void doneWithoutTheFinalBlankLineStillEndsTheStream() throws IOException {
    SseReader r = reader("data: a\n\ndata: [DONE]");
    assertThat(all(r)).hasSize(1);
    assertThat(r.sawDone()).isTrue();
  }

  @Test
  void anEmptyStreamIsTruncated() {
    assertThatThrownBy(() -> reader("").next()).isInstanceOf(EOFException.class);
  }
}
