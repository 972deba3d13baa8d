package io.reelay.poller.schedule;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link CompletionTimes} learned about one provider and model, as a value that can
 * be written as JSON and shared between poller instances.
 *
 * @param provider the provider the times were learned from
 * @param model the model the times were learned from
 * @param firstBucketSeconds the upper edge of {@code counts[0]}
 * @param bucketRatio the ratio of each bucket's upper edge to its lower edge:
 * {@code counts[i]} for {@code i} from 1 to {@code counts.length - 2} covers
 * {@code firstBucketSeconds * bucketRatio^(i-1)} to
 * {@code firstBucketSeconds * bucketRatio^i}, the last one everything beyond
 * @param counts the decayed weight of completions in each bucket
 * @param samples the sum of {@code counts}
 * @param updatedAt when the snapshot was taken
 */
public record CompletionTimesSnapshot(String provider, String model, double firstBucketSeconds, double bucketRatio,
		double[] counts, double samples, Instant updatedAt) {

	public CompletionTimesSnapshot {
		if (counts == null || counts.length < 3) {
			throw new IllegalArgumentException(
					"A snapshot needs at least 3 counts, had " + ((counts != null) ? counts.length : "none"));
		}
		counts = counts.clone();
		for (double count : counts) {
			if (!(count >= 0) || Double.isInfinite(count)) {
				throw new IllegalArgumentException(
						"Counts must be finite and not negative: " + Arrays.toString(counts));
			}
		}
	}

	@Override
	public double[] counts() {
		return this.counts.clone();
	}

	LogBuckets buckets() {
		return new LogBuckets(this.firstBucketSeconds, this.bucketRatio, this.counts.length - 2);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CompletionTimesSnapshot that) && Objects.equals(this.provider, that.provider)
				&& Objects.equals(this.model, that.model)
				&& Double.compare(this.firstBucketSeconds, that.firstBucketSeconds) == 0
				&& Double.compare(this.bucketRatio, that.bucketRatio) == 0 && Arrays.equals(this.counts, that.counts)
				&& Double.compare(this.samples, that.samples) == 0 && Objects.equals(this.updatedAt, that.updatedAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.provider, this.model, this.firstBucketSeconds, this.bucketRatio,
				Arrays.hashCode(this.counts), this.samples, this.updatedAt);
	}

	@Override
	public String toString() {
		return "CompletionTimesSnapshot[provider=" + this.provider + ", model=" + this.model + ", samples="
				+ this.samples + ", updatedAt=" + this.updatedAt + ", counts=" + Arrays.toString(this.counts) + "]";
	}

}
