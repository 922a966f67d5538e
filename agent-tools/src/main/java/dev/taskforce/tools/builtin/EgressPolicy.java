package dev.taskforce.tools.builtin;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link HttpGetTool} may connect: the scheme rule, the host lists and the address rules,
 * applied to every hop, and the connection made only to an address that passed them. Immutable and
 * thread-safe.
 */
final class EgressPolicy {

  private static final Logger log = LoggerFactory.getLogger(EgressPolicy.class);

  private final Set<String> publicHosts;
  private final Set<String> internalHosts;
  private final boolean allowPlainHttp;
  private final HostResolver resolver;
  private final @Nullable SSLSocketFactory sslSocketFactory;
  private final int connectTimeoutMillis;

  EgressPolicy(
      Set<String> publicHosts,
      Set<String> internalHosts,
      boolean allowPlainHttp,
      HostResolver resolver,
      @Nullable SSLSocketFactory sslSocketFactory,
      int connectTimeoutMillis) {
    this.publicHosts = Set.copyOf(publicHosts);
    this.internalHosts = Set.copyOf(internalHosts);
    this.allowPlainHttp = allowPlainHttp;
    this.resolver = resolver;
    this.sslSocketFactory = sslSocketFactory;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /** Checks scheme, host list and every address; returns the addresses to connect to. */
  List<InetAddress> check(HttpTarget target) {
    if (!target.https() && !allowPlainHttp) {
      throw new ToolRefusedException("plain http is not allowed, only https: " + target.origin());
    }
    boolean internal = internalHosts.contains(target.host());
    if (!internal && !publicHosts.contains(target.host())) {
      throw new ToolRefusedException(
          "host " + target.host() + " is not on the list of allowed hosts");
    }
    List<InetAddress> addresses = resolve(target.host());
    if (!internal) {
      for (InetAddress address : addresses) {
        String refusal = AddressRules.refusal(address);
        if (refusal != null) {
          throw addressRefused(target, address, refusal);
        }
      }
    }
    return addresses;
  }

  private List<InetAddress> resolve(String host) {
    List<InetAddress> addresses;
    try {
      addresses =
          HttpExchange.isIpLiteral(host)
              ? List.of(InetAddress.getByName(host)) // A literal: parsed, not looked up.
              : List.copyOf(resolver.resolve(host));
    } catch (UnknownHostException e) {
      throw new TaskforceException("cannot resolve host " + host);
    } catch (RuntimeException e) {
      log.debug("resolver failed for {}", host, e);
      throw new TaskforceException("cannot resolve host " + host);
    }
    if (addresses.isEmpty()) {
      throw new TaskforceException("cannot resolve host " + host);
    }
    return addresses;
  }

  /** Connects to the first checked address that answers, and checks the peer again. */
  HttpExchange open(HttpTarget target, List<InetAddress> addresses, HttpExchange.Deadline deadline)
      throws IOException {
    SSLSocketFactory tls =
        target.https()
            ? sslSocketFactory != null
                ? sslSocketFactory
                : (SSLSocketFactory) SSLSocketFactory.getDefault()
            : null;
    IOException last = null;
    for (InetAddress address : addresses) {
      HttpExchange exchange;
      try {
        exchange =
            HttpExchange.connect(
                address, target.port(), target.host(), tls, connectTimeoutMillis, deadline);
      } catch (IOException e) {
        last = e;
        continue;
      }
      InetAddress peer = exchange.peer();
      String refusal = internalHosts.contains(target.host()) ? null : AddressRules.refusal(peer);
      if (!peer.equals(address) || refusal != null) {
        exchange.close();
        throw addressRefused(target, peer, refusal == null ? "not the address checked" : refusal);
      }
      return exchange;
    }
    throw requireNonNull(last, "no addresses");
  }

  private static ToolRefusedException addressRefused(
      HttpTarget target, InetAddress address, String refusal) {
    return new ToolRefusedException(
        "host "
            + target.host()
            + " resolves to "
            + address.getHostAddress()
            + ", "
            + refusal
            + "; only public addresses may be fetched");
  }

  @Override
  public String toString() {
    return "hosts="
        + publicHosts
        + ", internalHosts="
        + internalHosts
        + ", allowPlainHttp="
        + allowPlainHttp;
  }
}
