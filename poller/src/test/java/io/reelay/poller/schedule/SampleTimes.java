package io.reelay.poller.schedule;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Completion times for tests: known samples, and what a schedule learns from them. */
final class SampleTimes {

	private static final double Z99 = 2.3263478740408408;

	private SampleTimes() {
	}

	/** Lognormal durations in seconds, in the order drawn. */
	static double[] lognormal(int count, double medianSeconds, double p99Seconds, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double sigma = Math.log(p99Seconds / medianSeconds) / Z99;
		double[] samples = new double[count];
		for (int i = 0; i < count; i++) {
			samples[i] = medianSeconds * Math.exp(sigma * random.nextGaussian());
		}
		return samples;
	}

	/** Every sample recorded as seen done at its exact time. */
	static CompletionTimes learned(double[] samples, int memory) {
		CompletionTimes times = CompletionTimes.empty(memory);
		for (double sample : samples) {
			times.record(seconds(sample), seconds(sample));
		}
		return times;
	}

	/** The share {@code q} of the samples is at or below the result. */
	static double quantile(double[] samples, double q) {
		double[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.ceil(q * sorted.length) - 1];
	}

	static Duration seconds(double seconds) {
		return Duration.ofNanos(Math.round(seconds * 1e9));
	}

	static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	/** A random source that always draws {@code value}: 0 for the least jitter factor. */
	static RandomGenerator drawing(double value) {
		return new RandomGenerator() {

			/** The bits from which {@code nextDouble()} would make {@code value}. */
			@Override
			public long nextLong() {
				return ((long) (value * 0x1.0p53)) << 11;
			}

			@Override
			public double nextDouble() {
				return value;
			}

		};
	}

}
