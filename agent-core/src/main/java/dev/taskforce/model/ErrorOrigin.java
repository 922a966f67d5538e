package dev.taskforce.model;

/** Where a model call's error was reported. */
public enum ErrorOrigin {
  /** An HTTP error status (4xx, 5xx) with the error in its body. */
  HTTP_STATUS,
  /**
   * An error object inside a successful (200) response body: the provider failed after the status
   * had been sent.
   */
  RESPONSE_BODY,
  /** A choice that ended with {@code finish_reason: "error"} and its own error object. */
  CHOICE,
  /** An error event in the middle of a streamed answer. */
  STREAM,
  /** No usable HTTP answer: the connection failed, timed out or was cut. */
  TRANSPORT
}
