package io.reelay.cli.bench.pipeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.reelay.kafka.WorkTiming;

/**
 * What the bench saw of one request: when it published it, and when each stage's output
 * became visible to a {@code read_committed} consumer, with the timing the stage put on
 * it. Times in epoch microseconds; 0 where not seen (yet).
 */
final class JobTrace {

	final long publishedAt;

	volatile Seen submitted;

	volatile Seen completed;

	volatile Seen terminal;

	volatile String failure;

	JobTrace(long publishedAt) {
		this.publishedAt = publishedAt;
	}

	static long nowMicros() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
	}

	boolean ended() {
		return this.terminal != null;
	}

	/**
	 * One stage output as the bench saw it.
	 *
	 * @param visibleAt when the bench's consumer received it
	 * @param timing the stage's headers, or null when it carried none
	 */
	record Seen(long visibleAt, WorkTiming timing) {

		/**
		 * The stage's own time: from taking the step up to its output being visible, less
		 * the provider's time; negative when unknown.
		 */
		long overheadMicros() {
			if (this.timing == null) {
				return -1;
			}
			long started = ChronoUnit.MICROS.between(Instant.EPOCH, this.timing.startedAt());
			return Math.max(0, this.visibleAt - started - this.timing.providerTime().toNanos() / 1000);
		}

	}

}
