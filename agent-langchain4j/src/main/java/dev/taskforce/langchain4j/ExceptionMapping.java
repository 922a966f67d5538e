package dev.taskforce.langchain4j;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.taskforce.model.AuthenticationException;
import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ModelNotFoundException;
import dev.taskforce.model.PermissionDeniedException;
import dev.taskforce.model.ProviderUnavailableException;
import dev.taskforce.model.RateLimitedException;
import dev.taskforce.model.RequestTimeoutException;

/**
 * Maps failures between the two exception hierarchies, keeping the original as the cause so no
 * detail (status, body, retry-after) is lost.
 */
final class ExceptionMapping {

  private ExceptionMapping() {}

  /**
   * The LangChain4j exception a LangChain4j caller expects for a Taskforce failure; anything that
   * is not a {@link ModelException} (cancellation, configuration errors) is returned unchanged.
   */
  static RuntimeException toLangChain4j(RuntimeException e) {
    if (!(e instanceof ModelException m)) {
      return e;
    }
    String message = m.getMessage();
    if (m instanceof RateLimitedException) {
      return new RateLimitException(message, m);
    }
    if (m instanceof AuthenticationException) {
      return new dev.langchain4j.exception.AuthenticationException(message, m);
    }
    if (m instanceof ModelNotFoundException) {
      return new dev.langchain4j.exception.ModelNotFoundException(message, m);
    }
    if (m instanceof RequestTimeoutException) {
      return new TimeoutException(message, m);
    }
    if (m instanceof ProviderUnavailableException) {
      return new InternalServerException(message, m);
    }
    if (m instanceof PermissionDeniedException p && !p.reasons().isEmpty()) {
      return new ContentFilteredException(message, m);
    }
    if (m instanceof BadRequestException || m instanceof PermissionDeniedException) {
      return new InvalidRequestException(message, m);
    }
    return m.isRetryable()
        ? new RetriableException(message, m)
        : new NonRetriableException(message, m);
  }

  /**
   * The Taskforce exception for a LangChain4j failure, so that Taskforce's retries, escalation and
   * run outcomes treat it like any provider error; other exceptions are returned unchanged.
   */
  static RuntimeException toTaskforce(RuntimeException e) {
    if (e instanceof ModelException) {
      return e;
    }
    if (e.getCause() instanceof ModelException m && e instanceof LangChain4jException) {
      return m; // a Taskforce failure that went through a TaskforceChatModel
    }
    if (!(e instanceof LangChain4jException)) {
      return e;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int status = status(e);
    ErrorOrigin origin = status == 0 ? ErrorOrigin.TRANSPORT : ErrorOrigin.HTTP_STATUS;
    Boolean retryable =
        e instanceof RetriableException
            ? Boolean.TRUE
            : e instanceof NonRetriableException ? Boolean.FALSE : null;
    ModelError error =
        new ModelError(status, null, null, message, null, null, null, origin, retryable);
    return status == 0 ? new ModelException(error, e) : ModelException.of(error, e);
  }

  private static int status(RuntimeException e) {
    if (e instanceof HttpException h) {
      return h.statusCode();
    }
    if (e instanceof RateLimitException) {
      return 429;
    }
    if (e instanceof dev.langchain4j.exception.AuthenticationException) {
      return 401;
    }
    if (e instanceof dev.langchain4j.exception.ModelNotFoundException) {
      return 404;
    }
    if (e instanceof TimeoutException) {
      return 408;
    }
    if (e instanceof InternalServerException) {
      return 500;
    }
    if (e instanceof UnresolvedModelServerException) {
      return 0;
    }
    if (e instanceof InvalidRequestException) {
      return 400;
    }
    return 0;
  }
}
