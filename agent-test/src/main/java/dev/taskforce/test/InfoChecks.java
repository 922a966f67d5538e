package dev.taskforce.test;

import dev.taskforce.model.BadRequestException;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ErrorOrigin;
import dev.taskforce.model.ModelError;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.ReasoningConfig;
import dev.taskforce.model.ReasoningEffort;
import java.util.stream.Collectors;

/** The checks a provider makes of a request against what it knows of the model. */
final class InfoChecks {

  private InfoChecks() {}

  /**
   * Rejects a reasoning effort the model does not allow, and an output limit above its maximum,
   * with the exception the OpenRouter client throws for the provider's 400. Unknown limits (an
   * empty effort set, a zero maximum) are not checked.
   */
  static void check(ModelInfo info, ChatRequest request) {
    ReasoningConfig reasoning = request.reasoning();
    ReasoningEffort effort = reasoning == null ? null : reasoning.effort();
    if (effort != null
        && !info.reasoningEfforts().isEmpty()
        && !info.reasoningEfforts().contains(effort)) {
      throw rejected(
          "Unsupported value: 'reasoning.effort' does not support '"
              + effort.wireValue()
              + "' with "
              + info.id()
              + ". Supported values are: "
              + info.reasoningEfforts().stream()
                  .sorted()
                  .map(e -> "'" + e.wireValue() + "'")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    Integer max = request.maxOutputTokens();
    if (max != null && info.maxOutputTokens() > 0 && max > info.maxOutputTokens()) {
      throw rejected(
          "max_tokens is too large: "
              + max
              + ". "
              + info.id()
              + " supports at most "
              + info.maxOutputTokens()
              + " completion tokens.");
    }
  }

  private static BadRequestException rejected(String message) {
    return new BadRequestException(
        new ModelError(
            400,
            "400",
            "invalid_request_error",
            message,
            null,
            null,
            null,
            ErrorOrigin.HTTP_STATUS,
            null),
        null);
  }
}
