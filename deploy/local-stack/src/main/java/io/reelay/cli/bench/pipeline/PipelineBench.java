package io.reelay.cli.bench.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.cli.bench.ServiceProcess;
import io.reelay.cli.bench.Text;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code reelay bench pipeline}: the parts Reelay is made of, raw, then Reelay itself at
 * saturation and at half that load, with each service's footprint and a profile of the
 * saturated run.
 */
public final class PipelineBench {

	private PipelineBench() {
	}

	/**
	 * @param jobs requests of the saturated run
	 * @param warmupJobs requests before it, not measured (JIT, connections, learned poll
	 * times)
	 * @param halfLoadJobs requests of the run at half the saturated rate
	 * @param inFlight at most this many requests published and not ended at saturation
	 * @param heapLimit each service's -Xmx
	 * @param jvmOptions further options of each service's JVM
	 * @param videoBytes the simulator's video size
	 * @param parts the sizes of the raw measurements
	 * @param outputDirectory where the services' logs and the recordings go
	 * @param profile whether to record the saturated run with JFR
	 */
	public record Settings(int jobs, int warmupJobs, int halfLoadJobs, int inFlight, String heapLimit,
			List<String> jvmOptions, long videoBytes, RawParts.Settings parts, Path outputDirectory, boolean profile) {

	}

	public static PipelineReport run(Settings settings, PrintWriter out) throws Exception {
		out.println("Starting a broker, an S3 server and the simulator here, and each service in a JVM of its own:");
		out.flush();
		try (PipelineStack stack = PipelineStack.start(settings, out)) {
			out.println("Measuring the parts, raw:");
			out.flush();
			PartRates parts = RawParts.measure(settings.parts(), stack.bootstrapServers(), stack.simulator(),
					stack.minio(), PipelineStack.BUCKET, out);
			try (PipelineRequests requests = new PipelineRequests(stack.bootstrapServers());
					PipelineWatch watch = new PipelineWatch(stack.bootstrapServers());
					Footprint footprint = new Footprint(stack.services())) {
				LoadRuns runs = new LoadRuns(requests, watch, out);
				out.println("Reelay:");
				out.flush();
				runs.saturate("warmup", settings.warmupJobs(), settings.inFlight());

				Map<TopicPartition, Long> offsetsBefore = RecordCounts.endOffsets(stack.bootstrapServers());
				long callsBefore = stack.simulator().requests().total();
				Map<String, Long> cpuBefore = footprint.cpuNanos();
				ServiceProfiles profiles = new ServiceProfiles(stack.services(),
						settings.outputDirectory().resolve("profiles"));
				if (settings.profile()) {
					profiles.start();
				}
				LoadRuns.Phase saturated = runs.saturate("saturated", settings.jobs(), settings.inFlight());
				Map<String, Path> recordings = settings.profile() ? profiles.stop() : Map.of();
				Map<String, Long> cpu = minus(footprint.cpuNanos(), cpuBefore);
				long calls = stack.simulator().requests().total() - callsBefore;
				Map<String, Long> records = RecordCounts.between(stack.bootstrapServers(), offsetsBefore,
						RecordCounts.endOffsets(stack.bootstrapServers()));
				JobCost cost = JobCost.of(settings.jobs(), records, calls);
				Map<String, Footprint.ServiceMemory> memory = footprint.read();

				double halfRate = saturated.jobsPerSecond() / 2;
				out.println(Text.format("  half load: %.0f requests/s", halfRate));
				out.flush();
				LoadRuns.Phase half = runs.paced("half", settings.halfLoadJobs(), halfRate);
				Map<String, Footprint.ServiceMemory> memoryAfter = footprint.read();
				requireAllUp(stack);
				for (LoadRuns.Phase phase : List.of(saturated, half)) {
					TraceFiles.write(settings.outputDirectory().resolve("traces"), phase.name(), phase.byId());
				}
				return new PipelineReport(settings, parts, cost, saturated, StageOverheads.of(saturated.traces()), half,
						StageOverheads.of(half.traces()), cpu, peaks(memory, memoryAfter), summaries(recordings),
						recordings);
			}
		}
	}

	/**
	 * Every service ran the whole bench within its heap limit: none stopped, none ran out
	 * of memory.
	 */
	private static void requireAllUp(PipelineStack stack) throws java.io.IOException {
		for (Map.Entry<String, ServiceProcess> service : stack.services().entrySet()) {
			if (!service.getValue().isAlive()) {
				throw new IllegalStateException(service.getValue().obituary());
			}
			if (java.nio.file.Files.readString(service.getValue().log()).contains("OutOfMemoryError")) {
				throw new IllegalStateException(
						"the " + service.getKey() + " ran out of memory: see " + service.getValue().log());
			}
		}
	}

	private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
		Map<String, Long> spent = new LinkedHashMap<>();
		after.forEach((name, nanos) -> {
			long was = before.getOrDefault(name, -1L);
			spent.put(name, (nanos < 0 || was < 0) ? -1 : nanos - was);
		});
		return spent;
	}

	/** The peaks over both readings, and the live heap of the later one. */
	private static Map<String, Footprint.ServiceMemory> peaks(Map<String, Footprint.ServiceMemory> first,
			Map<String, Footprint.ServiceMemory> later) {
		Map<String, Footprint.ServiceMemory> memory = new LinkedHashMap<>();
		later.forEach((name, now) -> {
			Footprint.ServiceMemory was = first.get(name);
			memory.put(name, new Footprint.ServiceMemory(Math.max(now.heapPeak(), was.heapPeak()),
					Math.max(now.heapLive(), was.heapLive()), Math.max(now.rssPeak(), was.rssPeak())));
		});
		return memory;
	}

	private static Map<String, JfrSummary> summaries(Map<String, Path> recordings) throws Exception {
		Map<String, JfrSummary> summaries = new LinkedHashMap<>();
		for (Map.Entry<String, Path> recording : recordings.entrySet()) {
			summaries.put(recording.getKey(), JfrSummary.of(recording.getValue()));
		}
		return summaries;
	}

}
