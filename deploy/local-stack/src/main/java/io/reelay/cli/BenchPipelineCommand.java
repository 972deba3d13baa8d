package io.reelay.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.reelay.cli.bench.DownloadSize;
import io.reelay.cli.bench.pipeline.PipelineBench;
import io.reelay.cli.bench.pipeline.PipelineReport;
import io.reelay.cli.bench.pipeline.RawParts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelay bench pipeline}: Reelay's throughput, per-stage overhead and footprint,
 * against the raw rates of the parts it is made of.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Measures the whole pipeline against the raw rates of its parts.",
				"Starts a Kafka broker, an S3-compatible server and the provider simulator (jobs done at once, "
						+ "--video-size videos) in this JVM, and the submitter, the poller and the downloader each in "
						+ "a JVM of its own (-Xmx from --heap-limit). Measures, in one run: the parts raw, with plain "
						+ "clients (Kafka produce + consume, the simulator's HTTP calls, S3 PUTs); Reelay at "
						+ "saturation (--jobs requests, at most --in-flight unfinished, after --warmup-jobs); each "
						+ "stage's own time per job at half that rate (--half-load-jobs), from the timing headers "
						+ "the stages put on their output; each service's heap, resident memory and CPU; and a JFR "
						+ "profile of the saturated run. Prints the tables; the last line sums up: jobs/s, the "
						+ "efficiency ratio (jobs/s over the sum-of-parts ceiling; target at least 0.5) and the worst "
						+ "stage p99 at half load (target at most 50 ms). Not a timed test: nothing fails on a "
						+ "missed target. Logs and recordings go to <data-dir>/bench-pipeline." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:the run completed and every request was stored",
				"1:a request was not stored, a service stopped, or the run could not complete", "2:invalid usage" })
final class BenchPipelineCommand implements Callable<Integer> {

	@Mixin
	StackOptions stack;

	@Option(names = "--jobs", defaultValue = "20000",
			description = "Requests of the saturated run (default: ${DEFAULT-VALUE}).")
	int jobs;

	@Option(names = "--warmup-jobs", defaultValue = "2000",
			description = "Requests before it, not measured (default: ${DEFAULT-VALUE}).")
	int warmupJobs;

	@Option(names = "--half-load-jobs", defaultValue = "5000",
			description = "Requests of the run at half the saturated rate (default: ${DEFAULT-VALUE}).")
	int halfLoadJobs;

	@Option(names = "--in-flight", defaultValue = "1000",
			description = "At saturation, at most this many requests published and not ended "
					+ "(default: ${DEFAULT-VALUE}).")
	int inFlight;

	@Option(names = "--heap-limit", defaultValue = "256m",
			description = "Each service JVM's -Xmx (default: ${DEFAULT-VALUE}).")
	String heapLimit;

	@Option(names = "--jvm-option", paramLabel = "OPTION",
			description = "A further option of each service's JVM, e.g. --jvm-option=-XX:TieredStopAtLevel=1; "
					+ "repeatable.")
	List<String> jvmOptions = new ArrayList<>();

	@Option(names = "--video-size", defaultValue = "64KiB", converter = BenchDownloadCommand.SizeConverter.class,
			description = "The simulator's video size (default: ${DEFAULT-VALUE}).")
	DownloadSize videoSize;

	@Option(names = "--kafka-records", defaultValue = "100000",
			description = "Records of the raw Kafka measurement (default: ${DEFAULT-VALUE}).")
	int kafkaRecords;

	@Option(names = "--http-calls", defaultValue = "20000",
			description = "Calls of the raw HTTP measurement (default: ${DEFAULT-VALUE}).")
	int httpCalls;

	@Option(names = "--puts", defaultValue = "2000",
			description = "PUTs of the raw S3 measurement (default: ${DEFAULT-VALUE}).")
	int puts;

	@Option(names = "--transactions", defaultValue = "3000",
			description = "Kafka transactions of the raw measurement of what one costs; not a term of the ceiling "
					+ "(default: ${DEFAULT-VALUE}).")
	int transactions;

	@Option(names = "--part-threads", defaultValue = "8",
			description = "Threads of the raw HTTP and S3 measurements (default: ${DEFAULT-VALUE}).")
	int partThreads;

	@Option(names = "--profile", negatable = true, defaultValue = "true", fallbackValue = "true",
			description = "Record the saturated run with JFR and summarise where the time goes; --no-profile "
					+ "skips it (default: on).")
	boolean profile;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		validate();
		PrintWriter out = this.spec.commandLine().getOut();
		this.stack.routeLogs();
		try {
			PipelineReport report = PipelineBench.run(new PipelineBench.Settings(this.jobs, this.warmupJobs,
					this.halfLoadJobs, this.inFlight, this.heapLimit, this.jvmOptions, this.videoSize.bytes(),
					partSettings(), this.stack.dataDirectory.resolve("bench-pipeline").toAbsolutePath(), this.profile),
					out);
			report.print(out);
			out.println(report.summary());
			out.flush();
			return report.allStored() ? 0 : 1;
		}
		catch (Exception ex) {
			out.println();
			out.println("pipeline bench FAILED: " + ex.getMessage());
			out.flush();
			return 1;
		}
	}

	private RawParts.Settings partSettings() {
		return new RawParts.Settings(this.kafkaRecords, this.httpCalls, this.puts, this.partThreads,
				this.videoSize.bytes(), this.transactions);
	}

	private void validate() {
		String problem = null;
		if (this.jobs < 1 || this.warmupJobs < 0 || this.halfLoadJobs < 1) {
			problem = "--jobs and --half-load-jobs must be at least 1, --warmup-jobs at least 0";
		}
		else if (this.inFlight < 1) {
			problem = "--in-flight must be at least 1, got " + this.inFlight;
		}
		else if (this.kafkaRecords < 1 || this.httpCalls < 1 || this.puts < 1 || this.partThreads < 1
				|| this.transactions < 1) {
			problem = "--kafka-records, --http-calls, --puts, --transactions and --part-threads must be at least 1";
		}
		else if (!this.heapLimit.matches("\\d+[kKmMgG]?")) {
			problem = "--heap-limit must be a -Xmx size such as 256m or 1g, got " + this.heapLimit;
		}
		if (problem != null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), problem);
		}
	}

}
