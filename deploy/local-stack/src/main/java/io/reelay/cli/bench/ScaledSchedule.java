package io.reelay.cli.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelay.simulator.ProviderSimulator;

/**
 * The poller's settings for part 2: its schedule's durations divided by the time scale
 * (the shortest wait no less than the shortest delay tier, 250 ms), every other schedule
 * setting its default, and a provider that never makes it wait for rate limits.
 */
final class ScaledSchedule {

	private static final Duration SHORTEST_MIN_GAP = Duration.ofMillis(250);

	private final Duration firstCheck;

	private final Duration initialGap;

	private final Duration minGap;

	private final Duration maxGap;

	ScaledSchedule(double timeScale) {
		this.firstCheck = scaled(Duration.ofSeconds(10), timeScale);
		this.initialGap = scaled(Duration.ofSeconds(5), timeScale);
		this.minGap = max(scaled(Duration.ofSeconds(1), timeScale), SHORTEST_MIN_GAP);
		this.maxGap = max(scaled(Duration.ofSeconds(60), timeScale), this.minGap);
	}

	static Duration scaled(Duration duration, double timeScale) {
		return Duration.ofNanos(Math.round(duration.toNanos() / timeScale));
	}

	/** The poller's command line, {@code --key=value} each. */
	Map<String, String> pollerArguments(String bootstrapServers, ProviderSimulator simulator) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("reelay.kafka.bootstrap-servers", bootstrapServers);
		settings.put("reelay.kafka.partitions", "6");
		settings.put("reelay.kafka.concurrency", "2");
		settings.put("reelay.providers.generic.base-url", simulator.baseUrl(SubmittedJobs.PROVIDER).toString());
		settings.put("reelay.providers.generic.api-key", simulator.apiKey());
		settings.put("reelay.poller.providers.generic.rate", "20000");
		settings.put("reelay.poller.providers.generic.burst", "2000");
		settings.put("reelay.poller.providers.generic.max-concurrent", "48");
		settings.put("reelay.poller.schedule.first-check", millis(this.firstCheck));
		settings.put("reelay.poller.schedule.initial-gap", millis(this.initialGap));
		settings.put("reelay.poller.schedule.min-gap", millis(this.minGap));
		settings.put("reelay.poller.schedule.max-gap", millis(this.maxGap));
		settings.put("spring.main.banner-mode", "off");
		settings.put("logging.level.root", "WARN");
		settings.put("logging.level.io.reelay", "WARN");
		return settings;
	}

	/** What a person reads about it. */
	String describe() {
		return Text.format("first check %s, initial gap %s, min gap %s (at least 250 ms), max gap %s",
				Text.exact(this.firstCheck), Text.exact(this.initialGap), Text.exact(this.minGap),
				Text.exact(this.maxGap));
	}

	private static String millis(Duration duration) {
		return Math.max(1, duration.toMillis()) + "ms";
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
