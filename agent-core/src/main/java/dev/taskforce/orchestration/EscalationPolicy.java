package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.ChatModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stronger models a failed step is retried on.
 *
 * <p>A policy is a ladder of models from weakest to strongest. A step first runs on its executor's
 * model; if that fails (an error, its turn limit, an invalid answer, a refusal), it is retried on
 * each model above that one on the ladder, in order, until one succeeds. Budget limits and
 * cancellation are never escalated.
 */
public final class EscalationPolicy {

  private static final EscalationPolicy NONE = new EscalationPolicy(List.of(), false);

  private final List<ChatModel> ladder;
  private final boolean byPrice;

  private EscalationPolicy(List<ChatModel> ladder, boolean byPrice) {
    this.ladder = List.copyOf(ladder);
    this.byPrice = byPrice;
  }

  /**
   * Never retry a failed step on another model.
   *
   * @return the policy
   */
  public static EscalationPolicy none() {
    return NONE;
  }

  /**
   * Retry on these models, weakest first, for example {@code ladder(nano, mini, pro)}.
   *
   * @param models the ladder
   * @return the policy
   */
  public static EscalationPolicy ladder(ChatModel... models) {
    List<ChatModel> list = new ArrayList<>();
    for (ChatModel m : models) {
      list.add(requireNonNull(m, "models contains null"));
    }
    return new EscalationPolicy(list, false);
  }

  /**
   * The default: every model the orchestrator knows (its executors' and its planner's), ordered by
   * catalog output price, cheapest first. With Nano and Mini executors and a Pro planner this is
   * Nano → Mini → Pro.
   *
   * @return the policy
   */
  public static EscalationPolicy byPrice() {
    return new EscalationPolicy(List.of(), true);
  }

  /** The models to try for a step whose executor runs on {@code first}, in order. */
  List<ChatModel> tries(ChatModel first, List<ChatModel> known) {
    List<ChatModel> order;
    if (byPrice) {
      Map<String, ChatModel> distinct = new LinkedHashMap<>();
      for (ChatModel m : known) {
        distinct.putIfAbsent(m.id(), m);
      }
      order = new ArrayList<>(distinct.values());
      order.sort(Comparator.comparing(m -> m.info().pricing().outputPerToken()));
    } else {
      order = ladder;
    }
    List<ChatModel> tries = new ArrayList<>();
    tries.add(first);
    boolean above = false;
    for (ChatModel m : order) {
      if (above && !m.id().equals(first.id())) {
        if (!byPrice
            || m.info()
                    .pricing()
                    .outputPerToken()
                    .compareTo(first.info().pricing().outputPerToken())
                > 0) {
          tries.add(m);
        }
      }
      if (m.id().equals(first.id())) {
        above = true;
      }
    }
    return tries;
  }

  @Override
  public String toString() {
    return byPrice
        ? "EscalationPolicy.byPrice()"
        : "EscalationPolicy" + ladder.stream().map(ChatModel::id).toList();
  }
}
