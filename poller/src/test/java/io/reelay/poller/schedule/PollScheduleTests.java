package io.reelay.poller.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static io.reelay.poller.schedule.SampleTimes.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PollScheduleTests {

	private static final RandomGenerator NO_JITTER = SampleTimes.drawing(0.5);

	private final PollSchedule schedule = new PollSchedule(ScheduleSettings.defaults());

	private final CompletionTimes learned = SampleTimes.learned(SampleTimes.lognormal(2000, 60, 600, 11), 1000);

	@Test
	void checksFirstAfterTenSecondsThenEverFurtherApartUpToAMinuteBeforeAnythingIsLearned() {
		List<Double> waits = new ArrayList<>();
		double elapsed = 0;
		for (int checks = 0; checks < 10; checks++) {
			double wait = wait(new JobProgress(seconds(elapsed), checks, null, null, null), null, NO_JITTER);
			waits.add(wait);
			elapsed += wait;
		}
		assertThat(waits).containsExactly(10.0, 5.0, 7.5, 11.25, 16.875, 25.3125, 37.96875, 56.953125, 60.0, 60.0);
	}

	@Test
	void jitterStretchesOrShrinksAWaitByAtMostItsShare() {
		JobProgress job = new JobProgress(seconds(30), 3, null, null, null);
		assertThat(wait(job, null, SampleTimes.drawing(0))).isCloseTo(11.25 * 0.9, within(1e-6));
		assertThat(wait(job, null, SampleTimes.drawing(0.999999))).isCloseTo(11.25 * 1.1, within(1e-5));
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 1000; i++) {
			assertThat(wait(job, null, random)).isBetween(11.25 * 0.9, 11.25 * 1.1);
		}
	}

	@Test
	void theProvidersHintWinsEvenBeyondTheLongestWaitAndWithoutJitter() {
		JobProgress job = new JobProgress(seconds(30), 3, 40, 20, Duration.ofMinutes(5));
		assertThat(this.schedule.nextWait(job, this.learned, SampleTimes.drawing(0))).isEqualTo(Duration.ofMinutes(5));
		JobProgress impatient = new JobProgress(seconds(30), 3, null, null, Duration.ofMillis(10));
		assertThat(this.schedule.nextWait(impatient, null, NO_JITTER)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void checksWhenTheProgressSaysTheJobEnds() {
		// 40 % after 40 s: done at 40 * 100 / 40.5 = 98.8 s
		JobProgress job = new JobProgress(seconds(40), 2, 40, 20, null);
		assertThat(wait(job, this.learned, NO_JITTER)).isCloseTo(100 * 40 / 40.5 - 40, within(1e-6));
		JobProgress firstReport = new JobProgress(seconds(90), 1, 90, null, null);
		assertThat(wait(firstReport, null, NO_JITTER)).isCloseTo(100 * 90 / 90.5 - 90, within(1e-6));
	}

	@Test
	void anEndFarAwayIsCheckedWithinTheLongestWaitAndAnEndVeryNearNoSoonerThanTheShortest() {
		assertThat(wait(new JobProgress(seconds(10), 1, 1, null, null), null, NO_JITTER)).isEqualTo(60);
		assertThat(wait(new JobProgress(seconds(100), 4, 99, 90, null), null, NO_JITTER)).isEqualTo(1);
	}

	@Test
	void progressThatStandsStillOrIsNotUnderWaySaysNothing() {
		double withoutProgress = wait(new JobProgress(seconds(40), 3, null, null, null), null, NO_JITTER);
		assertThat(wait(new JobProgress(seconds(40), 3, 50, 50, null), null, NO_JITTER)).isEqualTo(withoutProgress);
		assertThat(wait(new JobProgress(seconds(40), 3, 0, null, null), null, NO_JITTER)).isEqualTo(withoutProgress);
		assertThat(wait(new JobProgress(seconds(40), 3, 100, 90, null), null, NO_JITTER)).isEqualTo(withoutProgress);
		assertThat(wait(new JobProgress(seconds(40), 3, 30, 50, null), null, NO_JITTER)).isEqualTo(withoutProgress);
	}

	@Test
	void checksFirstWhenTheFirstFewJobsAreDone() {
		double first = wait(JobProgress.beforeFirstCheck(Duration.ZERO), this.learned, NO_JITTER);
		assertThat(first).isEqualTo(seconds(this.learned.quantile(0.02)));
		assertThat(this.learned.completedBy(seconds(first))).isCloseTo(0.02, within(1e-9));
		double late = wait(JobProgress.beforeFirstCheck(seconds(3)), this.learned, NO_JITTER);
		assertThat(late).as("the first check is counted from submission").isCloseTo(first - 3, within(1e-6));
	}

	@Test
	void pollsDenselyWhereCompletionsHappen() {
		double nearTheMedian = gapAfter(60);
		assertThat(nearTheMedian).isLessThan(gapAfter(5)).isLessThan(gapAfter(400));
		assertThat(nearTheMedian).isLessThan(gapAfter(900)).isBetween(2.0, 6.0);
	}

	@Test
	void eachCheckIsWhereTheChosenShareOfTheJobsStillRunningWillBeDone() {
		double elapsed = 60;
		double before = this.learned.completedBy(seconds(elapsed));
		double after = this.learned.completedBy(seconds(elapsed + gapAfter(elapsed)));
		assertThat((after - before) / (1 - before)).isCloseTo(0.05, within(1e-6));
	}

	@Test
	void pastTheLongestLearnedTimeWaitsGrowWithTheElapsedTime() {
		double longest = seconds(this.learned.latestCompletion());
		assertThat(gapAfter(longest + 10)).isEqualTo(60);
		PollSchedule uncapped = new PollSchedule(new ScheduleSettings(Duration.ofSeconds(10), Duration.ofSeconds(5),
				1.5, Duration.ofSeconds(1), Duration.ofHours(1), 0, 0.02, 0.05, 30, 1000));
		assertThat(seconds(uncapped.nextWait(job(longest + 10), this.learned, NO_JITTER)))
			.isCloseTo((longest + 10) * 0.5, within(1e-6));
	}

	@Test
	void usesLearnedTimesOnlyFromEnoughSamples() {
		CompletionTimes few = SampleTimes.learned(new double[] { 100, 100 }, 1000);
		assertThat(wait(JobProgress.beforeFirstCheck(Duration.ZERO), few, NO_JITTER)).isEqualTo(10);
		assertThat(wait(job(20), few, NO_JITTER)).isEqualTo(7.5);
	}

	@Test
	void neverWaitsLessThanTheShortestWait() {
		SplittableRandom random = new SplittableRandom(3);
		CompletionTimes quick = SampleTimes.learned(SampleTimes.lognormal(1000, 2, 4, 5), 1000);
		for (double elapsed = 0; elapsed < 2000; elapsed += 0.7) {
			for (int checks : new int[] { 0, 1, 5, 40 }) {
				JobProgress job = new JobProgress(seconds(elapsed), checks, 99, 98, null);
				assertThat(wait(job, quick, random)).isGreaterThanOrEqualTo(1);
				assertThat(wait(new JobProgress(seconds(elapsed), checks, null, null, null), quick, random))
					.isGreaterThanOrEqualTo(1);
			}
		}
	}

	private double gapAfter(double elapsed) {
		return wait(job(elapsed), this.learned, NO_JITTER);
	}

	private static JobProgress job(double elapsed) {
		return new JobProgress(seconds(elapsed), 2, null, null, null);
	}

	private double wait(JobProgress job, CompletionTimes learned, RandomGenerator random) {
		return seconds(this.schedule.nextWait(job, learned, random));
	}

}
