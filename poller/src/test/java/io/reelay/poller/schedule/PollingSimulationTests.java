package io.reelay.poller.schedule;

import java.time.Duration;

import io.reelay.poller.schedule.PollingSimulation.Progress;
import io.reelay.poller.schedule.PollingSimulation.Result;
import io.reelay.poller.schedule.PollingSimulation.Strategy;
import io.reelay.poller.schedule.PollingSimulation.Workload;
import org.junit.jupiter.api.Test;

import static io.reelay.poller.schedule.SampleTimes.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PollingSimulationTests {

	private static final Strategy EVERY_5_SECONDS = Strategy.fixed(Duration.ofSeconds(5));

	private static final Strategy EVERY_15_SECONDS = Strategy.fixed(Duration.ofSeconds(15));

	private static final Strategy LEARNED = Strategy.learned(ScheduleSettings.defaults());

	@Test
	void withProgressTheScheduleMakesAtMostHalfTheCallsOfPollingEvery5SecondsAndNoticesNoLater() {
		Workload jobs = jobs(Progress.LINEAR);
		Result fixed = PollingSimulation.run(jobs, EVERY_5_SECONDS);
		Result learned = PollingSimulation.run(jobs, LEARNED);
		assertThat(learned.meanCalls()).isLessThanOrEqualTo(fixed.meanCalls() / 2);
		assertThat(learned.medianCalls()).isLessThanOrEqualTo(fixed.medianCalls() / 2);
		assertThat(learned.p95Delay()).isLessThanOrEqualTo(fixed.p95Delay());
	}

	@Test
	void withoutProgressEveryJobIsSeenDoneNoEarlierThanItIs() {
		Result learned = PollingSimulation.run(jobs(Progress.NONE), LEARNED);
		assertThat(learned.jobs()).isEqualTo(10_000);
		assertThat(learned.meanCalls()).isGreaterThanOrEqualTo(1);
		assertThat(learned.p50Delay()).isGreaterThanOrEqualTo(Duration.ZERO);
		assertThat(learned.p50Delay()).isLessThanOrEqualTo(learned.p95Delay());
		assertThat(learned.p95Delay()).isLessThanOrEqualTo(learned.p99Delay());
		assertThat(learned.p99Delay()).isLessThanOrEqualTo(Duration.ofMinutes(1).multipliedBy(11).dividedBy(10));
	}

	@Test
	void pollingAtFixedIntervalsNoticesAJobWithinThatIntervalUniformly() {
		for (Progress progress : Progress.values()) {
			Result every5 = PollingSimulation.run(jobs(progress), EVERY_5_SECONDS);
			Result every15 = PollingSimulation.run(jobs(progress), EVERY_15_SECONDS);
			assertThat(seconds(every5.p95Delay())).isCloseTo(4.75, within(0.1));
			assertThat(seconds(every15.p95Delay())).isCloseTo(14.25, within(0.3));
			assertThat(seconds(every5.p50Delay())).isCloseTo(2.5, within(0.1));
			assertThat(every5.meanCalls()).isCloseTo(3 * every15.meanCalls() - 1, within(0.5));
		}
	}

	@Test
	void theSameSeedGivesTheSameJobsAndResults() {
		assertThat(PollingSimulation.run(jobs(Progress.NONE), LEARNED))
			.isEqualTo(PollingSimulation.run(jobs(Progress.NONE), LEARNED));
	}

	private static Workload jobs(Progress progress) {
		return Workload.lognormal(10_000, Duration.ofSeconds(60), Duration.ofMinutes(10), progress, 42);
	}

}
