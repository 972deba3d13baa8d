package io.reelay.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Random ids in the shapes the providers use. */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/**
	 * A new task id in the shape a provider's create call answers: generic
	 * {@code video_…}, minimax 15 digits, aimlapi a UUID, tchavi {@code job_…}, openai
	 * {@code task_…}.
	 */
	public static String taskIdOf(String provider) {
		return switch (provider) {
			case "generic" -> hex("video_", 12);
			case "minimax" -> Long.toString(number(15));
			case "aimlapi" -> UUID.randomUUID().toString();
			case "tchavi" -> hex("job_", 12);
			case "openai" -> hex("task_", 12);
			default -> throw new IllegalArgumentException("no simulated provider '" + provider + "'");
		};
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
