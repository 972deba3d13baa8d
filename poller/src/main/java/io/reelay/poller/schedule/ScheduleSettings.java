package io.reelay.poller.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link PollSchedule} spaces the status checks of a job. The rules that use each
 * setting are described on {@link PollSchedule} and in {@code docs/polling.md}.
 *
 * @param firstCheck when to check a job first, while nothing is known about its provider
 * and model
 * @param initialGap the wait after that first check, while nothing is known
 * @param backoffFactor how much each wait grows over the one before, while nothing is
 * known and past the longest completion time learned
 * @param minGap the shortest wait between two checks of one job
 * @param maxGap the longest wait the schedule computes; a provider's own hint may be
 * longer
 * @param jitter computed waits are multiplied by a uniform factor in {@code [1 - jitter,
 * 1 + jitter]}, so that jobs submitted together are not checked together forever
 * @param firstCheckQuantile once completion times are learned: the share of jobs that
 * complete before the first check
 * @param completionChance once completion times are learned: each check is placed where
 * this share of the jobs still running at the check before will have completed
 * @param minSamples the number of completed jobs from which learned completion times are
 * used
 * @param memory the half-life of learned completion times, in completed jobs: a provider
 * that becomes slower or faster is followed
 */
public record ScheduleSettings(@DefaultValue("10s") Duration firstCheck, @DefaultValue("5s") Duration initialGap,
		@DefaultValue("1.5") double backoffFactor, @DefaultValue("1s") Duration minGap,
		@DefaultValue("60s") Duration maxGap, @DefaultValue("0.1") double jitter,
		@DefaultValue("0.02") double firstCheckQuantile, @DefaultValue("0.05") double completionChance,
		@DefaultValue("30") int minSamples, @DefaultValue("1000") int memory) {

	public ScheduleSettings {
		positive("first-check", firstCheck);
		positive("initial-gap", initialGap);
		positive("min-gap", minGap);
		positive("max-gap", maxGap);
		check(maxGap.compareTo(minGap) >= 0,
				"max-gap (" + maxGap + ") must not be shorter than min-gap (" + minGap + ")");
		check(backoffFactor >= 1, "backoff-factor must be at least 1, was " + backoffFactor);
		check(jitter >= 0 && jitter < 1, "jitter must be at least 0 and below 1, was " + jitter);
		check(firstCheckQuantile > 0 && firstCheckQuantile < 1,
				"first-check-quantile must be above 0 and below 1, was " + firstCheckQuantile);
		check(completionChance > 0 && completionChance < 1,
				"completion-chance must be above 0 and below 1, was " + completionChance);
		check(minSamples >= 1, "min-samples must be at least 1, was " + minSamples);
		check(memory >= 1, "memory must be at least 1, was " + memory);
	}

	/** The settings with every default, as bound from an empty configuration. */
	public static ScheduleSettings defaults() {
		return new ScheduleSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), 1.5, Duration.ofSeconds(1),
				Duration.ofSeconds(60), 0.1, 0.02, 0.05, 30, 1000);
	}

	private static void positive(String name, Duration value) {
		check(value != null, name + " must be set");
		check(!value.isNegative() && !value.isZero(), name + " must be positive, was " + value);
	}

	private static void check(boolean valid, String message) {
		if (!valid) {
			throw new IllegalArgumentException(message);
		}
	}

}
