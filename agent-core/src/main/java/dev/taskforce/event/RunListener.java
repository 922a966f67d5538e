package dev.taskforce.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes a run's events. Listeners only observe: they cannot change what the run does.
 *
 * <p>Contract: events of one run may arrive from several threads (tool calls and plan steps run
 * concurrently), so implementations must be thread-safe; events of one thread arrive in order.
 * Return quickly. An exception thrown by a listener is logged and ignored.
 */
@FunctionalInterface
public interface RunListener {

  /**
   * Receives one event.
   *
   * @param event what happened
   */
  void onEvent(RunEvent event);

  /**
   * A listener that passes each event to all of the given ones, shielding each from the others'
   * failures.
   *
   * @param listeners the listeners, in call order
   * @return the combined listener
   */
  static RunListener all(List<? extends RunListener> listeners) {
    List<RunListener> copy = List.copyOf(requireNonNull(listeners, "listeners == null"));
    Logger log = LoggerFactory.getLogger(RunListener.class);
    return event -> {
      for (RunListener l : copy) {
        try {
          l.onEvent(event);
        } catch (RuntimeException e) {
          log.warn(
              "run listener {} failed on {}",
              l.getClass().getName(),
              event.getClass().getSimpleName(),
              e);
        }
      }
    };
  }
}
