package dev.taskforce.test;

import java.time.Clock;
import java.util.random.RandomGenerator;

/** Ids and opaque blobs that look like the service's, from an injected clock and random source. */
final class Ids {

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE64URL = ALNUM + "-_";
  private static final String HEX = "0123456789abcdef";

  private final Clock clock;
  private final RandomGenerator random;

  Ids(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  long nowSeconds() {
    return clock.instant().getEpochSecond();
  }

  /** {@code gen-<unixSeconds>-<20 alnum>}. */
  String generationId(long createdSeconds) {
    return "gen-" + createdSeconds + "-" + pick(ALNUM, 20);
  }

  /** An OpenAI reasoning item id, {@code rs_} and 50 hex digits. */
  String reasoningItemId() {
    return "rs_" + pick(HEX, 50);
  }

  /** A Responses API id: {@code resp_}, {@code msg_} or {@code fc_} and 48 hex digits. */
  String itemId(String prefix) {
    return prefix + pick(HEX, 48);
  }

  /** An opaque blob shaped like OpenAI's {@code encrypted_content} (Fernet-style prefix). */
  String encryptedData() {
    return "gAAAAAB" + pick(BASE64URL, 180);
  }

  // RandomGenerator implementations need not be thread-safe; requests arrive concurrently.
  private synchronized String pick(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
