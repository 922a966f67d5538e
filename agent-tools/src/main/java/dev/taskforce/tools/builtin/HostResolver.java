package dev.taskforce.tools.builtin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a host name into the IP addresses {@link HttpGetTool} checks and then connects to.
 *
 * <p>The tool connects only to an address this resolver returned, after checking every one of them,
 * so the addresses checked are the addresses used. Tests pass a fake that maps names to chosen
 * addresses, without DNS or network:
 *
 * <pre>{@code
 * HostResolver fake = host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}));
 * }</pre>
 *
 * <p>Contract: called once per hop, from the calling thread, for host names only (IP literals in
 * URLs are parsed, not resolved); must be thread-safe; returns the addresses in the order to try,
 * never an empty list for a known host; throws {@link UnknownHostException} for an unknown one.
 */
@FunctionalInterface
public interface HostResolver {

  /**
   * Resolves a host name.
   *
   * @param host a lower-case host name such as {@code api.example.com}
   * @return its addresses, in the order to try them
   * @throws UnknownHostException if the name has no addresses
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * The JVM's resolver ({@link InetAddress#getAllByName}), which uses the system's DNS and the
   * JVM's DNS cache.
   *
   * @return the system resolver
   */
  static HostResolver system() {
    return host -> Arrays.asList(InetAddress.getAllByName(host));
  }
}
