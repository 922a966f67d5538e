package dev.taskforce.responses;

import dev.taskforce.model.internal.ApiKey;
import dev.taskforce.model.internal.ModelHttp;
import dev.taskforce.openrouter.OpenRouter;
import dev.taskforce.transport.Transport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where each target is and how it is authenticated: the base URL and key from the builder, else
 * from the target's environment variables, else the target's default URL.
 */
final class Connections {

  private Connections() {}

  static ModelHttp open(
      Target target,
      @Nullable String baseUrl,
      @Nullable String apiKey,
      Function<String, @Nullable String> environment,
      Map<String, String> extraHeaders,
      Transport transport) {
    String url;
    ApiKey key;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", "taskforce");
    List<String> secrets = List.of();
    if (target instanceof Target.Gateway g) {
      url = baseUrl != null ? baseUrl : g.url();
      key =
          ApiKey.optional(apiKey != null ? apiKey : environment.apply(OpenAiResponses.API_KEY_ENV));
      headers.put(g.headerName(), g.headerValue());
      secrets = List.of(g.headerValue());
    } else if (target instanceof Target.OpenRouter) {
      url =
          orDefault(
              baseUrl, environment.apply(OpenRouter.BASE_URL_ENV), OpenRouter.DEFAULT_BASE_URL);
      key =
          ApiKey.required(
              apiKey != null ? apiKey : environment.apply(OpenRouter.API_KEY_ENV),
              "No OpenRouter API key: set the OPENROUTER_API_KEY environment variable or call"
                  + " OpenAiResponses.builder().openRouter().apiKey(...)");
    } else {
      url =
          orDefault(
              baseUrl,
              environment.apply(OpenAiResponses.BASE_URL_ENV),
              OpenAiResponses.DEFAULT_BASE_URL);
      key =
          ApiKey.required(
              apiKey != null ? apiKey : environment.apply(OpenAiResponses.API_KEY_ENV),
              "No OpenAI API key: set the OPENAI_API_KEY environment variable or call"
                  + " OpenAiResponses.builder().apiKey(...)");
    }
    headers.putAll(extraHeaders);
    return new ModelHttp(
        transport, ModelHttp.normalizeBaseUrl(url, "baseUrl"), key, headers, secrets);
  }

  private static String orDefault(
      @Nullable String configured, @Nullable String fromEnvironment, String fallback) {
    String url = configured != null ? configured : fromEnvironment;
    return url == null || url.isBlank() ? fallback : url;
  }
}
