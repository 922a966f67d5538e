package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.message.Conversation;
import dev.taskforce.message.Message;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.StreamListener;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link ChatModel} that answers from a {@link Cassette}: each request gets the response (or the
 * failure) recorded for it, without any network.
 *
 * <p>Requests are served in the recorded order. Each must equal the recorded one in every setting
 * that reaches the provider (messages with their reasoning items, tools, response format,
 * reasoning, limits, routing); a request that equals a later recorded one takes that one, so calls
 * made concurrently may arrive in another order. Any other request fails with an {@link
 * AssertionError} that compares it with the next recorded one, field by field:
 *
 * <pre>
 * ReplayingChatModel[openai/gpt-5.4-mini] request #1 drifted from recorded call 1 of 2 in weather.json:
 *   messages[1] (user).parts[0].text: expected "Weather in Oslo?" but was "Weather in Bergen?"
 * If the change is intended, record the cassette again.
 * </pre>
 *
 * <p>A recorded failure is thrown again as the same {@link dev.taskforce.model.ModelException} type
 * with the same {@link dev.taskforce.model.ModelError}. A streamed call delivers the recorded
 * pieces to its listener (or, for a call recorded without streaming, the response in realistic
 * pieces). {@link #id()} and {@link #info()} are the recorded model's. Thread-safe.
 */
public final class ReplayingChatModel implements ChatModel {

  private final ModelInfo info;
  private final List<Interaction> interactions;
  private final boolean[] played;
  private final Path file;
  private int requests;

  ReplayingChatModel(ModelInfo info, List<Interaction> interactions, Path file) {
    this.info = info;
    this.interactions = List.copyOf(interactions);
    this.played = new boolean[interactions.size()];
    this.file = file;
  }

  /**
   * The recorded model's id.
   *
   * @return the id
   */
  @Override
  public String id() {
    return info.id();
  }

  /**
   * The recorded model's info: the limits, prices and reasoning efforts the recording saw.
   *
   * @return the info
   */
  @Override
  public ModelInfo info() {
    return info;
  }

  /**
   * Answers with the recorded response, or throws the recorded failure.
   *
   * @throws AssertionError if the request differs from the recording, or nothing is left to play
   */
  @Override
  public ChatResponse chat(ChatRequest request) {
    Interaction i = take(request);
    if (i.failure() != null) {
      throw FailureJson.read(i.failure());
    }
    return requireNonNull(i.response());
  }

  /**
   * Delivers the recorded pieces to the listener, then answers with the recorded response or throws
   * the recorded failure.
   *
   * @throws AssertionError if the request differs from the recording, or nothing is left to play
   */
  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    requireNonNull(listener, "listener == null");
    Interaction i = take(request);
    List<StreamPiece> pieces = i.pieces();
    if (pieces == null) {
      pieces = i.response() == null ? List.of() : StreamPiece.split(i.response());
    }
    StreamPiece.deliver(pieces, listener, request.cancellation());
    if (i.failure() != null) {
      throw FailureJson.read(i.failure());
    }
    return requireNonNull(i.response());
  }

  /**
   * How many recorded calls no request has asked for yet.
   *
   * @return the count
   */
  public synchronized int remaining() {
    int n = 0;
    for (boolean p : played) {
      n += p ? 0 : 1;
    }
    return n;
  }

  /**
   * Checks that every recorded call was asked for.
   *
   * @throws AssertionError naming the calls left, by their last message
   */
  public synchronized void assertAllPlayed() {
    int left = remaining();
    if (left == 0) {
      return;
    }
    StringBuilder sb = new StringBuilder(toString());
    sb.append(" left ").append(left).append(" of ").append(played.length);
    sb.append(" recorded calls unplayed in ").append(file).append(':');
    for (int i = 0; i < played.length; i++) {
      if (!played[i]) {
        sb.append("\n  call ").append(i + 1).append(": ").append(lastMessage(i));
      }
    }
    throw new AssertionError(sb.toString());
  }

  private Interaction take(ChatRequest request) {
    requireNonNull(request, "request == null");
    request.cancellation().throwIfCancelled();
    JsonNode actual = RequestJson.of(request);
    synchronized (this) {
      int number = ++requests;
      int next = 0;
      while (next < played.length && played[next]) {
        next++;
      }
      if (next == played.length) {
        throw new AssertionError(
            this
                + " request #"
                + number
                + " has no recorded call left in "
                + file
                + " (all "
                + played.length
                + " were played); its last message is "
                + describeLast(request.messages()));
      }
      for (int i = next; i < played.length; i++) {
        if (!played[i] && interactions.get(i).request().equals(actual)) {
          played[i] = true;
          return interactions.get(i);
        }
      }
      throw new AssertionError(
          this
              + " request #"
              + number
              + " drifted from recorded call "
              + (next + 1)
              + " of "
              + played.length
              + " in "
              + file
              + ":"
              + JsonDiff.render(JsonDiff.of(interactions.get(next).request(), actual))
              + "\nIf the change is intended, record the cassette again.");
    }
  }

  private String lastMessage(int index) {
    JsonNode messages = interactions.get(index).request().path("messages");
    ObjectNode wrapper = Wire.F.objectNode();
    wrapper.set("messages", messages);
    try {
      return describeLast(Conversation.fromJson(Json.write(wrapper)).messages());
    } catch (IllegalArgumentException e) {
      return Texts.quote(messages.toString());
    }
  }

  private static String describeLast(List<Message> messages) {
    return messages.isEmpty() ? "none" : Texts.describe(messages.get(messages.size() - 1));
  }

  /** Shows the model id. */
  @Override
  public String toString() {
    return "ReplayingChatModel[" + info.id() + "]";
  }
}
