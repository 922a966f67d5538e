package dev.taskforce.test;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ToolCall;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.StreamListener;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One call a streamed answer makes on its {@link StreamListener}. */
sealed interface StreamPiece {

  /** A piece of answer text. */
  record Text(String delta) implements StreamPiece {}

  /** A piece of reasoning text. */
  record Reasoning(String delta) implements StreamPiece {}

  /** A piece of a tool call: the first for an index has id and name. */
  record ToolCallPiece(int index, @Nullable String id, @Nullable String name, String arguments)
      implements StreamPiece {}

  /** Calls the listener as this piece says. */
  default void deliverTo(StreamListener listener) {
    if (this instanceof Text t) {
      listener.onText(t.delta());
    } else if (this instanceof Reasoning r) {
      listener.onReasoning(r.delta());
    } else if (this instanceof ToolCallPiece c) {
      listener.onToolCall(c.index(), c.id(), c.name(), c.arguments());
    }
  }

  /**
   * Delivers pieces in order, stopping with a {@link dev.taskforce.cancel.CancelledException} when
   * the token is cancelled between two of them.
   */
  static void deliver(List<StreamPiece> pieces, StreamListener listener, CancellationToken token) {
    for (StreamPiece p : pieces) {
      token.throwIfCancelled();
      p.deliverTo(listener);
    }
  }

  /**
   * The pieces a provider would stream a response in: reasoning, then text, each a few words at a
   * time, then each tool call as an id-and-name piece followed by a few characters of arguments at
   * a time.
   */
  static List<StreamPiece> split(ChatResponse response) {
    AssistantMessage m = response.message();
    List<StreamPiece> out = new ArrayList<>();
    String reasoning = m.reasoning().text();
    if (reasoning != null) {
      Fragments.split(reasoning, Fragments.TEXT).forEach(s -> out.add(new Reasoning(s)));
    }
    if (m.text() != null) {
      Fragments.split(m.text(), Fragments.TEXT).forEach(s -> out.add(new Text(s)));
    }
    int index = 0;
    for (ToolCall call : m.toolCalls()) {
      out.add(new ToolCallPiece(index, call.id(), call.name(), ""));
      for (String s : Fragments.split(call.argumentsJson(), Fragments.ARGUMENTS)) {
        out.add(new ToolCallPiece(index, null, null, s));
      }
      index++;
    }
    return out;
  }

  /** A listener that keeps every piece it gets and passes it on. */
  final class Recorder implements StreamListener {
    private final StreamListener next;
    private final List<StreamPiece> pieces = new ArrayList<>();

    Recorder(StreamListener next) {
      this.next = next;
    }

    List<StreamPiece> pieces() {
      return List.copyOf(pieces);
    }

    @Override
    public void onText(String delta) {
      pieces.add(new Text(delta));
      next.onText(delta);
    }

    @Override
    public void onReasoning(String delta) {
      pieces.add(new Reasoning(delta));
      next.onReasoning(delta);
    }

    @Override
    public void onToolCall(
        int index, @Nullable String id, @Nullable String name, String argumentsDelta) {
      pieces.add(new ToolCallPiece(index, id, name, argumentsDelta));
      next.onToolCall(index, id, name, argumentsDelta);
    }
  }
}
