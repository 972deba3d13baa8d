package io.reelay.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids in the shapes the providers use. */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/** {@code prefix} followed by {@code bytes} random bytes in hex. */
	public static String hex(String prefix, int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return prefix + HexFormat.of().formatHex(random);
	}

	/** A positive number of exactly {@code digits} digits (at most 18). */
	public static long number(int digits) {
		long low = (long) Math.pow(10, digits - 1);
		return low + Math.floorMod(RANDOM.nextLong(), low * 9);
	}

}
