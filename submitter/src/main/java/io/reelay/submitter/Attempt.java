package io.reelay.submitter;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.reelay.kafka.WorkTiming;

/**
 * One attempt at a {@code video.requests} record: when the listener took it in hand, and
 * how long the provider calls made for it took, measured around each call. Its outcome's
 * records carry both as {@link WorkTiming}. Used by the one consumer thread handling the
 * record.
 */
final class Attempt {

	private final Instant startedAt;

	private long providerNanos;

	Attempt(Instant startedAt) {
		this.startedAt = startedAt;
	}

	/** Makes a provider call, adding its wall time to the attempt's, answered or not. */
	<T> T callProvider(Supplier<T> call) {
		long start = System.nanoTime();
		try {
			return call.get();
		}
		finally {
			this.providerNanos += System.nanoTime() - start;
		}
	}

	WorkTiming timing() {
		return new WorkTiming(this.startedAt, Duration.ofNanos(this.providerNanos));
	}

}
