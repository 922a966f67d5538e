package dev.taskforce.testing;

import dev.taskforce.model.StreamListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** A {@link StreamListener} that records every callback as a line, in order. For tests. */
public final class RecordingListener implements StreamListener {

  /** {@code text:…}, {@code reasoning:…} and {@code tool:index:id:name:arguments} lines. */
  public final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void onText(String delta) {
    events.add("text:" + delta);
  }

  @Override
  public void onReasoning(String delta) {
    events.add("reasoning:" + delta);
  }

  @Override
  public void onToolCall(
      int index, @Nullable String id, @Nullable String name, String argumentsDelta) {
    events.add("tool:" + index + ":" + id + ":" + name + ":" + argumentsDelta);
  }
}
