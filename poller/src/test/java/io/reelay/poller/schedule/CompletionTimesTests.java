package io.reelay.poller.schedule;

import org.junit.jupiter.api.Test;

import static io.reelay.poller.schedule.SampleTimes.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class CompletionTimesTests {

	/** A bucket is 10 % wide. */
	private static final double BUCKET = 0.1;

	@Test
	void quantilesOfLognormalSamplesAreWithinABucketOfTheTrueOnes() {
		double[] samples = SampleTimes.lognormal(1000, 60, 600, 1);
		CompletionTimes times = SampleTimes.learned(samples, 1_000_000);
		for (double q : new double[] { 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99 }) {
			double truth = SampleTimes.quantile(samples, q);
			assertThat(seconds(times.quantile(q))).as("quantile %s", q).isCloseTo(truth, within(truth * BUCKET));
		}
	}

	@Test
	void completedByIsTheInverseOfTheQuantile() {
		CompletionTimes times = SampleTimes.learned(SampleTimes.lognormal(1000, 60, 600, 2), 1000);
		for (double q : new double[] { 0.02, 0.3, 0.5, 0.9, 0.999 }) {
			assertThat(times.completedBy(times.quantile(q))).isCloseTo(q, within(1e-9));
		}
		assertThat(times.completedBy(seconds(0))).isZero();
		assertThat(times.completedBy(times.latestCompletion())).isEqualTo(1);
	}

	@Test
	void aJobSeenRunningThenDoneCountsAsDoneSomewhereBetween() {
		CompletionTimes times = CompletionTimes.empty(1000);
		times.record(seconds(10), seconds(20));
		assertThat(times.samples()).isCloseTo(1, within(1e-9));
		assertThat(times.completedBy(seconds(9.5))).isZero();
		assertThat(times.completedBy(seconds(15))).isCloseTo(0.5, within(0.01));
		assertThat(times.completedBy(seconds(21))).isEqualTo(1);
		assertThat(seconds(times.quantile(0.25))).isCloseTo(12.5, within(12.5 * BUCKET));
	}

	@Test
	void olderSamplesWeighHalfAfterMemoryNewerOnes() {
		CompletionTimes times = CompletionTimes.empty(10);
		times.record(seconds(1000), seconds(1000));
		for (int i = 0; i < 10; i++) {
			times.record(seconds(10), seconds(10));
		}
		double newer = times.completedBy(seconds(11)) * times.samples();
		double older = times.samples() - newer;
		assertThat(older).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void aProviderThatBecomesSlowerIsFollowedAfterAFewMemories() {
		CompletionTimes times = SampleTimes.learned(SampleTimes.lognormal(2000, 60, 600, 3), 100);
		double[] slower = SampleTimes.lognormal(500, 200, 2000, 4);
		for (double sample : slower) {
			times.record(seconds(sample), seconds(sample));
		}
		double median = SampleTimes.quantile(slower, 0.5);
		assertThat(seconds(times.quantile(0.5))).isCloseTo(median, within(median * 2 * BUCKET));
	}

	@Test
	void addingAnotherInstanceAddsItsSamples() {
		CompletionTimes fast = SampleTimes.learned(new double[] { 10, 10, 10 }, 1000);
		CompletionTimes slow = SampleTimes.learned(new double[] { 100 }, 1000);
		CompletionTimes both = fast.copy();
		both.add(slow);
		assertThat(both.samples()).isCloseTo(fast.samples() + slow.samples(), within(1e-9));
		assertThat(both.completedBy(seconds(50))).isCloseTo(fast.samples() / both.samples(), within(1e-9));
		assertThat(fast.completedBy(seconds(50))).as("the copy is independent").isEqualTo(1);
	}

	@Test
	void timesBeyondSixHoursAreKnownOnlyAsThatLong() {
		CompletionTimes times = SampleTimes.learned(new double[] { 60, 48 * 3600 }, 1000);
		assertThat(times.quantile(1)).isEqualTo(times.latestCompletion());
		assertThat(seconds(times.latestCompletion())).isBetween(6 * 3600.0, 6.2 * 3600);
		assertThat(times.completedBy(seconds(24 * 3600))).isLessThan(1);
	}

	@Test
	void aQuantileOfNothingIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> CompletionTimes.empty(10).quantile(0.5))
			.withMessage("No completion times recorded");
		assertThat(CompletionTimes.empty(10).completedBy(seconds(60))).isZero();
		assertThat(CompletionTimes.empty(10).latestCompletion()).isZero();
	}

}
