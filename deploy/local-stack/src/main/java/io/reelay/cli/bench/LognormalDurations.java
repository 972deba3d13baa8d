package io.reelay.cli.bench;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Generation times drawn as {@code PollingSimulation} draws them: lognormal, given by
 * their median and 99th percentile.
 */
public final class LognormalDurations {

	/** The 99th percentile of the standard normal distribution. */
	private static final double Z99 = 2.3263478740408408;

	private LognormalDurations() {
	}

	/** {@code jobs} durations in seconds, the same for the same seed. */
	public static double[] seconds(int jobs, Duration median, Duration p99, long seed) {
		double medianSeconds = median.toNanos() / 1e9;
		double sigma = Math.log((p99.toNanos() / 1e9) / medianSeconds) / Z99;
		SplittableRandom random = new SplittableRandom(seed);
		double[] durations = new double[jobs];
		for (int job = 0; job < jobs; job++) {
			durations[job] = medianSeconds * Math.exp(sigma * random.nextGaussian());
		}
		return durations;
	}

}
