package dev.taskforce.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.model.internal.ModelHttp;
import dev.taskforce.transport.TransportResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a background response: polls {@code GET /responses/{id}} while it is {@code queued} or
 * {@code in_progress}, waiting with the retry policy's {@link dev.taskforce.model.Sleeper} between
 * polls, and cancels it ({@code POST /responses/{id}/cancel}) when the caller's token is cancelled.
 *
 * <p>A poll that fails with a retryable error is repeated after the policy's backoff, up to its
 * attempt limit, rather than failing the whole call: the response is still being worked on, and
 * starting again would pay for it twice.
 */
final class BackgroundPoller {

  private static final Logger log = LoggerFactory.getLogger(BackgroundPoller.class);

  private final ModelHttp http;
  private final Duration interval;
  private final RetryPolicy policy;
  private final BodyReader reader;

  /** Reads a successful poll's body, and throws for a malformed one. */
  @FunctionalInterface
  interface BodyReader {
    JsonNode read(TransportResponse response) throws IOException;
  }

  BackgroundPoller(ModelHttp http, Duration interval, RetryPolicy policy, BodyReader reader) {
    this.http = http;
    this.interval = interval;
    this.policy = policy;
    this.reader = reader;
  }

  static boolean isPending(JsonNode response) {
    String status = response.path("status").asText("");
    return status.equals("queued") || status.equals("in_progress");
  }

  /** Polls until the response is no longer pending, and returns it. */
  JsonNode await(JsonNode first, CancellationToken token) {
    String id = first.path("id").asText("");
    if (id.isEmpty()) {
      throw new IllegalStateException("a background response without an id cannot be polled");
    }
    String path = "/responses/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    log.debug("background response {} is {}, polling every {}", id, first.path("status"), interval);
    JsonNode current = first;
    int failures = 0;
    try {
      while (isPending(current)) {
        policy.sleeper().sleep(interval, token);
        try {
          current = poll(path, token);
          failures = 0;
        } catch (ModelException e) {
          failures++;
          Optional<Duration> delay = policy.delayAfter(failures, e);
          if (delay.isEmpty()) {
            throw e;
          }
          log.info("polling background response {} failed ({}), polling again", id, e.status());
          policy.sleeper().sleep(delay.get(), token);
        }
      }
      return current;
    } catch (CancelledException e) {
      cancel(path, id);
      throw e;
    }
  }

  private JsonNode poll(String path, CancellationToken token) {
    try (TransportResponse r = http.get(path, true, token)) {
      if (!r.isSuccessful()) {
        throw http.error(r);
      }
      return reader.read(r);
    } catch (IOException e) {
      throw http.failure(e, "GET " + path);
    }
  }

  /** Asks the service to stop working on (and billing) a response; best effort. */
  private void cancel(String path, String id) {
    try (TransportResponse r =
        http.post(path + "/cancel", new byte[0], false, CancellationToken.NONE)) {
      log.debug("cancelled background response {}: HTTP {}", id, r.status());
    } catch (IOException | RuntimeException e) {
      log.warn("could not cancel background response {}: {}", id, http.redact(e.toString()));
    }
  }
}
