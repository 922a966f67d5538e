package dev.taskforce.tools.builtin;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool that fetches text over HTTP GET from hosts you list, on public addresses only.
 *
 * <pre>{@code
 * HttpGetTool web = HttpGetTool.builder()
 *     .allowHost("docs.example.com")
 *     .allowHost("api.example.com")
 *     .build();
 * Tools.from(web);                     // the tool "http_get"
 * }</pre>
 *
 * <p>Safety, each a default you must change on purpose:
 *
 * <ul>
 *   <li>Hosts: only hosts on the list, matched exactly (no wildcards, {@code a.example.com} does
 *       not allow {@code b.example.com}); {@link Builder#build()} fails with an empty list.
 *   <li>Schemes: https only, unless {@link Builder#allowPlainHttp}. URLs with credentials are
 *       refused.
 *   <li>Addresses: every address the {@link HostResolver} returns for a host is checked, and a host
 *       with any private, loopback, link-local, site-local, unique-local (IPv6 ULA), multicast,
 *       unspecified or otherwise reserved address is refused (IPv4-mapped, NAT64 and 6to4 IPv6
 *       addresses are judged by the IPv4 address inside; cloud metadata at 169.254.169.254 is
 *       link-local), unless the host was listed with {@link Builder#allowInternalHost}. The socket
 *       then connects to one of exactly those checked addresses, and the connected peer is checked
 *       again, so a DNS answer that changes between check and connect (DNS rebinding) cannot
 *       redirect the request. No proxy is used.
 *   <li>Redirects (301, 302, 303, 307, 308) are followed by the tool itself, at most {@link
 *       Builder#maxRedirects} (default 5); every hop is checked like the first: scheme, host list,
 *       addresses.
 *   <li>Limits: one {@link Builder#timeout} (default 30 s) for the whole call including redirects,
 *       a {@link Builder#connectTimeout} (default 10 s) per connection, and {@link
 *       Builder#maxResponseBytes} (default 256 KiB): the body is cut there, reading stops, and the
 *       result says {@code truncated}.
 *   <li>Content: only text is returned ({@code text/*}, JSON, XML, JavaScript, YAML, by their
 *       Content-Type); anything else is refused before its body is read. Compressed responses are
 *       refused (the tool asks for none).
 * </ul>
 *
 * <p>What the address rules cannot do: they judge the address, not the network. A public address
 * that your own network routes to an internal service, or a listed host that itself forwards
 * requests (an open proxy on an allowed host), is outside what this tool can see. A listed host is
 * trusted to serve what it serves.
 *
 * <p>Any final status is returned, with its body, including 4xx and 5xx. Immutable and thread-safe;
 * each call opens its own connections.
 */
public final class HttpGetTool {

  /** Default {@link Builder#maxResponseBytes}: 256 KiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

  /** Default {@link Builder#maxRedirects}. */
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  private static final Logger log = LoggerFactory.getLogger(HttpGetTool.class);
  private static final String USER_AGENT = "Taskforce-HttpGetTool/1";

  private final EgressPolicy policy;
  private final int maxRedirects;
  private final int maxResponseBytes;
  private final Duration timeout;
  private final LongSupplier nanoTime;

  private HttpGetTool(Builder b) {
    this.policy =
        new EgressPolicy(
            b.publicHosts,
            b.internalHosts,
            b.allowPlainHttp,
            b.resolver,
            b.sslSocketFactory,
            (int) Math.min(Integer.MAX_VALUE, b.connectTimeout.toMillis()));
    this.maxRedirects = b.maxRedirects;
    this.maxResponseBytes = b.maxResponseBytes;
    this.timeout = b.timeout;
    this.nanoTime = b.nanoTime;
  }

  /**
   * Starts an HTTP GET tool; at least one host must be allowed.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches a URL and returns its text.
   *
   * @param url an absolute URL on an allowed host, e.g. {@code https://docs.example.com/faq}
   * @return the final response, after redirects
   * @throws ToolRefusedException if a hop's scheme, host or addresses are not allowed, there are
   *     too many redirects, or the content is not text
   * @throws TaskforceException if the URL is malformed, the host is unknown, or the connection, TLS
   *     or response fails or times out
   */
  @Tool(
      name = "http_get",
      value =
          "Fetches a web page or API response with HTTP GET and returns its status, content type"
              + " and text. Only some hosts are allowed; the body may be cut at a size limit.")
  public Response get(
      @Param("Absolute URL to fetch, e.g. https://docs.example.com/faq") @NotBlank String url) {
    requireNonNull(url, "url == null");
    HttpExchange.Deadline deadline = new HttpExchange.Deadline(nanoTime, timeout.toNanos());
    HttpTarget target = HttpTarget.parse(url);
    List<InetAddress> addresses = policy.check(target);
    for (int redirects = 0; ; redirects++) {
      try (HttpExchange exchange = policy.open(target, addresses, deadline)) {
        exchange.send(target.requestTarget(), target.hostHeader(), ContentTypes.ACCEPT, USER_AGENT);
        exchange.readHead();
        int status = exchange.status();
        String location = exchange.header("location");
        if (isRedirect(status) && location != null) {
          if (redirects == maxRedirects) {
            throw new ToolRefusedException(
                "too many redirects (more than " + maxRedirects + ") starting at " + url);
          }
          HttpTarget next = redirect(target, location);
          try {
            addresses = policy.check(next);
          } catch (ToolRefusedException e) {
            throw new ToolRefusedException(
                "redirect from "
                    + target.origin()
                    + " to "
                    + next.origin()
                    + " refused: "
                    + e.getMessage());
          }
          target = next;
          continue;
        }
        return response(target, exchange);
      } catch (IOException e) {
        throw failure(target, e);
      }
    }
  }

  private Response response(HttpTarget target, HttpExchange exchange) throws IOException {
    int status = exchange.status();
    String contentType = exchange.header("content-type");
    if (status == 204 || status == 304) {
      return new Response(
          target.uri().toString(), status, contentType == null ? "" : contentType, "", false);
    }
    ContentTypes.requireText(contentType, target.origin());
    String encoding = exchange.header("content-encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
      throw new ToolRefusedException(
          target.origin()
              + " answered with a compressed body ("
              + encoding.trim()
              + "); only"
              + " uncompressed text is returned");
    }
    byte[] body = exchange.readBody(maxResponseBytes);
    boolean truncated = body.length > maxResponseBytes;
    String text = ContentTypes.decode(body, Math.min(body.length, maxResponseBytes), contentType);
    return new Response(target.uri().toString(), status, contentType, text, truncated);
  }

  /** The target of a redirect; a Location that is not a fetchable URL is refused. */
  private static HttpTarget redirect(HttpTarget from, String location) {
    try {
      URI next = from.uri().resolve(location.trim());
      return HttpTarget.parse(next.toString());
    } catch (IllegalArgumentException | TaskforceException e) {
      String reason = e instanceof TaskforceException ? e.getMessage() : "malformed URL";
      throw new ToolRefusedException("redirect from " + from.origin() + " refused: " + reason);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private TaskforceException failure(HttpTarget target, IOException e) {
    log.debug("GET {} failed", target.origin(), e);
    if (e instanceof java.net.SocketTimeoutException) {
      return new TaskforceException(
          "timed out fetching "
              + target.origin()
              + " (the limit is "
              + timeout.toMillis()
              + " ms)");
    }
    if (e instanceof java.net.ConnectException) {
      return new TaskforceException(
          "cannot connect to " + target.origin() + ": connection refused");
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return new TaskforceException(
          "TLS with " + target.origin() + " failed (untrusted certificate or name mismatch)");
    }
    if (e instanceof HttpExchange.MalformedResponseException) {
      return new TaskforceException(
          target.origin() + " sent a malformed HTTP response: " + e.getMessage());
    }
    return new TaskforceException("fetching " + target.origin() + " failed: I/O error");
  }

  @Override
  public String toString() {
    return "HttpGetTool{"
        + policy
        + ", maxRedirects="
        + maxRedirects
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", timeout="
        + timeout
        + "}";
  }

  /**
   * The final response of a GET.
   *
   * @param url the URL that answered, after redirects
   * @param status the HTTP status, e.g. 200 or 404
   * @param contentType the Content-Type header, e.g. {@code text/html; charset=utf-8}; empty for
   *     204 and 304
   * @param body the body as text, decoded with the charset of the Content-Type (UTF-8 when none)
   * @param truncated whether the body was cut at the size limit
   */
  public record Response(
      String url, int status, String contentType, String body, boolean truncated) {
    /** Checks every part is present. */
    public Response {
      requireNonNull(url, "url == null");
      requireNonNull(contentType, "contentType == null");
      requireNonNull(body, "body == null");
    }
  }

  /** Builds an {@link HttpGetTool}. Not thread-safe. */
  public static final class Builder {
    private final Set<String> publicHosts = new LinkedHashSet<>();
    private final Set<String> internalHosts = new LinkedHashSet<>();
    private boolean allowPlainHttp;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(30);
    private HostResolver resolver = HostResolver.system();
    private @Nullable SSLSocketFactory sslSocketFactory;
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /**
     * Allows a host, on public addresses only. Matched exactly, case-insensitively; any port.
     *
     * @param host a host name such as {@code api.example.com}, or an IP address; no scheme, port or
     *     path
     * @return this builder
     * @throws IllegalArgumentException if it is not a host name or IP address
     */
    public Builder allowHost(String host) {
      publicHosts.add(checkedHost(host));
      return this;
    }

    /**
     * Allows each of several hosts, as {@link #allowHost} does.
     *
     * @param hosts host names or IP addresses
     * @return this builder
     * @throws IllegalArgumentException if one is not a host name or IP address
     */
    public Builder allowHosts(Collection<String> hosts) {
      requireNonNull(hosts, "hosts == null").forEach(this::allowHost);
      return this;
    }

    /**
     * Allows a host on your internal network: it may resolve to private, loopback or other
     * non-public addresses. Use only for a host you control; other hosts still must be public.
     *
     * @param host a host name or IP address
     * @return this builder
     * @throws IllegalArgumentException if it is not a host name or IP address
     */
    public Builder allowInternalHost(String host) {
      internalHosts.add(checkedHost(host));
      return this;
    }

    /**
     * Sets whether plain {@code http} URLs may be fetched, on the first hop and on redirects.
     *
     * @param allowPlainHttp default {@code false}: https only
     * @return this builder
     */
    public Builder allowPlainHttp(boolean allowPlainHttp) {
      this.allowPlainHttp = allowPlainHttp;
      return this;
    }

    /**
     * Sets how many redirects one call follows.
     *
     * @param maxRedirects 0 to 20; default {@value HttpGetTool#DEFAULT_MAX_REDIRECTS}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxRedirects(int maxRedirects) {
      this.maxRedirects = Limits.inRange("maxRedirects", maxRedirects, 0, 20);
      return this;
    }

    /**
     * Sets how much of a body is read; the rest is never read and the result is marked truncated.
     *
     * @param maxResponseBytes 1 byte to 64 MiB; default 256 KiB
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxResponseBytes(int maxResponseBytes) {
      this.maxResponseBytes =
          Limits.inRange("maxResponseBytes", maxResponseBytes, 1, 64 * 1024 * 1024);
      return this;
    }

    /**
     * Sets the longest wait for one connection to open.
     *
     * @param connectTimeout positive; default 10 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * Sets the time limit of a whole call: every hop's connecting, TLS and reading.
     *
     * @param timeout positive; default 30 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /**
     * Sets the resolver whose addresses are checked and connected to; tests pass a fake.
     *
     * @param resolver default {@link HostResolver#system()}
     * @return this builder
     */
    public Builder resolver(HostResolver resolver) {
      this.resolver = requireNonNull(resolver, "resolver == null");
      return this;
    }

    /**
     * Sets the TLS socket factory, for a custom trust store. Host names are verified either way.
     *
     * @param sslSocketFactory default: the JVM's default factory
     * @return this builder
     */
    public Builder sslSocketFactory(SSLSocketFactory sslSocketFactory) {
      this.sslSocketFactory = requireNonNull(sslSocketFactory, "sslSocketFactory == null");
      return this;
    }

    /** Replaces {@link System#nanoTime} for the deadline, so tests can expire it. */
    Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = requireNonNull(nanoTime, "nanoTime == null");
      return this;
    }

    /**
     * Builds the tool.
     *
     * @return the tool
     * @throws IllegalStateException if no host is allowed
     */
    public HttpGetTool build() {
      if (publicHosts.isEmpty() && internalHosts.isEmpty()) {
        throw new IllegalStateException(
            "no host is allowed: call allowHost(\"api.example.com\"); there is no default");
      }
      return new HttpGetTool(this);
    }

    private static String checkedHost(String host) {
      requireNonNull(host, "host == null");
      if (host.contains("/")
          || host.contains("@")
          || host.chars().filter(c -> c == ':').count() == 1) {
        throw new IllegalArgumentException(
            "host must be a bare host name such as api.example.com (no scheme, port or path): "
                + host);
      }
      return HttpTarget.normalizeHost(host);
    }

    private static Duration positive(String name, Duration value) {
      requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
