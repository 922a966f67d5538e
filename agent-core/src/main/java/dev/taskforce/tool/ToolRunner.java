package dev.taskforce.tool;

// TEMPORARY stand-in with the agreed signature; replaced by the tools branch at merge.
import dev.taskforce.internal.Concurrency;
import dev.taskforce.message.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/** Runs the tool calls of one model turn concurrently. */
public final class ToolRunner {
  private final Map<String, ToolHandler> tools = new LinkedHashMap<>();

  private ToolRunner(List<? extends ToolHandler> tools) {
    for (ToolHandler t : tools) {
      this.tools.put(t.spec().name(), t);
    }
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the specs
   */
  public List<ToolSpec> specs() {
    return tools.values().stream().map(ToolHandler::spec).toList();
  }

  /**
   * Runs calls.
   *
   * @param calls calls
   * @param context context
   * @param listener listener
   * @return results
   */
  public List<ToolCallResult> run(
      List<ToolCall> calls, ToolContext context, ToolRunListener listener) {
    List<Future<ToolCallResult>> futures = new ArrayList<>();
    for (ToolCall call : calls) {
      futures.add(
          Concurrency.executor()
              .submit(
                  () -> {
                    listener.onStart(call);
                    long t0 = System.nanoTime();
                    ToolHandler h = tools.get(call.name());
                    ToolResult r;
                    if (h == null) {
                      r =
                          ToolResult.failure(
                              "unknown tool " + call.name() + "; available: " + tools.keySet());
                    } else {
                      try {
                        r =
                            h.call(
                                call.argumentsJson(),
                                context.toBuilder().toolCallId(call.id()).build());
                      } catch (RuntimeException e) {
                        r = ToolResult.failure(String.valueOf(e.getMessage()));
                      }
                    }
                    ToolCallResult res =
                        new ToolCallResult(call, r, Duration.ofNanos(System.nanoTime() - t0));
                    listener.onFinish(res);
                    return res;
                  }));
    }
    List<ToolCallResult> out = new ArrayList<>();
    for (Future<ToolCallResult> f : futures) {
      try {
        out.add(f.get());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Builder. */
  public static final class Builder {
    private List<? extends ToolHandler> tools = List.of();

    /**
     * @param tools tools
     * @return this
     */
    public Builder tools(List<? extends ToolHandler> tools) {
      this.tools = tools;
      return this;
    }

    /**
     * @param d timeout
     * @return this
     */
    public Builder defaultTimeout(Duration d) {
      return this;
    }

    /**
     * @param n chars
     * @return this
     */
    public Builder maxResultChars(int n) {
      return this;
    }

    /**
     * @return runner
     */
    public ToolRunner build() {
      return new ToolRunner(tools);
    }
  }
}
