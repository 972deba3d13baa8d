package io.reelay.cli.bench;

import java.util.Arrays;

/** Mean and nearest-rank percentiles, as {@code PollingSimulation} reports them. */
public final class Percentiles {

	private final double[] sorted;

	private Percentiles(double[] sorted) {
		this.sorted = sorted;
	}

	public static Percentiles of(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return new Percentiles(sorted);
	}

	/** The smallest value that the share {@code p} of the values is not above. */
	public double at(double p) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p * this.sorted.length);
		return this.sorted[Math.max(0, rank - 1)];
	}

	public double mean() {
		return Arrays.stream(this.sorted).average().orElse(Double.NaN);
	}

	public double max() {
		return (this.sorted.length == 0) ? Double.NaN : this.sorted[this.sorted.length - 1];
	}

}
