package dev.taskforce.transport;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request.
 *
 * <p>The body array is not copied (requests are built per call and large bodies matter); do not
 * change it after creating the request. {@link #toString()} shows no body and hides credentials.
 *
 * @param method the method in upper case, for example {@code POST}
 * @param uri an absolute {@code http://} or {@code https://} URI
 * @param headers the request headers
 * @param body the body bytes, or {@code null} for a request without a body
 */
public record TransportRequest(String method, URI uri, Headers headers, byte @Nullable [] body) {

  /** Checks the method and the URI. */
  public TransportRequest {
    requireNonNull(method, "method == null");
    requireNonNull(uri, "uri == null");
    requireNonNull(headers, "headers == null");
    if (!method.equals(method.toUpperCase(Locale.ROOT)) || method.isEmpty()) {
      throw new IllegalArgumentException("method must be upper case, was: " + method);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("uri must be an absolute http(s) URI, was: " + uri);
    }
  }

  /**
   * A {@code GET} request.
   *
   * @param uri where
   * @param headers the headers
   * @return the request
   */
  public static TransportRequest get(URI uri, Headers headers) {
    return new TransportRequest("GET", uri, headers, null);
  }

  @Override
  public String toString() {
    return method
        + " "
        + uri
        + " "
        + headers
        + (body == null ? "" : " (" + body.length + " bytes)");
  }
}
