package io.reelay.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.reelay.cli.bench.DownloadBench;
import io.reelay.cli.bench.DownloadReport;
import io.reelay.cli.bench.DownloadSize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelay bench download}: how fast the downloader stores a large video, against
 * plain copies of the same bytes, and whether its heap and its live set stay flat as the
 * video grows.
 */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Measures the downloader: throughput against plain copies of the same bytes, and its heap.",
				"Starts a Kafka broker, an S3-compatible server and the provider simulator in this JVM, and the "
						+ "downloader service in a JVM of its own (-Xmx from --heap-limit). A --size video is copied "
						+ "--runs times each, in turn: simulator → file with the JDK HTTP client, simulator → S3 with "
						+ "a bare MinIO client, and simulator → S3 by Reelay (video.completed published, timed until "
						+ "its video.stored arrives). Every copy is read back and compared with the simulator's file. "
						+ "Then four fresh downloaders move one video each, after a warm-up: per size (--small-size "
						+ "and --size) a peak run, its heap sampled every 50 ms with no collection forced, and a live "
						+ "run, its heap read right after a full collection forced over JMX every 250 ms of the "
						+ "transfer (the live set). Prints a throughput table and a heap table; the last line sums up: "
						+ "Reelay's throughput over the MinIO copy's (target at least 0.8x), the peak heap at both "
						+ "sizes (target: within 10%% of each other) and, in parentheses, the median of the live set "
						+ "at both sizes (within 10%% too). Not a timed test: nothing fails on a missed target." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the run completed and every copy held the simulator's bytes",
				"1:a copy failed, held other bytes, or the run could not complete", "2:invalid usage" })
final class BenchDownloadCommand implements Callable<Integer> {

	@Mixin
	StackOptions stack;

	@Option(names = "--size", defaultValue = "1GiB", converter = SizeConverter.class,
			description = "The video of the throughput runs and of the large heap runs: 1GiB, 100MiB, 512KiB or "
					+ "bytes (default: ${DEFAULT-VALUE}).")
	DownloadSize size;

	@Option(names = "--small-size", defaultValue = "100MiB", converter = SizeConverter.class,
			description = "The video of the small heap runs and of every warm-up (default: ${DEFAULT-VALUE}).")
	DownloadSize smallSize;

	@Option(names = "--runs", defaultValue = "3",
			description = "Runs of each copy at --size; the median counts (default: ${DEFAULT-VALUE}).")
	int runs;

	@Option(names = "--heap-limit", defaultValue = "128m",
			description = "The downloader JVM's -Xmx, e.g. 128m or 1g (default: ${DEFAULT-VALUE}).")
	String heapLimit;

	@Option(names = "--keep-objects",
			description = "Keep every object the copies stored, and the S3 server's files, in "
					+ "<data-dir>/bench-download/s3 (replaced at the next run); by default each object is deleted "
					+ "once checked, and the server's files at the end.")
	boolean keepObjects;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		validate();
		PrintWriter out = this.spec.commandLine().getOut();
		this.stack.routeLogs();
		try {
			DownloadReport report = DownloadBench.run(new DownloadBench.Settings(this.size, this.smallSize, this.runs,
					this.heapLimit, this.stack.dataDirectory, this.keepObjects), out);
			report.print(out);
			out.println(report.summary());
			out.flush();
			return 0;
		}
		catch (Exception ex) {
			out.println();
			out.println("download bench FAILED: " + ex.getMessage());
			out.flush();
			return 1;
		}
	}

	private void validate() {
		String problem = null;
		if (this.runs < 1) {
			problem = "--runs must be at least 1, got " + this.runs;
		}
		else if (!this.heapLimit.matches("\\d+[kKmMgG]?")) {
			problem = "--heap-limit must be a -Xmx size such as 128m or 1g, got " + this.heapLimit;
		}
		if (problem != null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), problem);
		}
	}

	/** {@code 1GiB}, {@code 100MiB}, {@code 512KiB} or bytes. */
	static final class SizeConverter implements CommandLine.ITypeConverter<DownloadSize> {

		@Override
		public DownloadSize convert(String value) {
			try {
				return DownloadSize.parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.TypeConversionException(ex.getMessage());
			}
		}

	}

}
