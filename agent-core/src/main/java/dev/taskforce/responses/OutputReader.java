package dev.taskforce.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.FinishReason;
import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.Usage;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link ChatResponse} from a finished Response object ({@code completed} or {@code
 * incomplete}) and its output items: the message from {@link OutputItems}, the finish reason from
 * the status, and the usage, priced by OpenRouter's {@code usage.cost} when present, else by the
 * catalog.
 */
final class OutputReader {

  private OutputReader() {}

  static ChatResponse read(
      JsonNode response,
      List<? extends JsonNode> items,
      String requestedModel,
      ModelCatalog catalog,
      @Nullable String defaultProvider) {
    var message = OutputItems.message(items);
    String status = response.path("status").asText("");
    String reason = text(response.path("incomplete_details").get("reason"));
    FinishReason finish;
    if (status.equals("incomplete")) {
      finish =
          "max_output_tokens".equals(reason)
              ? FinishReason.LENGTH
              : "content_filter".equals(reason)
                  ? FinishReason.CONTENT_FILTER
                  : FinishReason.UNKNOWN;
    } else if (status.equals("completed")) {
      finish = message.hasToolCalls() ? FinishReason.TOOL_CALLS : FinishReason.STOP;
    } else {
      finish = FinishReason.UNKNOWN;
    }
    String model = text(response.get("model"));
    String provider = text(response.get("provider"));
    return new ChatResponse(
        message,
        finish,
        reason != null ? reason : status.isEmpty() ? null : status,
        usage(response.path("usage"), model, requestedModel, catalog),
        model,
        provider != null ? provider : defaultProvider,
        text(response.get("id")));
  }

  private static Usage usage(
      JsonNode u, @Nullable String served, String requested, ModelCatalog catalog) {
    long in = count(u.get("input_tokens"));
    long out = count(u.get("output_tokens"));
    long cached = count(u.path("input_tokens_details").get("cached_tokens"));
    long reasoning = count(u.path("output_tokens_details").get("reasoning_tokens"));
    JsonNode cost = u.get("cost");
    BigDecimal usd;
    if (cost != null && cost.isNumber()) {
      usd = cost.decimalValue();
    } else {
      ModelInfo info = served == null ? null : ModelIds.find(catalog, served).orElse(null);
      if (info == null) {
        info = ModelIds.find(catalog, requested).orElse(null);
      }
      usd = info == null ? BigDecimal.ZERO : info.pricing().cost(in, cached, out);
    }
    return new Usage(in, out, Math.min(cached, in), reasoning, usd);
  }

  private static long count(@Nullable JsonNode n) {
    return n != null && n.canConvertToLong() && n.longValue() > 0 ? n.longValue() : 0;
  }

  private static @Nullable String text(@Nullable JsonNode n) {
    return n == null || !n.isTextual() ? null : n.textValue();
  }
}
