package dev.taskforce.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0.0.0.0, an unspecified address",
    "0.1.2.3, an unspecified address",
    "127.0.0.1, a loopback address",
    "127.255.0.9, a loopback address",
    "10.0.0.7, a private address",
    "172.16.0.1, a private address",
    "172.31.255.255, a private address",
    "192.168.1.1, a private address",
    "169.254.169.254, a link-local address",
    "100.64.0.1, a shared (carrier-grade NAT) address",
    "100.127.255.255, a shared (carrier-grade NAT) address",
    "224.0.0.1, a multicast address",
    "239.255.255.250, a multicast address",
    "240.0.0.1, a reserved address",
    "255.255.255.255, a reserved address",
    "192.0.2.5, a reserved address",
    "198.18.0.1, a reserved address",
    "198.51.100.1, a reserved address",
    "203.0.113.1, a reserved address",
    "::, an unspecified address",
    "::1, a loopback address",
    "::ffff:127.0.0.1, a loopback address",
    "::ffff:10.1.2.3, a private address",
    "::127.0.0.1, a reserved (IPv4-compatible) address",
    "64:ff9b::a9fe:a9fe, a link-local address",
    "2002:c0a8:0101::1, a private address",
    "fc00::1, a unique local address",
    "fd12:3456::1, a unique local address",
    "fe80::1, a link-local address",
    "fec0::1, a site-local address",
    "ff02::1, a multicast address",
    "2001:db8::1, a reserved address",
    "100::1, a reserved address",
    "2001:0:4136:e378::1, a Teredo tunnel address",
  })
  void refusesEveryNonPublicAddress(String literal, String reason) throws UnknownHostException {
    assertThat(AddressRules.refusal(InetAddress.getByName(literal))).isEqualTo(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.215.14",
        "8.8.8.8",
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "169.253.1.1",
        "192.169.0.1",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2a00:1450:4001::200e",
        "64:ff9b::808:808",
        "2002:0808:0808::1",
        "::ffff:8.8.8.8"
      })
  void allowsPublicAddresses(String literal) throws UnknownHostException {
    assertThat(AddressRules.refusal(InetAddress.getByName(literal))).isNull();
  }
}
