package io.reelay.cli.bench;

import java.util.OptionalLong;

/**
 * The poller's heap after a full collection at the points part 2 reports, and the most of
 * every reading, in bytes; -1 where unknown.
 */
final class HeapReadings {

	private final HeapProbe probe;

	private long idle = -1;

	private long inFlight = -1;

	private int inFlightJobs = -1;

	private long half = -1;

	private long done = -1;

	private long max = -1;

	private long last = -1;

	private long rssMax = -1;

	private int count;

	HeapReadings(HeapProbe probe) {
		this.probe = probe;
	}

	/** Reads the heap after a full collection, and the resident set size. */
	long read() {
		this.probe.rss().ifPresent((rss) -> this.rssMax = Math.max(this.rssMax, rss));
		OptionalLong used = this.probe.heapAfterGc();
		if (used.isEmpty()) {
			return -1;
		}
		this.count++;
		this.last = used.getAsLong();
		this.max = Math.max(this.max, this.last);
		return this.last;
	}

	/** Before any job is submitted. */
	void idle() {
		this.idle = read();
	}

	/**
	 * When the poller has read every submission, with the jobs that were then in flight.
	 */
	void inFlight(long used, int jobs) {
		this.inFlight = used;
		this.inFlightJobs = jobs;
	}

	/** When half the jobs have ended. */
	void half() {
		this.half = read();
	}

	/** When all have ended. */
	void done() {
		this.done = read();
	}

	/** The latest reading. */
	long last() {
		return this.last;
	}

	/** The resident set size now. */
	long rss() {
		return this.probe.rss().orElse(-1);
	}

	RealPollerReport.Heap report(String limit) {
		return new RealPollerReport.Heap(limit, this.idle, this.inFlight, this.inFlightJobs, this.half, this.done,
				this.max, this.count, this.rssMax);
	}

}
