package io.reelay.poller;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.reelay.poller.schedule.ScheduleSettings;

/** The poller's settings as bound from an empty configuration, for unit tests. */
final class TestSettings {

	private TestSettings() {
	}

	static PollerProperties poller() {
		return new PollerProperties(List.of(Duration.ofSeconds(1)), ScheduleSettings.defaults(),
				new PollerProperties.ProviderPolling(20, 20, 16), Map.of(), 500, Duration.ofSeconds(30),
				Duration.ofSeconds(30));
	}

}
