package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.reelay.poller.schedule.PollingSimulation;
import io.reelay.poller.schedule.PollingSimulation.Progress;
import io.reelay.poller.schedule.PollingSimulation.Result;
import io.reelay.poller.schedule.PollingSimulation.Strategy;
import io.reelay.poller.schedule.PollingSimulation.Workload;
import io.reelay.poller.schedule.ScheduleSettings;

/**
 * Part 1 of {@code reelay bench polling}: the poller's schedule (with its default
 * settings) against fixed 5 s and 15 s polling on the same simulated jobs, on a virtual
 * clock, with and without progress reported by the provider.
 */
public final class VirtualClockBench {

	public static final Duration MEDIAN = Duration.ofSeconds(60);

	public static final Duration P99 = Duration.ofMinutes(10);

	private static final Duration EVERY_5_SECONDS = Duration.ofSeconds(5);

	private static final Duration EVERY_15_SECONDS = Duration.ofSeconds(15);

	private VirtualClockBench() {
	}

	/**
	 * Every strategy on the same {@code jobs} jobs, for each way of reporting progress.
	 */
	public static Report run(int jobs, long seed) {
		List<Row> rows = new ArrayList<>();
		for (Progress progress : List.of(Progress.LINEAR, Progress.NONE)) {
			Workload workload = Workload.lognormal(jobs, MEDIAN, P99, progress, seed);
			Result fixed5 = PollingSimulation.run(workload, Strategy.fixed(EVERY_5_SECONDS));
			Result learned = PollingSimulation.run(workload, Strategy.learned(ScheduleSettings.defaults()));
			Result fixed15 = PollingSimulation.run(workload, Strategy.fixed(EVERY_15_SECONDS));
			rows.add(new Row("schedule (defaults)", progress, learned, fixed5));
			rows.add(new Row("fixed 5 s", progress, fixed5, fixed5));
			rows.add(new Row("fixed 15 s", progress, fixed15, fixed5));
		}
		return new Report(jobs, seed, rows);
	}

	/** What the schedule and fixed polling cost on the same jobs. */
	public record Report(int jobs, long seed, List<Row> rows) {

		public Report {
			rows = List.copyOf(rows);
		}

		/** The schedule's row for one way of reporting progress. */
		public Row learned(Progress progress) {
			return this.rows.stream()
				.filter((row) -> row.progress() == progress && row.strategy().startsWith("schedule"))
				.findFirst()
				.orElseThrow();
		}

		public void print(PrintWriter out) {
			out.println(Text.format("Part 1: the schedule on a virtual clock, %,d jobs per row", this.jobs));
			out.println(Text.format(
					"  Generation times lognormal (median 60 s, p99 10 min), seed %d; every row polls the same",
					this.seed));
			out.println(
					"  jobs, one submitted every 100 ms: the schedule starts knowing nothing and learns as they end.");
			out.println(
					"  Delay: from a job's end to the check that sees it. Progress linear: the provider says how far");
			out.println("  a job is, as OpenAI and the generic API do; none: it does not, as MiniMax.");
			out.println();
			TextTable table = new TextTable("strategy", "progress", "calls/job mean", "calls p50", "delay p50",
					"delay p95", "calls vs fixed-5s", "p95 vs fixed-5s");
			for (Row row : this.rows) {
				Result result = row.result();
				table.row(row.strategy(), row.progress().name().toLowerCase(Locale.ROOT),
						Text.format("%.1f", result.meanCalls()), Text.format("%.0f", result.medianCalls()),
						Text.seconds(result.p50Delay()), Text.seconds(result.p95Delay()), Text.ratio(row.callsRatio()),
						Text.ratio(row.p95Ratio()));
			}
			table.print(out, "  ");
			out.println();
		}

	}

	/**
	 * One strategy on one workload.
	 *
	 * @param baseline fixed 5 s polling on the same jobs
	 */
	public record Row(String strategy, Progress progress, Result result, Result baseline) {

		/** Mean status calls per job, over those of fixed 5 s polling. */
		public double callsRatio() {
			return this.result.meanCalls() / this.baseline.meanCalls();
		}

		/** The 95th percentile of the delay, over that of fixed 5 s polling. */
		public double p95Ratio() {
			return (double) this.result.p95Delay().toNanos() / this.baseline.p95Delay().toNanos();
		}

	}

}
