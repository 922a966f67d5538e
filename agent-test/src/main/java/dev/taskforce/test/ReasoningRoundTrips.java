package dev.taskforce.test;

/**
 * What {@link FakeOpenRouter}'s reasoning check has seen so far, so a test can assert that the
 * check ran (and did not just pass because there was nothing to check).
 *
 * <p>Each count is of assistant messages in chat requests that carried (or should have carried)
 * reasoning the server issued: a three-turn tool conversation whose later requests resend the
 * earlier assistant turns verifies 1 + 2 = 3 messages. On the {@code /responses} endpoint each
 * count is of earlier responses whose items a request carried back: a response verifies when every
 * reasoning item issued with it came back unchanged and in place.
 *
 * @param verified assistant messages sent back with exactly the reasoning issued with them, in
 *     requests that were accepted
 * @param dropped assistant messages sent back without all of their reasoning (none of it, or some
 *     items left out with the rest unchanged and in order), in requests accepted under {@link
 *     ReasoningCheck#LENIENT}
 * @param rejected requests answered with 400 because of their reasoning
 */
public record ReasoningRoundTrips(int verified, int dropped, int rejected) {}
