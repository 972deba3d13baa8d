package io.reelay.poller.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * The completion times learned from the finished jobs of one provider and model: a
 * histogram with log-spaced buckets from 100 ms to about 6 h, in which a job's weight
 * halves with every {@code memory} jobs recorded after it. About 1 KB per instance.
 * <p>
 * Not thread-safe: callers that share an instance synchronize on it.
 */
public final class CompletionTimes {

	private static final LogBuckets BUCKETS = LogBuckets.STANDARD;

	private final double[] counts;

	private final double decay;

	private CompletionTimes(double[] counts, double decay) {
		this.counts = counts;
		this.decay = decay;
	}

	/**
	 * Nothing learned yet; older samples fade with a half-life of {@code memory} samples.
	 */
	public static CompletionTimes empty(int memory) {
		return new CompletionTimes(new double[BUCKETS.size()], decay(memory));
	}

	/**
	 * Times shared by another instance. A snapshot with another bucket layout (written by
	 * another version) is re-bucketed: each of its buckets is spread evenly over the
	 * buckets it overlaps, its last one is put at its lower edge.
	 */
	public static CompletionTimes from(CompletionTimesSnapshot snapshot, int memory) {
		LogBuckets theirs = snapshot.buckets();
		double[] counts = snapshot.counts();
		if (theirs.equals(BUCKETS)) {
			return new CompletionTimes(counts, decay(memory));
		}
		double[] rebucketed = new double[BUCKETS.size()];
		for (int bucket = 0; bucket < counts.length; bucket++) {
			double lower = theirs.lower(bucket);
			double upper = (bucket == theirs.overflow()) ? lower : theirs.upper(bucket);
			BUCKETS.spread(rebucketed, lower, upper, counts[bucket]);
		}
		return new CompletionTimes(rebucketed, decay(memory));
	}

	/**
	 * Learns from one job seen running {@code notDoneAt} and done {@code doneAt} after
	 * its submission. Its true completion lies somewhere between, so one sample's weight
	 * is spread evenly over that time; samples recorded before fade a little.
	 */
	public void record(Duration notDoneAt, Duration doneAt) {
		double from = seconds(notDoneAt);
		double to = seconds(doneAt);
		if (from < 0 || to < from) {
			throw new IllegalArgumentException(
					"A job must be seen running (" + notDoneAt + ") before it is seen done (" + doneAt + ")");
		}
		for (int bucket = 0; bucket < this.counts.length; bucket++) {
			this.counts[bucket] *= this.decay;
		}
		BUCKETS.spread(this.counts, from, to, 1);
	}

	/** Adds what another instance learned, as if its samples had been recorded here. */
	public void add(CompletionTimes other) {
		for (int bucket = 0; bucket < this.counts.length; bucket++) {
			this.counts[bucket] += other.counts[bucket];
		}
	}

	/**
	 * The decayed number of samples: tends to {@code memory / ln 2} on a steady stream.
	 */
	public double samples() {
		double sum = 0;
		for (double count : this.counts) {
			sum += count;
		}
		return sum;
	}

	/** The estimated share of jobs done within {@code elapsed} of their submission. */
	public double completedBy(Duration elapsed) {
		double total = samples();
		if (total == 0) {
			return 0;
		}
		double t = seconds(elapsed);
		int bucket = BUCKETS.indexOf(t);
		double below = 0;
		for (int i = 0; i < bucket; i++) {
			below += this.counts[i];
		}
		return Math.min(1, (below + this.counts[bucket] * BUCKETS.shareBelow(bucket, t)) / total);
	}

	/**
	 * The time within which the share {@code q} of jobs is done; inverse of
	 * {@link #completedBy}. Times in the last bucket, beyond about 6 h, are reported as
	 * its lower edge.
	 * @throws IllegalStateException when nothing was recorded
	 */
	public Duration quantile(double q) {
		if (!(q >= 0 && q <= 1)) {
			throw new IllegalArgumentException("A quantile must be between 0 and 1, was " + q);
		}
		double total = samples();
		if (total == 0) {
			throw new IllegalStateException("No completion times recorded");
		}
		double wanted = q * total;
		double below = 0;
		int last = lastNonEmpty();
		for (int bucket = 0; bucket < last; bucket++) {
			double count = this.counts[bucket];
			if (count > 0 && below + count >= wanted) {
				return duration(BUCKETS.at(bucket, (wanted - below) / count));
			}
			below += count;
		}
		// rounding may leave a sliver of q past the sum: it belongs to the last bucket
		return duration(BUCKETS.at(last, Math.min(1, Math.max(0, (wanted - below) / this.counts[last]))));
	}

	/**
	 * The time by which every recorded job was done: the upper edge of the last bucket
	 * that holds any, or the lower edge of the last bucket (about 6 h) when that one
	 * does. Zero when nothing was recorded.
	 */
	public Duration latestCompletion() {
		int last = lastNonEmpty();
		if (last < 0) {
			return Duration.ZERO;
		}
		return duration((last == BUCKETS.overflow()) ? BUCKETS.lower(last) : BUCKETS.upper(last));
	}

	public CompletionTimesSnapshot snapshot(String provider, String model, Instant now) {
		return new CompletionTimesSnapshot(provider, model, BUCKETS.firstSeconds(), BUCKETS.ratio(),
				this.counts.clone(), samples(), now);
	}

	public CompletionTimes copy() {
		return new CompletionTimes(this.counts.clone(), this.decay);
	}

	private static double decay(int memory) {
		if (memory < 1) {
			throw new IllegalArgumentException("memory must be at least 1, was " + memory);
		}
		return Math.pow(2, -1.0 / memory);
	}

	private int lastNonEmpty() {
		for (int bucket = this.counts.length - 1; bucket >= 0; bucket--) {
			if (this.counts[bucket] > 0) {
				return bucket;
			}
		}
		return -1;
	}

	static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	static Duration duration(double seconds) {
		return Duration.ofNanos(Math.round(seconds * 1e9));
	}

}
