package dev.taskforce.tools.builtin;

import dev.taskforce.TaskforceException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A URL {@link HttpGetTool} may be asked for, parsed and normalized: scheme, host, port and the
 * request target. Checks here are about the URL's form only; the host list and the address rules
 * are applied by the tool.
 *
 * @param uri the URL without its fragment
 * @param https whether the scheme is https
 * @param host the lower-case host without brackets or trailing dot (IPv6 literals in canonical
 *     form)
 * @param port the port, the scheme's default when the URL has none
 */
record HttpTarget(URI uri, boolean https, String host, int port) {

  /**
   * Parses a URL.
   *
   * @throws TaskforceException if it is not an absolute http(s) URL with a host
   * @throws ToolRefusedException if it carries credentials
   */
  static HttpTarget parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new TaskforceException(
          "not a valid URL: "
              + e.getReason()
              + "; give an absolute URL such as https://example.com/");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new TaskforceException(
          "only absolute http and https URLs can be fetched, such as https://example.com/");
    }
    if (uri.getRawUserInfo() != null) {
      throw new ToolRefusedException("URLs with credentials (user:password@) are not allowed");
    }
    if (uri.getHost() == null) {
      throw new TaskforceException("the URL has no valid host name");
    }
    boolean https = scheme.equals("https");
    int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
    String host;
    try {
      host = normalizeHost(uri.getHost());
    } catch (IllegalArgumentException e) {
      throw new TaskforceException("the URL has no valid host name");
    }
    int hash = uri.toString().indexOf('#');
    URI clean = hash < 0 ? uri : URI.create(uri.toString().substring(0, hash));
    return new HttpTarget(clean, https, host, port);
  }

  /**
   * Normalizes a host for comparison with the host list: lower case, no brackets, no trailing dot,
   * IDN in ASCII form, IPv6 literals in canonical form.
   *
   * @throws IllegalArgumentException if it is not a host name or IP literal
   */
  static String normalizeHost(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.indexOf(':') >= 0) {
      if (!h.matches("[0-9a-f:.]+")) {
        throw new IllegalArgumentException("not a host name or IP address: " + host);
      }
      try {
        return InetAddress.getByName(h).getHostAddress(); // A literal: no DNS lookup.
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not a valid IPv6 address: " + host);
      }
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    try {
      h = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a host name or IP address: " + host);
    }
    if (h.isEmpty()) {
      throw new IllegalArgumentException("not a host name or IP address: " + host);
    }
    return h;
  }

  /** {@code scheme://host:port}, what error messages show of a URL. */
  String origin() {
    String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return (https ? "https://" : "http://") + shownHost + ":" + port;
  }

  /** The Host header: the host, and the port when it is not the scheme's default. */
  String hostHeader() {
    String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (https ? 443 : 80) ? shownHost : shownHost + ":" + port;
  }

  /** The request target: the path (at least {@code /}) and the query, ASCII only. */
  String requestTarget() {
    URI ascii = URI.create(uri.toASCIIString());
    String path =
        ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
    return ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
  }
}
