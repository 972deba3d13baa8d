package io.reelay.downloader.guard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses lead into a network Reelay must not reach, and why in words.
 *
 * <p>
 * IPv6 forms that carry an IPv4 address: IPv4-mapped ({@code ::ffff:0:0/96}) and NAT64
 * ({@code 64:ff9b::/96}) are judged by the IPv4 address inside, because IPv6-only
 * clusters reach every public IPv4 site through NAT64. IPv4-compatible ({@code ::/96}),
 * 6to4 ({@code 2002::/16}) and Teredo ({@code 2001::/32}) are refused whole: all three
 * are deprecated and no video host is reached through them.
 */
final class AddressRules {

	private static final String PRIVATE = "a private address";

	private static final List<Range> IPV4 = List.of(range("0.0.0.0", 8, "an unspecified address"),
			range("10.0.0.0", 8, PRIVATE),
			range("100.64.0.0", 10, "a carrier-grade NAT address (clouds run internal services there)"),
			range("127.0.0.0", 8, "a loopback address"),
			range("169.254.0.0", 16, "a link-local address (where cloud metadata services answer)"),
			range("172.16.0.0", 12, PRIVATE), range("192.0.0.0", 24, "an address reserved for protocol assignments"),
			range("192.168.0.0", 16, PRIVATE), range("198.18.0.0", 15, "an address reserved for benchmarking"),
			range("224.0.0.0", 4, "a multicast address"), range("240.0.0.0", 4, "a reserved or broadcast address"));

	// order matters: :: and ::1 are also inside ::/96
	private static final List<Range> IPV6 = List.of(range("::", 128, "an unspecified address"),
			range("::1", 128, "a loopback address"),
			range("::", 96, "an IPv4-compatible IPv6 address (a deprecated form)"),
			range("fe80::", 10, "a link-local address"), range("fec0::", 10, "a site-local address"),
			range("fc00::", 7, "a unique-local address (the IPv6 kind of private address)"),
			range("ff00::", 8, "a multicast address"), range("64:ff9b:1::", 48, "a local-use NAT64 address"),
			range("2002::", 16, "a 6to4 tunnel address (6to4 is deprecated)"),
			range("2001::", 32, "a Teredo tunnel address (Teredo is deprecated)"));

	private static final Range IPV4_MAPPED = range("::ffff:0:0", 96, "an IPv4-mapped form");

	private static final Range NAT64 = range("64:ff9b::", 96, "a NAT64 form");

	private AddressRules() {
	}

	/** Why the address is refused, as a phrase ("a loopback address"), or null. */
	static String refusalReason(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			return reasonIn(IPV4, bytes);
		}
		for (Range embedding : List.of(IPV4_MAPPED, NAT64)) {
			if (embedding.contains(bytes)) {
				byte[] inner = Arrays.copyOfRange(bytes, 12, 16);
				String reason = reasonIn(IPV4, inner);
				return (reason != null) ? embedding.why + " of " + text(inner) + ", " + reason : null;
			}
		}
		return reasonIn(IPV6, bytes);
	}

	private static String reasonIn(List<Range> ranges, byte[] address) {
		for (Range range : ranges) {
			if (range.contains(address)) {
				return range.why;
			}
		}
		return null;
	}

	private static String text(byte[] ipv4) {
		try {
			return Inet4Address.getByAddress(ipv4).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Range range(String literal, int bits, String why) {
		byte[] prefix = literalBytes(literal);
		return new Range(prefix, bits, why);
	}

	/**
	 * The bytes as written: the JDK turns {@code ::ffff:0:0} into IPv4, so parse by hand.
	 */
	private static byte[] literalBytes(String literal) {
		try {
			if (literal.startsWith("::ffff:")) {
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				return mapped;
			}
			return InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(literal + " is not an IP literal", ex);
		}
	}

	private record Range(byte[] prefix, int bits, String why) {

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			if (!Arrays.equals(address, 0, whole, this.prefix, 0, whole)) {
				return false;
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

}
