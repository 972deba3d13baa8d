package io.reelay.cli.bench.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import io.reelay.cli.bench.Percentiles;
import io.reelay.cli.bench.Text;
import io.reelay.cli.bench.TextTable;

/** What {@code reelay bench pipeline} found, as tables and a last line that sums up. */
public record PipelineReport(PipelineBench.Settings settings, PartRates parts, JobCost cost, LoadRuns.Phase saturated,
		StageOverheads saturatedOverheads, LoadRuns.Phase half, StageOverheads halfOverheads,
		Map<String, Long> cpuNanos, Map<String, Footprint.ServiceMemory> memory, Map<String, JfrSummary> profiles,
		Map<String, Path> recordings) {

	/** This JVM: the broker, the S3 server, the simulator and the bench. */
	static final String BENCH_JVM = "bench JVM";

	static final double EFFICIENCY_TARGET = 0.5;

	static final double P99_TARGET_MILLIS = 50;

	private static final int PROFILE_LINES = 5;

	public double efficiency() {
		return this.saturated.jobsPerSecond() / this.cost.ceiling(this.parts);
	}

	/** Whether every request of the measured runs was stored. */
	public boolean allStored() {
		return this.saturated.stored() == this.saturated.jobs() && this.half.stored() == this.half.jobs();
	}

	public void print(PrintWriter out) {
		out.println();
		out.println("The parts, raw, on this machine (plain clients):");
		part(out, "Kafka produce + consume", this.parts.kafkaRecordsPerSecond(), "records/s", this.parts.kafkaMethod());
		part(out, "simulator HTTP", this.parts.httpCallsPerSecond(), "calls/s", this.parts.httpMethod());
		part(out, "S3 PUT", this.parts.putsPerSecond(), "PUTs/s", this.parts.putMethod());
		part(out, "(Kafka transactions)", this.parts.transactions().perSecond(), "transactions/s",
				this.parts.transactions().method() + "; not a term of the ceiling");
		out.println();
		out.println(Text.format("What one job needs (counted over the %,d saturated jobs):", this.cost.jobs()));
		out.println(Text.format(
				"  Kafka: %.2f records produced, %.2f of them read back: k = %.2f (a record only "
						+ "produced counts half)",
				this.cost.produced(), this.cost.consumed(), this.cost.kafkaRecords()));
		out.println("    per topic: " + this.cost.recordsByTopic()
			.entrySet()
			.stream()
			.filter((topic) -> topic.getValue() > 0)
			.map((topic) -> Text.format("%s %.2f", topic.getKey(), (double) topic.getValue() / this.cost.jobs()))
			.collect(Collectors.joining(", ")));
		out.println(Text.format("  HTTP: h = %.2f calls to the provider (create, status, download)",
				this.cost.httpCalls()));
		out.println(Text.format("  S3: 1 PUT of %,d bytes", this.settings.videoBytes()));
		out.println(Text.format("  sum-of-parts ceiling 1 / (k/kafka + h/http + 1/put) = %,.0f jobs/s",
				this.cost.ceiling(this.parts)));
		out.println();
		out.println("Reelay, every service at -Xmx" + this.settings.heapLimit()
				+ this.settings.jvmOptions().stream().map((option) -> " " + option).reduce("", String::concat) + ":");
		out.println(Text.format("  saturated: %,d jobs, at most %,d in flight, in %s: %,.0f jobs/s %s",
				this.saturated.jobs(), this.settings.inFlight(), Text.seconds(this.saturated.took()),
				this.saturated.jobsPerSecond(), this.saturated.outcomes()));
		out.println(Text.format("  efficiency: %,.0f / %,.0f = %.2f (target at least %.1f)",
				this.saturated.jobsPerSecond(), this.cost.ceiling(this.parts), efficiency(), EFFICIENCY_TARGET));
		out.println(Text.format("  half load: %,d jobs at %,.0f/s in %s %s", this.half.jobs(),
				this.saturated.jobsPerSecond() / 2, Text.seconds(this.half.took()), this.half.outcomes()));
		out.println();
		out.println("Each stage's own time per job, ms: taking the step up → its output visible (committed), "
				+ "less the provider's time:");
		TextTable latency = new TextTable("stage", "half p50", "half p99", "half max", "saturated p50",
				"saturated p99");
		this.halfOverheads.byStage()
			.forEach((stage, half) -> latency.row(stage, millis(half.at(0.5)), millis(half.at(0.99)),
					millis(half.max()), millis(this.saturatedOverheads.byStage().get(stage).at(0.5)),
					millis(this.saturatedOverheads.byStage().get(stage).at(0.99))));
		Percentiles halfEnd = this.halfOverheads.endToEnd();
		Percentiles saturatedEnd = this.saturatedOverheads.endToEnd();
		latency.row("end to end", millis(halfEnd.at(0.5)), millis(halfEnd.at(0.99)), millis(halfEnd.max()),
				millis(saturatedEnd.at(0.5)), millis(saturatedEnd.at(0.99)));
		latency.print(out, "  ");
		out.println("  (end to end: request published → video.stored visible, Kafka hops, provider calls and the "
				+ "poller's first planned check included)");
		if (this.halfOverheads.untimed() + this.saturatedOverheads.untimed() > 0) {
			out.println(Text.format("  %,d outputs carried no timing headers and are left out",
					this.halfOverheads.untimed() + this.saturatedOverheads.untimed()));
		}
		out.println();
		out.println("Footprint (heap sampled every 0.5 s, garbage included; live = after a full collection; "
				+ "CPU over the saturated run):");
		TextTable footprint = new TextTable("process", "heap peak MB", "heap live MB", "RSS peak MB", "CPU s",
				"CPU ms/job");
		this.cpuNanos.forEach((name, nanos) -> {
			Footprint.ServiceMemory memory = this.memory.get(name);
			footprint.row(name, (memory != null) ? Text.megabytes(memory.heapPeak()) : "-",
					(memory != null) ? Text.megabytes(memory.heapLive()) : "-",
					(memory != null) ? Text.megabytes(memory.rssPeak()) : "-",
					(nanos < 0) ? "n/a" : Text.format("%.1f", nanos / 1e9),
					(nanos < 0) ? "n/a" : Text.format("%.2f", nanos / 1e6 / this.saturated.jobs()));
		});
		footprint.print(out, "  ");
		out.println("  (" + BENCH_JVM + ": the broker, the S3 server, the simulator and the bench's own clients)");
		if (!this.profiles.isEmpty()) {
			out.println();
			out.println("Where the time goes (JFR execution samples of the saturated run):");
			this.profiles.forEach((name, summary) -> {
				out.println("  " + name + " (" + this.recordings.get(name) + "):");
				summary.lines(PROFILE_LINES).forEach((line) -> out.println("    " + line));
			});
		}
		out.println();
		out.println(Text.format(
				"Targets: efficiency %.2f (at least %.1f: %s); worst stage p99 at half load %s ms "
						+ "(at most %.0f ms: %s); heap within -Xmx%s: %s",
				efficiency(), EFFICIENCY_TARGET, met(efficiency() >= EFFICIENCY_TARGET),
				millis(this.halfOverheads.worstP99()), P99_TARGET_MILLIS,
				met(this.halfOverheads.worstP99() <= P99_TARGET_MILLIS), this.settings.heapLimit(), heapVerdict()));
		out.flush();
	}

	/**
	 * Every service ran the whole bench within its heap limit: none ran out of memory.
	 */
	private String heapVerdict() {
		long peak = this.memory.values().stream().mapToLong(Footprint.ServiceMemory::heapPeak).max().orElse(-1);
		return "met, every service stayed up (largest heap peak " + Text.megabytes(peak) + " MB)";
	}

	/** One part: its name, its rate, then what it was measured with. */
	private static void part(PrintWriter out, String name, double rate, String unit, String method) {
		out.println(Text.format("  %-24s %,9.0f %-15s %s", name, rate, unit, method));
	}

	private static String met(boolean met) {
		return met ? "met" : "missed";
	}

	/** The line that sums up. */
	public String summary() {
		return Text.format("jobs/s %.0f, efficiency %.2f, p99 overhead %s ms", this.saturated.jobsPerSecond(),
				efficiency(), millis(this.halfOverheads.worstP99()));
	}

	private static String millis(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return (value < 10) ? Text.format("%.1f", value) : Text.format("%.0f", value);
	}

}
