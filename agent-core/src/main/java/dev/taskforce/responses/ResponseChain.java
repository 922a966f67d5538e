package dev.taskforce.responses;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which stored response ended which conversation, so the next request can continue it
 * with {@code previous_response_id} and send only the messages after it.
 *
 * <p>The key is the whole conversation up to and including the assistant message the response
 * produced (messages are records, compared by value), so a conversation that was changed anywhere
 * before its last answer is never continued from a response that did not see it: it is sent in full
 * instead. Holds the most recent {@value #CAPACITY} conversations; thread-safe.
 */
final class ResponseChain {

  static final int CAPACITY = 256;

  /** Where to continue: the stored response, and the first message it has not seen. */
  record Link(String responseId, int from) {}

  private record Key(String model, List<Message> conversation) {}

  private final Map<Key, String> ids =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Records that a response answered a conversation with a message. */
  synchronized void remember(
      String model, List<Message> conversation, AssistantMessage answer, String responseId) {
    List<Message> all = new ArrayList<>(conversation.size() + 1);
    all.addAll(conversation);
    all.add(answer);
    ids.put(new Key(model, List.copyOf(all)), responseId);
  }

  /** The link for a conversation whose last assistant message a remembered response produced. */
  synchronized @Nullable Link find(String model, List<Message> conversation) {
    for (int k = conversation.size() - 1; k >= 0; k--) {
      if (conversation.get(k) instanceof AssistantMessage) {
        String id = ids.get(new Key(model, conversation.subList(0, k + 1)));
        return id == null ? null : new Link(id, k + 1);
      }
    }
    return null;
  }

  /** Forgets a response the service no longer has. */
  synchronized void forget(String responseId) {
    ids.values().removeIf(responseId::equals);
  }
}
