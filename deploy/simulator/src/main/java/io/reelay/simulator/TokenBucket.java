package io.reelay.simulator;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} calls at once, then one every {@code 1 / callsPerSecond}
 * seconds. Kept as the time the bucket will be full again (the virtual-scheduling form),
 * in whole nanoseconds, so it needs no timer and no floating-point refill that could
 * refuse a call due exactly now.
 */
final class TokenBucket {

	private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

	private static final long LONGEST_INTERVAL = Duration.ofDays(1).toNanos();

	private final long interval;

	private final long tolerance;

	private final LongSupplier nanoTime;

	private long fullAt;

	/**
	 * @param nanoTime a monotonic clock, {@link System#nanoTime()} outside tests
	 */
	TokenBucket(double callsPerSecond, int burst, LongSupplier nanoTime) {
		if (!(callsPerSecond >= 1.0 / Duration.ofDays(1).toSeconds()) || Double.isInfinite(callsPerSecond)) {
			throw new IllegalArgumentException(
					"callsPerSecond must be a number of at least one call a day, got " + callsPerSecond);
		}
		if (burst < 1) {
			throw new IllegalArgumentException("burst must be 1 or more, got " + burst);
		}
		this.interval = Math.max(1, Math.min(LONGEST_INTERVAL, Math.round(NANOS_PER_SECOND / callsPerSecond)));
		if (burst - 1 > (Long.MAX_VALUE / 4) / this.interval) {
			throw new IllegalArgumentException("a burst of " + burst + " at " + callsPerSecond
					+ " calls a second takes longer than nanoTime can count");
		}
		this.tolerance = (burst - 1) * this.interval;
		this.nanoTime = nanoTime;
		this.fullAt = nanoTime.getAsLong();
	}

	/**
	 * Takes a token if there is one: 0 then, else how many nanoseconds until there is one
	 * (nothing is taken).
	 */
	synchronized long take() {
		long now = this.nanoTime.getAsLong();
		// nanoTime values may only be compared by their difference
		if (this.fullAt - now < 0) {
			this.fullAt = now;
		}
		long wait = this.fullAt - now - this.tolerance;
		if (wait > 0) {
			return wait;
		}
		this.fullAt += this.interval;
		return 0;
	}

}
