package io.reelay.poller.schedule;

/**
 * The layout of a completion-time histogram: bucket 0 holds the times before
 * {@code firstSeconds}, bucket {@code i} (1 to {@code regular}) the times from
 * {@code firstSeconds * ratio^(i-1)} to {@code firstSeconds * ratio^i}, and the last
 * bucket the times from {@code firstSeconds * ratio^regular} on. Equal ratios give every
 * bucket the same relative width, so a 30 s job and a 10 min job are known equally well.
 */
record LogBuckets(double firstSeconds, double ratio, int regular) {

	/** 100 ms to about 6 h in steps of 10 %: 131 buckets, about 1 KB of counts. */
	static final LogBuckets STANDARD = new LogBuckets(0.1, 1.1, 129);

	LogBuckets {
		if (!(firstSeconds > 0) || !(ratio > 1) || regular < 1 || Double.isInfinite(firstSeconds * ratio)) {
			throw new IllegalArgumentException("Buckets need a positive first edge, a ratio above 1 and at least "
					+ "one regular bucket, were " + firstSeconds + ", " + ratio + ", " + regular);
		}
	}

	int size() {
		return this.regular + 2;
	}

	int overflow() {
		return this.regular + 1;
	}

	double lower(int bucket) {
		return (bucket == 0) ? 0 : this.firstSeconds * Math.pow(this.ratio, bucket - 1);
	}

	double upper(int bucket) {
		return (bucket == overflow()) ? Double.POSITIVE_INFINITY : this.firstSeconds * Math.pow(this.ratio, bucket);
	}

	int indexOf(double seconds) {
		if (seconds < this.firstSeconds) {
			return 0;
		}
		int bucket = 1 + (int) Math.floor(Math.log(seconds / this.firstSeconds) / Math.log(this.ratio));
		// the logarithm may land a hair off an edge: trust the edges themselves
		if (bucket <= overflow() && seconds < lower(bucket)) {
			bucket--;
		}
		else if (bucket < overflow() && seconds >= upper(bucket)) {
			bucket++;
		}
		return Math.min(bucket, overflow());
	}

	/**
	 * The share of the bucket below {@code seconds}, on a log scale past the first edge.
	 */
	double shareBelow(int bucket, double seconds) {
		if (bucket == overflow()) {
			return 0;
		}
		double lower = lower(bucket);
		double share = (bucket == 0) ? seconds / this.firstSeconds : Math.log(seconds / lower) / Math.log(this.ratio);
		return Math.min(1, Math.max(0, share));
	}

	/** The time below which the given share of the bucket lies; inverse of shareBelow. */
	double at(int bucket, double share) {
		if (bucket == overflow()) {
			return lower(bucket);
		}
		return (bucket == 0) ? share * this.firstSeconds : lower(bucket) * Math.pow(this.ratio, share);
	}

	/**
	 * Adds {@code weight} spread evenly in time from {@code from} to {@code to} seconds,
	 * or all of it at {@code to} when the two are equal.
	 */
	void spread(double[] counts, double from, double to, double weight) {
		int last = indexOf(to);
		if (!(to > from)) {
			counts[last] += weight;
			return;
		}
		for (int bucket = indexOf(from); bucket <= last; bucket++) {
			double overlap = Math.min(to, upper(bucket)) - Math.max(from, lower(bucket));
			if (overlap > 0) {
				counts[bucket] += weight * overlap / (to - from);
			}
		}
	}

}
