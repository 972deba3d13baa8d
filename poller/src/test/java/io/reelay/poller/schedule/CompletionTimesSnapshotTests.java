package io.reelay.poller.schedule;

import java.time.Instant;

import io.reelay.event.EventJson;
import org.junit.jupiter.api.Test;

import static io.reelay.poller.schedule.SampleTimes.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CompletionTimesSnapshotTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private final CompletionTimes learned = SampleTimes.learned(SampleTimes.lognormal(1000, 60, 600, 7), 1000);

	@Test
	void aSnapshotRoundTripsThroughJsonAndKeepsTheQuantiles() {
		CompletionTimesSnapshot snapshot = this.learned.snapshot("generic", "veo-3", NOW);
		String json = EventJson.mapper().writeValueAsString(snapshot);
		CompletionTimesSnapshot read = EventJson.read(json, CompletionTimesSnapshot.class);
		assertThat(read).isEqualTo(snapshot);
		assertThat(read.samples()).isCloseTo(this.learned.samples(), within(1e-9));
		CompletionTimes shared = CompletionTimes.from(read, 1000);
		for (double q : new double[] { 0.05, 0.5, 0.99 }) {
			assertThat(shared.quantile(q)).isEqualTo(this.learned.quantile(q));
		}
	}

	@Test
	void aSnapshotWithAnotherBucketLayoutIsRebucketed() {
		double[] counts = new double[62];
		// 1 s to 2^60 s in doublings: one job done between 32 s and 64 s, one beyond
		counts[6] = 3;
		counts[61] = 1;
		CompletionTimes times = CompletionTimes
			.from(new CompletionTimesSnapshot("generic", "veo-3", 1, 2, counts, 4, NOW), 1000);
		assertThat(times.samples()).isCloseTo(4, within(1e-9));
		assertThat(times.completedBy(seconds(30))).isZero();
		assertThat(times.completedBy(seconds(48))).isCloseTo(0.375, within(0.01));
		assertThat(times.completedBy(seconds(70))).isCloseTo(0.75, within(1e-9));
	}

	@Test
	void aSnapshotKeepsItsCountsToItself() {
		double[] counts = new double[5];
		CompletionTimesSnapshot snapshot = new CompletionTimesSnapshot("generic", "veo-3", 1, 2, counts, 0, NOW);
		counts[1] = 1;
		snapshot.counts()[2] = 1;
		assertThat(snapshot.counts()).containsOnly(0);
	}

	@Test
	void aSnapshotWithNegativeOrTooFewCountsIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionTimesSnapshot("generic", "veo-3", 1, 2, new double[] { 1, -1, 0 }, 0, NOW))
			.withMessageContaining("Counts must be finite and not negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionTimesSnapshot("generic", "veo-3", 1, 2, new double[0], 0, NOW))
			.withMessage("A snapshot needs at least 3 counts, had 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CompletionTimes
				.from(new CompletionTimesSnapshot("generic", "veo-3", 1, 1, new double[3], 0, NOW), 10))
			.withMessageContaining("a ratio above 1");
	}

}
