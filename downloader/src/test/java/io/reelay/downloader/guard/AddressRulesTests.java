package io.reelay.downloader.guard;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressRulesTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', value = { "0.0.0.0 | an unspecified address", "0.255.1.2 | an unspecified address",
			"127.0.0.1 | a loopback address", "127.255.255.254 | a loopback address", "10.0.0.1 | a private address",
			"172.16.0.1 | a private address", "172.31.255.255 | a private address", "192.168.0.1 | a private address",
			"169.254.169.254 | a link-local address", "100.64.0.1 | a carrier-grade NAT address",
			"100.127.255.255 | a carrier-grade NAT address", "192.0.0.8 | an address reserved for protocol assignments",
			"198.19.255.255 | an address reserved for benchmarking", "224.0.0.251 | a multicast address",
			"239.255.255.250 | a multicast address", "240.0.0.1 | a reserved or broadcast address",
			"255.255.255.255 | a reserved or broadcast address", ":: | an unspecified address",
			"::1 | a loopback address", "::7f00:1 | an IPv4-compatible IPv6 address",
			"::8.8.8.8 | an IPv4-compatible IPv6 address", "fe80::1 | a link-local address",
			"febf:ffff::1 | a link-local address", "fec0::1 | a site-local address", "fc00::1 | a unique-local address",
			"fdff:ffff::1 | a unique-local address", "fd00:ec2::254 | a unique-local address",
			"ff02::1 | a multicast address", "64:ff9b::7f00:1 | a NAT64 form of 127.0.0.1, a loopback address",
			"64:ff9b::a9fe:a9fe | a NAT64 form of 169.254.169.254, a link-local address",
			"64:ff9b:1::1 | a local-use NAT64 address", "2002:7f00:1:: | a 6to4 tunnel address",
			"2002:808:808:: | a 6to4 tunnel address",
			"2001:0:4136:e378:8000:63bf:3fff:fdd2 | a Teredo tunnel address" })
	void refuses(String literal, String reason) throws Exception {
		assertThat(AddressRules.refusalReason(InetAddress.getByName(literal))).startsWith(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "203.0.113.10", "100.63.255.255", "100.128.0.0", "172.15.255.255",
			"172.32.0.0", "192.167.255.255", "169.253.0.1", "198.17.255.255", "198.20.0.0", "223.255.255.255",
			"2606:4700::1111", "2a00:1450:4001::200e", "64:ff9b::808:808", "2001:db8::1", "2001:1::1" })
	void letsPublicAddressesThrough(String literal) throws Exception {
		assertThat(AddressRules.refusalReason(InetAddress.getByName(literal))).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "127.0.0.1, a loopback address", "10.1.1.1, a private address", "169.254.169.254, a link-local" })
	void judgesIpv4MappedAddressesByTheIpv4AddressInside(String ipv4, String reason) throws Exception {
		Inet6Address mapped = mapped(InetAddress.getByName(ipv4).getAddress());
		assertThat(AddressRules.refusalReason(mapped)).startsWith("an IPv4-mapped form of " + ipv4 + ", " + reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "203.0.113.10" })
	void letsIpv4MappedPublicAddressesThrough(String ipv4) throws Exception {
		assertThat(AddressRules.refusalReason(mapped(InetAddress.getByName(ipv4).getAddress()))).isNull();
	}

	/**
	 * The JDK turns mapped literals into IPv4; built by hand, a resolver could hand one
	 * over.
	 */
	private static Inet6Address mapped(byte[] ipv4) throws Exception {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xff;
		bytes[11] = (byte) 0xff;
		System.arraycopy(ipv4, 0, bytes, 12, 4);
		return Inet6Address.getByAddress(null, bytes, -1);
	}

}
