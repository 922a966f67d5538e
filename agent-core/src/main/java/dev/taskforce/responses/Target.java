package dev.taskforce.responses;

/** Which service speaks the Responses API: what it accepts differs (see each record). */
sealed interface Target {

  /** OpenAI itself: stored responses, {@code previous_response_id} and background mode allowed. */
  record OpenAi() implements Target {}

  /**
   * An OpenAI-compatible gateway (Cloudflare AI Gateway, for example): the gateway's URL and its
   * own credential header; behaves like OpenAI.
   *
   * @param url the gateway's OpenAI base URL
   * @param headerName the gateway's auth header, for example {@code cf-aig-authorization}
   * @param headerValue the header's value; a secret
   */
  record Gateway(String url, String headerName, String headerValue) implements Target {
    /** Hides the header value. */
    @Override
    public String toString() {
      return "Gateway[url=" + url + ", headerName=" + headerName + ", headerValue=<redacted>]";
    }
  }

  /**
   * OpenRouter's {@code /responses}: stateless only ({@code store}, {@code previous_response_id}
   * and background mode are rejected there and never sent), plus OpenRouter's routing fields.
   */
  record OpenRouter() implements Target {}

  /** Whether the service keeps responses (store, previous_response_id, background). */
  default boolean isStateful() {
    return !(this instanceof OpenRouter);
  }
}
