package dev.taskforce.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelExceptionTest {

  private static ModelError error(int status) {
    return new ModelError(
        status,
        Integer.toString(status),
        null,
        "boom",
        null,
        null,
        null,
        ErrorOrigin.HTTP_STATUS,
        null);
  }

  @ParameterizedTest
  @CsvSource({
    "400, BadRequestException, false",
    "413, BadRequestException, false",
    "422, BadRequestException, false",
    "401, AuthenticationException, false",
    "402, InsufficientCreditsException, false",
    "403, PermissionDeniedException, false",
    "404, ModelNotFoundException, false",
    "408, RequestTimeoutException, true",
    "409, ModelException, true",
    "429, RateLimitedException, true",
    "500, ProviderUnavailableException, true",
    "502, ProviderUnavailableException, true",
    "503, ProviderUnavailableException, true",
    "524, ProviderUnavailableException, true",
    "529, ProviderUnavailableException, true",
    "0, ConnectionException, true"
  })
  void mapsEachStatusToItsClassAndRetryability(int status, String type, boolean retryable) {
    ModelException e = ModelException.of(error(status), null);
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.status()).isEqualTo(status);
  }

  @Test
  void theProvidersOwnRetryableFlagWins() {
    ModelError availability =
        new ModelError(
            404,
            null,
            "no_endpoints",
            "no endpoints",
            null,
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            true);
    assertThat(new ModelNotFoundException(availability, null).isRetryable()).isTrue();
    ModelError notRetryable =
        new ModelError(
            429, null, null, "capacity", null, null, null, ErrorOrigin.HTTP_STATUS, false);
    assertThat(ModelException.of(notRetryable, null).isRetryable()).isFalse();
  }

  @Test
  void theMessageSaysWhereWhatAndWhen() {
    ModelError e =
        new ModelError(
            429,
            "rate_limited",
            "rate_limit_exceeded",
            "Rate limit exceeded",
            "{}",
            null,
            Duration.ofSeconds(17),
            ErrorOrigin.STREAM,
            null);
    assertThat(ModelException.of(e, null).getMessage())
        .isEqualTo(
            "error in the stream (status 429): Rate limit exceeded (code rate_limited)"
                + " [rate_limit_exceeded] (retry after 17000 ms)");
    assertThat(ModelException.of(e, null).retryAfter()).contains(Duration.ofSeconds(17));
    assertThat(ModelException.of(e, null).origin()).isEqualTo(ErrorOrigin.STREAM);
  }

  @Test
  void longBodiesAreCut() {
    String body = "x".repeat(ModelError.MAX_TEXT_CHARS + 10);
    ModelError e =
        new ModelError(500, null, null, "m", null, body, null, ErrorOrigin.HTTP_STATUS, null);
    assertThat(e.body())
        .hasSize(ModelError.MAX_TEXT_CHARS + "…[10 more chars]".length())
        .endsWith("…[10 more chars]");
  }

  @Test
  void permissionDeniedReadsModerationReasonsAndGuardrailPatterns() {
    ModelError moderation =
        new ModelError(
            403,
            "403",
            null,
            "flagged",
            "{\"reasons\":[\"violence\"],\"flagged_input\":\"kill…it\"}",
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            null);
    PermissionDeniedException e = new PermissionDeniedException(moderation, null);
    assertThat(e.reasons()).containsExactly("violence");
    assertThat(e.flaggedInput()).contains("kill…it");
    ModelError guardrail =
        new ModelError(
            403,
            "403",
            null,
            "Request blocked",
            "{\"patterns\":[\"ignore previous\"]}",
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            null);
    assertThat(new PermissionDeniedException(guardrail, null).reasons())
        .containsExactly("ignore previous");
  }

  @Test
  void insufficientCreditsReadsTheAffordableTokens() {
    ModelError e =
        new ModelError(
            402,
            "402",
            null,
            "This request requires more credits, or fewer max_tokens. You requested up to 65536 tokens, but can only afford 14114.",
            null,
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            null);
    assertThat(new InsufficientCreditsException(e, null).affordableTokens()).hasValue(14114);
  }

  @Test
  void badRequestKnowsAContextOverflow() {
    ModelError typed =
        new ModelError(
            400,
            "400",
            "context_length_exceeded",
            "too long",
            null,
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            null);
    assertThat(new BadRequestException(typed, null).isContextLengthExceeded()).isTrue();
    ModelError text =
        new ModelError(
            400,
            "400",
            null,
            "This endpoint's maximum context length is 400000 tokens",
            null,
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            null);
    assertThat(new BadRequestException(text, null).isContextLengthExceeded()).isTrue();
    assertThat(new BadRequestException(error(400), null).isContextLengthExceeded()).isFalse();
  }
}
