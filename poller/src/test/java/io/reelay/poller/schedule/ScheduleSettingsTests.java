package io.reelay.poller.schedule;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleSettingsTests {

	@Test
	void theDefaultsAreWhatAnEmptyConfigurationBinds() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));
		assertThat(binder.bindOrCreate("reelay.poller.schedule", ScheduleSettings.class))
			.isEqualTo(ScheduleSettings.defaults());
	}

	@Test
	void bindsDurationsAndNumbersFromProperties() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("reelay.poller.schedule.max-gap", "2m", "reelay.poller.schedule.completion-chance", "0.1")));
		ScheduleSettings settings = binder.bindOrCreate("reelay.poller.schedule", ScheduleSettings.class);
		assertThat(settings.maxGap()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.completionChance()).isEqualTo(0.1);
	}

	@Test
	void rejectsALongestWaitShorterThanTheShortest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, 0.1, 0.05))
			.withMessage("max-gap (PT1S) must not be shorter than min-gap (PT2S)");
	}

	@Test
	void rejectsWaitsThatAreNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(Duration.ofSeconds(1), Duration.ZERO, 1.5, 0.1, 0.05))
			.withMessage("min-gap must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScheduleSettings(null, Duration.ofSeconds(5), 1.5, Duration.ofSeconds(1),
					Duration.ofSeconds(60), 0.1, 0.02, 0.05, 30, 1000))
			.withMessage("first-check must be set");
	}

	@Test
	void rejectsFactorsAndSharesOutOfRange() {
		Duration minute = Duration.ofMinutes(1);
		Duration second = Duration.ofSeconds(1);
		assertThatIllegalArgumentException().isThrownBy(() -> settings(minute, second, 0.9, 0.1, 0.05))
			.withMessage("backoff-factor must be at least 1, was 0.9");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(minute, second, 1.5, 1, 0.05))
			.withMessage("jitter must be at least 0 and below 1, was 1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(minute, second, 1.5, 0.1, 0))
			.withMessage("completion-chance must be above 0 and below 1, was 0.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScheduleSettings(minute, second, 1.5, second, minute, 0.1, 1, 0.05, 30, 1000))
			.withMessage("first-check-quantile must be above 0 and below 1, was 1.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScheduleSettings(minute, second, 1.5, second, minute, 0.1, 0.02, 0.05, 0, 1000))
			.withMessage("min-samples must be at least 1, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScheduleSettings(minute, second, 1.5, second, minute, 0.1, 0.02, 0.05, 30, 0))
			.withMessage("memory must be at least 1, was 0");
	}

	private static ScheduleSettings settings(Duration maxGap, Duration minGap, double backoffFactor, double jitter,
			double completionChance) {
		return new ScheduleSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), backoffFactor, minGap, maxGap,
				jitter, 0.02, completionChance, 30, 1000);
	}

}
