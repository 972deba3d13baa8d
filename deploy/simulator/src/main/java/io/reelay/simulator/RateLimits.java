package io.reelay.simulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A rate limit per provider, so tests can check that a client keeps to a rate and backs
 * off: API calls (create, status, retrieve) beyond it are answered the way the provider
 * answers a 429, with {@code Retry-After} in whole seconds. Video downloads are never
 * limited. No provider is limited until {@link #limit} is called.
 */
public final class RateLimits {

	private final Set<String> providers;

	private final LongSupplier nanoTime;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> admitted = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();

	RateLimits(Set<String> providers, LongSupplier nanoTime) {
		this.providers = Set.copyOf(providers);
		this.nanoTime = nanoTime;
	}

	/**
	 * Limits a provider to {@code callsPerSecond} on average and {@code burst} calls at
	 * once, starting with a full bucket; replaces its limit, if any. The counts go on.
	 */
	public void limit(String provider, double callsPerSecond, int burst) {
		known(provider);
		this.buckets.put(provider, new TokenBucket(callsPerSecond, burst, this.nanoTime));
	}

	/** Lifts every limit and zeroes the counts. */
	public void clear() {
		this.buckets.clear();
		this.admitted.clear();
		this.rejected.clear();
	}

	/** Lifts a provider's limit and zeroes its counts. */
	public void clear(String provider) {
		this.buckets.remove(provider);
		this.admitted.remove(provider);
		this.rejected.remove(provider);
	}

	/** Calls a provider's limit let through since it was last cleared. */
	public long admitted(String provider) {
		return countOf(this.admitted, provider);
	}

	/** Calls refused for a provider's limit since it was last cleared. */
	public long rejected(String provider) {
		return countOf(this.rejected, provider);
	}

	/**
	 * Lets a call through its provider's limit: 0 when it may go on, else the seconds its
	 * client should wait, at least 1.
	 */
	int admit(String provider) {
		TokenBucket bucket = this.buckets.get(provider);
		if (bucket == null) {
			return 0;
		}
		long wait = bucket.take();
		if (wait == 0) {
			count(this.admitted, provider);
			return 0;
		}
		count(this.rejected, provider);
		// Retry-After is whole seconds: rounding down would invite a retry that fails.
		long seconds = (long) Math.ceil(wait / (double) TimeUnit.SECONDS.toNanos(1));
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
	}

	private void known(String provider) {
		if (!this.providers.contains(provider)) {
			throw new IllegalArgumentException(
					"no simulated provider '" + provider + "', known: " + this.providers.stream().sorted().toList());
		}
	}

	private static void count(Map<String, AtomicLong> counts, String provider) {
		counts.computeIfAbsent(provider, (key) -> new AtomicLong()).incrementAndGet();
	}

	private static long countOf(Map<String, AtomicLong> counts, String provider) {
		AtomicLong count = counts.get(provider);
		return (count != null) ? count.get() : 0;
	}

}
