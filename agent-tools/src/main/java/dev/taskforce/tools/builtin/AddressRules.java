package dev.taskforce.tools.builtin;

import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * Which IP addresses {@link HttpGetTool} refuses unless a host is explicitly internal: every
 * address that is not plainly public.
 *
 * <p>Refused IPv4: {@code 0.0.0.0/8} (unspecified), {@code 10/8}, {@code 172.16/12}, {@code
 * 192.168/16} (private), {@code 127/8} (loopback), {@code 169.254/16} (link-local, including cloud
 * metadata at 169.254.169.254), {@code 100.64/10} (shared, carrier-grade NAT), {@code 192.0.0/24},
 * {@code 192.0.2/24}, {@code 198.18/15}, {@code 198.51.100/24}, {@code 203.0.113/24} (reserved and
 * documentation), {@code 224/4} (multicast), {@code 240/4} (reserved, broadcast). Refused IPv6:
 * {@code ::} and {@code ::1}, {@code fc00::/7} (unique local), {@code fe80::/10} (link-local),
 * {@code fec0::/10} (site-local), {@code ff00::/8} (multicast), {@code 2001:db8::/32} and {@code
 * 100::/64} (documentation, discard), {@code 2001::/32} (Teredo) and {@code ::/96}
 * (IPv4-compatible); IPv4-mapped ({@code ::ffff:0:0/96}), NAT64 ({@code 64:ff9b::/96}) and 6to4
 * ({@code 2002::/16}) addresses are judged by the IPv4 address they embed.
 */
final class AddressRules {

  private AddressRules() {}

  /**
   * Why an address is refused.
   *
   * @return a phrase such as {@code "a loopback address"}, or {@code null} for a public address
   */
  static @Nullable String refusal(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 4 ? ipv4(b, 0) : ipv6(b);
  }

  private static @Nullable String ipv4(byte[] bytes, int from) {
    int a = bytes[from] & 0xff;
    int b = bytes[from + 1] & 0xff;
    int c = bytes[from + 2] & 0xff;
    if (a == 0) {
      return "an unspecified address";
    }
    if (a == 127) {
      return "a loopback address";
    }
    if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
      return "a private address";
    }
    if (a == 169 && b == 254) {
      return "a link-local address";
    }
    if (a == 100 && (b & 0xc0) == 64) {
      return "a shared (carrier-grade NAT) address";
    }
    if (a >= 224 && a <= 239) {
      return "a multicast address";
    }
    if (a >= 240
        || (a == 192 && b == 0 && (c == 0 || c == 2))
        || (a == 198 && (b & 0xfe) == 18)
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)) {
      return "a reserved address";
    }
    return null;
  }

  private static @Nullable String ipv6(byte[] b) {
    if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return ipv4(b, 12); // IPv4-mapped.
    }
    if (zero(b, 0, 12)) {
      if (zero(b, 12, 15) && (b[15] == 0 || b[15] == 1)) {
        return b[15] == 0 ? "an unspecified address" : "a loopback address";
      }
      return "a reserved (IPv4-compatible) address";
    }
    int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (first == 0x0064 && second == 0xff9b && zero(b, 4, 12)) {
      return ipv4(b, 12); // NAT64.
    }
    if (first == 0x2002) {
      return ipv4(b, 2); // 6to4.
    }
    if ((first & 0xfe00) == 0xfc00) {
      return "a unique local address";
    }
    if ((first & 0xffc0) == 0xfe80) {
      return "a link-local address";
    }
    if ((first & 0xffc0) == 0xfec0) {
      return "a site-local address";
    }
    if ((first & 0xff00) == 0xff00) {
      return "a multicast address";
    }
    if ((first == 0x2001 && second == 0x0db8) || (first == 0x0100 && zero(b, 2, 8))) {
      return "a reserved address";
    }
    if (first == 0x2001 && second == 0x0000) {
      return "a Teredo tunnel address";
    }
    return null;
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
