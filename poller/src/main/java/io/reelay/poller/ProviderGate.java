package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * What stands between the poller and one provider: a token bucket at the configured rate,
 * a bounded pool for the calls in flight, and a cool-down after the provider answered 429
 * anyway. A poll that may not go now is not waited for: it goes back to Kafka for as long
 * as the gate says.
 */
final class ProviderGate {

	private static final Duration FIRST_COOL_DOWN = Duration.ofSeconds(1);

	private static final Duration LONGEST_COOL_DOWN = Duration.ofSeconds(60);

	private final String provider;

	private final double rate;

	private final Bucket bucket;

	private final ThreadPoolExecutor calls;

	private Instant coolDownUntil = Instant.MIN;

	private int rateLimitedInARow;

	ProviderGate(String provider, PollerProperties.ProviderPolling polling) {
		this.provider = provider;
		this.rate = polling.rate();
		// tokens per 1000 s, so fractional rates such as 0.5 calls a second stay exact
		long perThousandSeconds = Math.max(1, Math.round(polling.rate() * 1000));
		this.bucket = Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(polling.burst())
				.refillGreedy(perThousandSeconds, Duration.ofSeconds(1000))
				.build())
			.build();
		AtomicInteger threads = new AtomicInteger();
		this.calls = new ThreadPoolExecutor(polling.maxConcurrent(), polling.maxConcurrent(), 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> {
					Thread thread = new Thread(runnable, "poller-" + provider + "-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.calls.allowCoreThreadTimeOut(true);
	}

	/**
	 * Takes a call slot, or says how long to wait for one.
	 * @param waitingAlready polls of this provider already sent back in this batch: each
	 * waits one more token's time, so they come back spread out rather than all at once
	 * @return zero when the call may go now
	 */
	synchronized Duration admit(Instant now, int waitingAlready) {
		Duration spread = Duration.ofNanos((long) (waitingAlready * 1e9 / this.rate));
		if (now.isBefore(this.coolDownUntil)) {
			return Duration.between(now, this.coolDownUntil).plus(spread);
		}
		ConsumptionProbe probe = this.bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(probe.getNanosToWaitForRefill()).plus(spread);
	}

	/**
	 * The provider answered 429: nobody calls it until its Retry-After has passed, or,
	 * when it gave none, a cool-down that doubles with every 429 in a row. A 429 that
	 * arrives while a cool-down is on answers a call sent before it began: it does not
	 * double the cool-down, and extends it only as far as its own Retry-After asks.
	 */
	synchronized Duration rateLimited(Instant now, Duration retryAfter) {
		boolean coolingDown = now.isBefore(this.coolDownUntil);
		if (!coolingDown) {
			this.rateLimitedInARow++;
		}
		Duration coolDown = (retryAfter != null) ? retryAfter
				: coolingDown ? Duration.ZERO : doubledCoolDown(this.rateLimitedInARow);
		Instant until = now.plus(coolDown);
		if (until.isAfter(this.coolDownUntil)) {
			this.coolDownUntil = until;
		}
		// calls already let through keep their tokens; new ones wait for the cool-down
		this.bucket.tryConsumeAsMuchAsPossible();
		return Duration.between(now, this.coolDownUntil);
	}

	private static Duration doubledCoolDown(int inARow) {
		long doubled = FIRST_COOL_DOWN.toMillis() << Math.min(inARow - 1, 10);
		return Duration.ofMillis(Math.min(doubled, LONGEST_COOL_DOWN.toMillis()));
	}

	synchronized void answered() {
		this.rateLimitedInARow = 0;
	}

	ExecutorService calls() {
		return this.calls;
	}

	String provider() {
		return this.provider;
	}

	void close() {
		this.calls.shutdownNow();
	}

}
