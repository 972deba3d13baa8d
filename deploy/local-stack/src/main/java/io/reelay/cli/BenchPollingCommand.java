package io.reelay.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.reelay.cli.bench.RealPollerBench;
import io.reelay.cli.bench.RealPollerReport;
import io.reelay.cli.bench.VirtualClockBench;
import io.reelay.poller.schedule.PollingSimulation.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelay bench polling}: how many status calls the poller's schedule makes and how
 * late it sees jobs done, against fixed 5 s and 15 s polling; then one real poller with a
 * small heap following many jobs at once.
 */
@Command(name = "polling", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Measures the poller: status calls and detection delay against fixed polling, and its heap.",
				"Part 1 polls the same simulated jobs (lognormal generation times, median 60 s, p99 10 min) on a "
						+ "virtual clock with the poller's schedule, every 5 s and every 15 s, with and without "
						+ "progress reported. Part 2 starts a Kafka broker, the provider simulator and one poller "
						+ "JVM (-Xmx256m), submits --in-flight jobs at once with time running --time-scale times "
						+ "faster, and follows each to its terminal event, reading the poller's heap after a full GC "
						+ "every 5 s. The last line sums up the key figures." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:every job finished and the run completed",
				"1:a job did not finish, failed or ended twice, or the run could not complete", "2:invalid usage" })
final class BenchPollingCommand implements Callable<Integer> {

	@Mixin
	StackOptions stack;

	@Option(names = "--jobs", defaultValue = "10000",
			description = "Jobs per strategy on the virtual clock, part 1 (default: ${DEFAULT-VALUE}).")
	int jobs;

	@Option(names = "--in-flight", defaultValue = "100000",
			description = "Jobs in flight at once on the real poller, part 2 (default: ${DEFAULT-VALUE}).")
	int inFlight;

	@Option(names = "--time-scale", defaultValue = "4",
			description = "Part 2 divides generation times and the poller's schedule settings by this "
					+ "(default: ${DEFAULT-VALUE}: median 15 s, p99 150 s).")
	double timeScale;

	@Option(names = "--seed", defaultValue = "42",
			description = "Seed of the simulated generation times (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--timeout", defaultValue = "PT20M",
			description = "How long part 2 waits, once every job is submitted, for all to end, ISO-8601 "
					+ "(default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Option(names = "--skip-real", description = "Run part 1 only, on the virtual clock.")
	boolean skipReal;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		validate();
		PrintWriter out = this.spec.commandLine().getOut();
		VirtualClockBench.Report virtual = VirtualClockBench.run(this.jobs, this.seed);
		virtual.print(out);
		RealPollerReport real = null;
		String failure = null;
		if (!this.skipReal) {
			this.stack.routeLogs();
			try {
				real = RealPollerBench.run(new RealPollerBench.Settings(this.inFlight, this.timeScale, this.seed,
						this.timeout, this.stack.logFile().getParent()), out);
				real.print(out);
			}
			catch (Exception ex) {
				failure = ex.getMessage();
				out.println("  Part 2 could not complete: " + ex);
				out.println();
			}
		}
		out.println(summary(virtual, real, failure));
		out.flush();
		return (this.skipReal || (real != null && real.ok())) ? 0 : 1;
	}

	private void validate() {
		String problem = null;
		if (this.jobs < 1) {
			problem = "--jobs must be at least 1, got " + this.jobs;
		}
		else if (this.inFlight < 1) {
			problem = "--in-flight must be at least 1, got " + this.inFlight;
		}
		else if (!(this.timeScale >= 1)) {
			problem = "--time-scale must be at least 1, got " + this.timeScale;
		}
		else if (this.timeout.isNegative() || this.timeout.isZero()) {
			problem = "--timeout must be positive, got " + this.timeout;
		}
		if (problem != null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), problem);
		}
	}

	/**
	 * The last line: the schedule against fixed 5 s polling with and without progress,
	 * and whether the real poller finished every job in flight.
	 */
	private String summary(VirtualClockBench.Report virtual, RealPollerReport real, String failure) {
		VirtualClockBench.Row linear = virtual.learned(Progress.LINEAR);
		VirtualClockBench.Row none = virtual.learned(Progress.NONE);
		String inFlight = thousands(this.inFlight) + " in flight: ";
		if (this.skipReal) {
			inFlight += "skipped";
		}
		else if (real == null) {
			inFlight += "FAILED (" + failure + ")";
		}
		else {
			inFlight += (real.ok() ? "ok" : "FAILED") + ", heap " + ((real.heap().max() >= 0)
					? String.format(Locale.ROOT, "%.0f MB", real.heap().max() / (1024.0 * 1024.0)) : "n/a");
		}
		return String.format(Locale.ROOT,
				"calls vs fixed-5s: %.2fx, p95 delay vs fixed-5s: %.2fx, without progress: %.2fx/%.2fx, %s",
				linear.callsRatio(), linear.p95Ratio(), none.callsRatio(), none.p95Ratio(), inFlight);
	}

	/** 100000 as {@code 100k}, 2500 as {@code 2.5k}. */
	private static String thousands(int jobs) {
		return BigDecimal.valueOf(jobs, 3).stripTrailingZeros().toPlainString() + "k";
	}

}
