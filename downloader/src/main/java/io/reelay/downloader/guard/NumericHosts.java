package io.reelay.downloader.guard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IPv4 addresses written as numbers in the spellings resolvers accept besides the usual
 * one: fewer than four parts ({@code 127.1}, {@code 2130706433}), and in C libraries also
 * hex ({@code 0x7f.1}) and octal ({@code 0177.0.0.1}). The JDK reads leading zeros as
 * decimal and glibc as octal, so one spelling can mean two addresses; both readings are
 * returned and the guard checks each.
 */
final class NumericHosts {

	private static final Pattern PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

	private static final long[] PART_LIMITS = { 0xffffffffL, 0xffffffL, 0xffffL, 0xffL };

	private NumericHosts() {
	}

	/** Whether every dot-separated part is a number, so no DNS name is meant. */
	static boolean isNumeric(String host) {
		String[] parts = host.split("\\.", -1);
		for (String part : parts) {
			if (!PART.matcher(part).matches()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The addresses a numeric host means to the JDK and to C resolvers; empty when
	 * neither can read it.
	 */
	static Set<Inet4Address> readings(String host) {
		String[] parts = host.split("\\.", -1);
		Set<Inet4Address> readings = new LinkedHashSet<>();
		addIfReadable(readings, parts, false);
		addIfReadable(readings, parts, true);
		return readings;
	}

	private static void addIfReadable(Set<Inet4Address> readings, String[] parts, boolean cStyle) {
		if (parts.length > 4) {
			return;
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = value(parts[i], cStyle);
			if (values[i] < 0) {
				return;
			}
		}
		Inet4Address address = combine(values);
		if (address != null) {
			readings.add(address);
		}
	}

	/** A part's value, or -1 when this style cannot read it. */
	private static long value(String part, boolean cStyle) {
		int radix = 10;
		String digits = part;
		if (part.length() > 1 && (part.charAt(1) == 'x' || part.charAt(1) == 'X')) {
			if (!cStyle) {
				return -1;
			}
			radix = 16;
			digits = part.substring(2);
		}
		else if (cStyle && part.length() > 1 && part.charAt(0) == '0') {
			radix = 8;
			digits = part.substring(1);
		}
		digits = digits.replaceFirst("^0+", "");
		if (digits.isEmpty()) {
			return 0;
		}
		if (digits.length() > 11) {
			return -1;
		}
		try {
			return Long.parseLong(digits, radix);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The last part fills the bytes the others leave, as inet_aton does. */
	private static Inet4Address combine(long[] values) {
		int last = values.length - 1;
		if (values[last] > PART_LIMITS[last]) {
			return null;
		}
		long address = values[last];
		for (int i = 0; i < last; i++) {
			if (values[i] > 0xff) {
				return null;
			}
			address |= values[i] << (8 * (3 - i));
		}
		byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
		try {
			return (Inet4Address) InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
