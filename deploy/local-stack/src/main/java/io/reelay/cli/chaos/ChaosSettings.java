package io.reelay.cli.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a chaos run goes.
 *
 * @param requests requests to send, across all providers
 * @param kills SIGKILLs of a service instance, each restarted at once
 * @param seed what the requests and the plan are drawn from: the same seed, the same run
 * @param timeout how long to wait for every request to end once all are published and the
 * last disruption is over
 * @param perSecond requests published per second
 * @param dataDirectory under which the run keeps its broker, bucket and logs
 * ({@code chaos/}, emptied at the start of each run)
 * @param serviceHeap each service JVM's {@code -Xmx}
 */
public record ChaosSettings(int requests, int kills, long seed, Duration timeout, double perSecond, Path dataDirectory,
		String serviceHeap) {

	public ChaosSettings {
		if (requests < 1) {
			throw new IllegalArgumentException("--requests must be at least 1, got " + requests);
		}
		if (kills < 0) {
			throw new IllegalArgumentException("--kills must not be negative, got " + kills);
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
		}
		if (serviceHeap == null || !serviceHeap.matches("\\d+[kKmMgG]?")) {
			throw new IllegalArgumentException(
					"--service-heap must be a -Xmx size such as 256m or 1g, got " + serviceHeap);
		}
		if (!(perSecond > 0)) {
			throw new IllegalArgumentException("--rate must be positive, got " + perSecond);
		}
	}

	/** Where this run keeps everything. */
	Path workDirectory() {
		return this.dataDirectory.resolve("chaos").toAbsolutePath().normalize();
	}

}
