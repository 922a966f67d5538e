package dev.taskforce.bench.streaming;

import dev.taskforce.bench.Benchmark;
import dev.taskforce.bench.Figure;
import dev.taskforce.bench.Mode;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.UserMessage;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.StreamListener;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.transport.Headers;
import dev.taskforce.transport.SseEvent;
import dev.taskforce.transport.SseReader;
import dev.taskforce.transport.TransportFactory;
import dev.taskforce.transport.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark 4a: SSE throughput of a long streamed answer ({@link StreamFixture}), twice: framing
 * alone ({@link SseReader}) and the whole client path ({@code ChatModel#stream} of an OpenRouter
 * model over an in-memory transport: SSE framing, chunk parsing, merging content, reasoning by
 * (type, index) and tool-call arguments by index, and the listener calls). Median of repeated
 * passes after warm-up; no target.
 */
public final class Streaming implements Benchmark {

  @Override
  public String name() {
    return "streaming";
  }

  @Override
  public List<Figure> run(Mode mode) throws Exception {
    boolean full = mode == Mode.FULL;
    StreamFixture fixture = StreamFixture.of(full ? 4_000_000 : 256_000);
    int warmUps = full ? 30 : 1;
    int passes = full ? 21 : 2;
    ChatModel model = model(fixture);
    check(fixture, stream(model)); // The merge must be right before its speed counts.
    for (int i = 0; i < warmUps; i++) {
      frames(fixture);
      stream(model);
    }
    List<Double> framing = new ArrayList<>();
    List<Double> whole = new ArrayList<>();
    for (int i = 0; i < passes; i++) {
      long t0 = System.nanoTime();
      frames(fixture);
      long t1 = System.nanoTime();
      stream(model);
      long t2 = System.nanoTime();
      framing.add(fixture.megabytes() / ((t1 - t0) / 1e9));
      whole.add(fixture.megabytes() / ((t2 - t1) / 1e9));
    }
    double framingMbs = median(framing);
    double wholeMbs = median(whole);
    System.err.printf(
        "streaming: %.2f MB in %d chunks: SseReader %.0f MB/s, client stream %.0f MB/s%n",
        fixture.megabytes(), fixture.chunks(), framingMbs, wholeMbs);
    String size = String.format("%.1f MB, %,d chunks", fixture.megabytes(), fixture.chunks());
    return List.of(
        Figure.info("SSE framing only (SseReader), " + size, framingMbs, "MB/s"),
        Figure.info("SSE parse + merge (OpenRouter stream), " + size, wholeMbs, "MB/s"),
        Figure.info(
            "per chunk, parse + merge",
            1e9 / (wholeMbs * 1e6 / fixture.bytes().length) / fixture.chunks(),
            "ns"));
  }

  /** The OpenRouter client's model over a transport that answers every call with the fixture. */
  static ChatModel model(StreamFixture fixture) {
    TransportFactory memory =
        config ->
            (request, cancellation) ->
                new TransportResponse(
                    200,
                    Headers.of("Content-Type", "text/event-stream"),
                    new ByteArrayInputStream(fixture.bytes()));
    OpenRouter client =
        OpenRouter.builder()
            .environment(name -> null)
            .baseUrl("http://127.0.0.1:9/api/v1") // never dialled: the transport is in memory
            .apiKey("bench-not-a-real-key")
            .retryPolicy(RetryPolicy.NONE)
            .transport(memory)
            .build();
    return client.model("openai/gpt-5.4");
  }

  static ChatResponse stream(ChatModel model) {
    ChatRequest request =
        ChatRequest.builder().messages(List.of(UserMessage.of("Why did refunds spike?"))).build();
    return model.stream(request, new Counting());
  }

  /** Reads every event of the fixture; returns the characters of data seen. */
  static long frames(StreamFixture fixture) throws IOException {
    long chars = 0;
    try (SseReader sse = new SseReader(new ByteArrayInputStream(fixture.bytes()))) {
      for (SseEvent e = sse.next(); e != null; e = sse.next()) {
        chars += e.data().length();
      }
    }
    return chars;
  }

  static void check(StreamFixture fixture, ChatResponse r) {
    List<ToolCall> calls = r.message().toolCalls();
    List<ReasoningDetail> details = r.message().reasoning().details();
    require(fixture.text().equals(r.message().text()), "the merged text differs");
    require(calls.size() == 2, "expected 2 tool calls, got " + calls.size());
    require(calls.get(0).argumentsJson().equals(fixture.arguments0()), "arguments 0 differ");
    require(calls.get(1).argumentsJson().equals(fixture.arguments1()), "arguments 1 differ");
    require(details.size() == 2, "expected a summary and an encrypted item, got " + details);
    require(
        details.get(0).json().contains(StreamFixture.json(fixture.reasoning())),
        "the merged summary differs");
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalStateException("the streamed answer was merged wrongly: " + problem);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** A listener that does what a UI would at least do: look at every piece. */
  private static final class Counting implements StreamListener {
    long chars;

    @Override
    public void onText(String delta) {
      chars += delta.length();
    }

    @Override
    public void onReasoning(String delta) {
      chars += delta.length();
    }

    @Override
    public void onToolCall(int index, String id, String name, String argumentsDelta) {
      chars += argumentsDelta.length();
    }
  }
}
