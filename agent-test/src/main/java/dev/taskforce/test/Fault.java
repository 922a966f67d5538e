package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A failure {@link FakeOpenRouter} plays instead of an answer, with the status, headers and body
 * the real service sends in that case.
 *
 * <p>Queue a fault with {@link FakeOpenRouter#enqueue(Reply...)}: it answers the next valid chat
 * request, once, and the scripted turn queued after it answers the request after that (a client's
 * retry, typically). A rule may also return faults.
 *
 * <pre>{@code
 * server.enqueue(Fault.rateLimited(Duration.ofSeconds(2)), ScriptedTurn.ofText("Hello"));
 * }</pre>
 *
 * <p>Every fault is an immutable record. The static methods give each kind with realistic values.
 */
public sealed interface Fault extends Reply
    permits Fault.RateLimited,
        Fault.ServerError,
        Fault.InsufficientCredits,
        Fault.ErrorInBody,
        Fault.FailedMidResponse,
        Fault.Truncated,
        Fault.HttpError {

  /**
   * A provider rate limit: 429, with a {@code Retry-After} header and the provider's error in
   * {@code error.metadata}.
   *
   * @param retryAfter the delay to ask for (sent in whole seconds, rounded up)
   * @return the fault, from provider {@code OpenAI}
   */
  static RateLimited rateLimited(Duration retryAfter) {
    return new RateLimited(
        requireNonNull(retryAfter, "retryAfter == null"),
        "OpenAI",
        "Rate limit reached for requests. Please try again later.");
  }

  /**
   * A server or upstream failure with the body OpenRouter sends for that status: 500 internal
   * error, 502 provider error, 503 no provider available, or any other 5xx.
   *
   * @param status the HTTP status, 500 to 599
   * @return the fault, with no {@code Retry-After}
   */
  static ServerError serverError(int status) {
    String message;
    switch (status) {
      case 500:
        message = "Internal Server Error";
        break;
      case 502:
        message = "Provider returned error";
        break;
      case 503:
        message = "No allowed providers are available for the selected model.";
        break;
      default:
        message = "Provider returned error";
    }
    return new ServerError(status, message, null);
  }

  /**
   * Not enough credit for the output the request may produce: 402 with OpenRouter's "You requested
   * up to N tokens, but can only afford M" message.
   *
   * @param requestedTokens the output tokens the request allowed
   * @param affordableTokens the output tokens the credit covers
   * @return the fault
   */
  static InsufficientCredits insufficientCredits(long requestedTokens, long affordableTokens) {
    return new InsufficientCredits(requestedTokens, affordableTokens);
  }

  /**
   * An error that arrives inside a 200 response: the body (or, when streaming, the one event) is an
   * error object with no {@code choices}.
   *
   * @param code the error code, an HTTP status
   * @param message the error message
   * @return the fault
   */
  static ErrorInBody errorInBody(int code, String message) {
    return new ErrorInBody(code, message, FaultResponses.errorTypeFor(code));
  }

  /**
   * The provider fails after the answer began. A plain request gets a 200 body whose {@code
   * choices[0]} has {@code finish_reason:"error"}, an {@code error} object and the partial content;
   * a streaming request gets the partial content, then the mid-stream error chunk, then the stream
   * ends without {@code [DONE]}.
   *
   * @param partialText the content produced before the failure; may be empty
   * @return the fault, with code 502
   */
  static FailedMidResponse failedMidResponse(String partialText) {
    return new FailedMidResponse(
        502, "Provider returned error", "provider_unavailable", partialText);
  }

  /**
   * The connection ends early. A streaming request gets the partial content and then the stream
   * ends without a finish chunk, usage or {@code [DONE]}; a plain request gets half of its body
   * before the connection closes.
   *
   * @param partialText the content streamed before the end; may be empty
   * @return the fault
   */
  static Truncated truncated(String partialText) {
    return new Truncated(partialText);
  }

  /**
   * A 429 rate limit from the provider.
   *
   * @param retryAfter the {@code Retry-After} delay, or {@code null} to send no header
   * @param providerName the provider named in {@code error.metadata.provider_name}
   * @param raw the provider's own message, in {@code error.metadata.raw}
   */
  record RateLimited(@Nullable Duration retryAfter, String providerName, String raw)
      implements Fault {
    /** Checks the values. */
    public RateLimited {
      requireNonNull(providerName, "providerName == null");
      requireNonNull(raw, "raw == null");
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter is negative: " + retryAfter);
      }
    }
  }

  /**
   * A 5xx answer.
   *
   * @param status the HTTP status, 500 to 599
   * @param message the error message
   * @param retryAfter the {@code Retry-After} delay, or {@code null} to send no header
   */
  record ServerError(int status, String message, @Nullable Duration retryAfter) implements Fault {
    /** Checks the values. */
    public ServerError {
      requireNonNull(message, "message == null");
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("status must be 500 to 599, was " + status);
      }
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter is negative: " + retryAfter);
      }
    }
  }

  /**
   * A 402 for a request whose possible output costs more than the credit left.
   *
   * @param requestedTokens the output tokens the request allowed
   * @param affordableTokens the output tokens the credit covers, less than requested
   */
  record InsufficientCredits(long requestedTokens, long affordableTokens) implements Fault {
    /** Checks the values. */
    public InsufficientCredits {
      if (affordableTokens < 0 || requestedTokens <= affordableTokens) {
        throw new IllegalArgumentException(
            "need requestedTokens > affordableTokens >= 0, were "
                + requestedTokens
                + " and "
                + affordableTokens);
      }
    }
  }

  /**
   * A 200 whose body is only an error object.
   *
   * @param code the error code, 400 to 599
   * @param message the error message
   * @param errorType the {@code error.metadata.error_type}, for example {@code
   *     provider_unavailable}
   */
  record ErrorInBody(int code, String message, String errorType) implements Fault {
    /** Checks the values. */
    public ErrorInBody {
      requireNonNull(message, "message == null");
      requireNonNull(errorType, "errorType == null");
      FaultResponses.checkErrorCode(code);
    }
  }

  /**
   * A failure after the answer began ({@code finish_reason:"error"}).
   *
   * @param code the error code, 400 to 599
   * @param message the error message
   * @param errorType the {@code error.metadata.error_type}
   * @param partialText the content produced before the failure
   */
  record FailedMidResponse(int code, String message, String errorType, String partialText)
      implements Fault {
    /** Checks the values. */
    public FailedMidResponse {
      requireNonNull(message, "message == null");
      requireNonNull(errorType, "errorType == null");
      requireNonNull(partialText, "partialText == null");
      FaultResponses.checkErrorCode(code);
    }
  }

  /**
   * A response cut short.
   *
   * @param partialText the content sent before the end
   */
  record Truncated(String partialText) implements Fault {
    /** Checks the values. */
    public Truncated {
      requireNonNull(partialText, "partialText == null");
    }
  }

  /**
   * Any other HTTP answer, sent exactly as given with {@code Content-Type: application/json}: for
   * example a 403 moderation error or a 408 timeout.
   *
   * @param status the HTTP status, 200 to 599
   * @param body the body
   * @param headers extra response headers
   */
  record HttpError(int status, String body, Map<String, String> headers) implements Fault {
    /** Checks the values and copies the headers. */
    public HttpError {
      requireNonNull(body, "body == null");
      headers = Map.copyOf(requireNonNull(headers, "headers == null"));
      if (status < 200 || status > 599) {
        throw new IllegalArgumentException("status must be 200 to 599, was " + status);
      }
    }
  }
}
