package io.reelay.cli.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

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
 * @param instances how many instances of a service ({@code submitter}, {@code poller},
 * {@code downloader}) run, one of each unless told: with two, a kill moves the killed
 * one's partitions to the other
 */
public record ChaosSettings(int requests, int kills, long seed, Duration timeout, double perSecond, Path dataDirectory,
		String serviceHeap, Map<String, Integer> instances) {

	/** More would crowd two cores. */
	private static final int MOST_INSTANCES = 3;

	public ChaosSettings {
		instances = (instances != null) ? Map.copyOf(instances) : Map.of();
		for (Map.Entry<String, Integer> count : instances.entrySet()) {
			if (Arrays.stream(ChaosService.values()).noneMatch((service) -> service.key().equals(count.getKey()))) {
				throw new IllegalArgumentException(
						"--instances takes submitter, poller or downloader, got " + count.getKey());
			}
			if (count.getValue() == null || count.getValue() < 1 || count.getValue() > MOST_INSTANCES) {
				throw new IllegalArgumentException("--instances " + count.getKey() + " must be from 1 to "
						+ MOST_INSTANCES + ", got " + count.getValue());
			}
		}
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

	/** How many instances of each service run. */
	Map<ChaosService, Integer> instanceCounts() {
		Map<ChaosService, Integer> counts = new EnumMap<>(ChaosService.class);
		for (ChaosService service : ChaosService.values()) {
			counts.put(service, this.instances.getOrDefault(service.key(), 1));
		}
		return counts;
	}

	/** Where this run keeps everything. */
	Path workDirectory() {
		return this.dataDirectory.resolve("chaos").toAbsolutePath().normalize();
	}

}
