package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * What part 2 of {@code reelay bench polling} measured: the real poller following many
 * jobs at once.
 *
 * @param jobs jobs submitted
 * @param timeScale how much faster than real time the jobs ran
 * @param finished jobs with a terminal event
 * @param failed jobs that ended with {@code video.failed}
 * @param duplicates terminal events beyond the first of a job
 * @param failures the first few failures, for a person
 * @param calls status calls per job
 * @param delays seconds from each completed job's end to its {@code video.completed}
 * event's {@code completedAt}, in scaled time
 * @param laterJobs jobs that ended after the poller had read every submission
 * @param laterDelays the delays of those jobs, which waited for no backlog
 * @param fixed5 what checking every 5 s (scaled) from submission on would have cost on
 * the same jobs, computed
 * @param heap the poller's memory
 * @param wall from the first submission published to the last job finished (or to giving
 * up)
 * @param statusCalls status calls the simulator answered
 * @param peakCallRate the most status calls per second over 10 s
 * @param pollerCpu CPU time of the poller JVM, null if unknown
 * @param benchCpu CPU time of this JVM (broker, simulator, benchmark), null if unknown
 * @param problem why the run did not complete, or null
 */
public record RealPollerReport(int jobs, double timeScale, int finished, int failed, int duplicates,
		List<String> failures, Figures calls, Figures delays, int laterJobs, Figures laterDelays, Fixed fixed5,
		Heap heap, Duration wall, long statusCalls, double peakCallRate, Duration pollerCpu, Duration benchCpu,
		String problem) {

	public RealPollerReport {
		failures = List.copyOf(failures);
	}

	/** Every job ended exactly once, and completed. */
	public boolean ok() {
		return this.problem == null && this.finished == this.jobs && this.failed == 0 && this.duplicates == 0;
	}

	/** Mean status calls per job, over checking every 5 s on the same jobs. */
	public double callsRatio() {
		return this.calls.mean() / this.fixed5.calls();
	}

	/** The 95th percentile of the detection delay, over checking every 5 s. */
	public double p95Ratio() {
		return this.delays.p95() / this.fixed5.p95Delay();
	}

	public void print(PrintWriter out) {
		double scale = this.timeScale;
		TextTable table = new TextTable("", "");
		table.row("jobs", Text.format("%,d", this.jobs));
		table.row("finished: completed / failed", Text.format("%,d / %,d", this.finished - this.failed, this.failed));
		table.row("duplicate terminal events", Text.format("%,d", this.duplicates));
		table.row("status calls per job, mean / p50", Text.format("%.2f / %.0f", this.calls.mean(), this.calls.p50()));
		table.row("detection delay p50 / p95, scaled (÷ " + Text.number(scale) + ")",
				Text.format("%.2f s / %.2f s", this.delays.p50(), this.delays.p95()));
		table.row("detection delay p50 / p95, unscaled",
				Text.format("%.1f s / %.1f s", this.delays.p50() * scale, this.delays.p95() * scale));
		table.row(
				Text.format("  the same, of the %,d jobs that ended after the poller had read every submission",
						this.laterJobs),
				(this.laterJobs > 0)
						? Text.format("%.1f s / %.1f s", this.laterDelays.p50() * scale, this.laterDelays.p95() * scale)
						: "n/a");
		table.row("checking every 5 s instead (computed): calls/job, p95 unscaled",
				Text.format("%.2f, %.1f s", this.fixed5.calls(), this.fixed5.p95Delay() * scale));
		table.row("calls vs fixed-5s / p95 delay vs fixed-5s",
				Text.format("%s / %s", Text.ratio(callsRatio()), Text.ratio(p95Ratio())));
		table.row("poller heap after GC: idle / in flight / half done / done",
				Text.format("%s / %s / %s / %s MB", Text.megabytes(this.heap.idle()),
						Text.megabytes(this.heap.inFlight()), Text.megabytes(this.heap.half()),
						Text.megabytes(this.heap.done())));
		table.row("  jobs in flight at that reading", (this.heap.inFlightJobs() >= 0)
				? Text.format("%,d", this.heap.inFlightJobs()) : "n/a (the poller never caught up)");
		table.row("poller heap after GC, max (of " + this.heap.readings() + " readings)",
				Text.megabytes(this.heap.max()) + " MB of " + this.heap.limit());
		table.row("poller RSS, max", Text.megabytes(this.heap.rssMax()) + " MB");
		table.row("wall time, first submission to last job", Text.format("%,.0f s", this.wall.toMillis() / 1000.0));
		table.row("status calls: total / per second, mean / per second, busiest 10 s",
				Text.format("%,d / %,.0f / %,.0f", this.statusCalls,
						this.statusCalls / Math.max(0.001, this.wall.toMillis() / 1000.0), this.peakCallRate));
		table.row("CPU time: poller / this JVM (broker, simulator, bench)",
				Text.format("%s / %s", cpu(this.pollerCpu), cpu(this.benchCpu)));
		table.print(out, "  ");
		this.failures.forEach((failure) -> out.println("  failed: " + failure));
		if (this.problem != null) {
			out.println("  NOT COMPLETE: " + this.problem);
		}
		out.println();
		out.flush();
	}

	/** Mean and percentiles of one figure over the jobs. */
	public record Figures(double mean, double p50, double p95) {

		static Figures of(double[] values) {
			Percentiles percentiles = Percentiles.of(values);
			return new Figures(percentiles.mean(), percentiles.at(0.5), percentiles.at(0.95));
		}

	}

	/**
	 * Checking every 5 s (scaled) from submission: calls per job and p95 delay, scaled.
	 */
	public record Fixed(double calls, double p95Delay) {

		static Fixed every(double intervalSeconds, double[] durations) {
			double[] calls = new double[durations.length];
			double[] delays = new double[durations.length];
			for (int job = 0; job < durations.length; job++) {
				double checks = Math.max(1, Math.ceil(durations[job] / intervalSeconds));
				calls[job] = checks;
				delays[job] = checks * intervalSeconds - durations[job];
			}
			return new Fixed(Percentiles.of(calls).mean(), Percentiles.of(delays).at(0.95));
		}

	}

	/**
	 * Heap in use after a full collection, in bytes (-1 where unknown): idle after
	 * start-up, when the poller had read every submission (with the jobs then in flight),
	 * when half and when all had finished, and the most of every reading.
	 */
	public record Heap(String limit, long idle, long inFlight, int inFlightJobs, long half, long done, long max,
			int readings, long rssMax) {
	}

	private static String cpu(Duration time) {
		return (time != null) ? Text.format("%,.0f s", time.toMillis() / 1000.0) : "n/a";
	}

}
