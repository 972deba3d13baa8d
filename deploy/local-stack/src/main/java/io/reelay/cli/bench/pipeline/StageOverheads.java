package io.reelay.cli.bench.pipeline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.reelay.cli.bench.Percentiles;

/**
 * Each stage's own time per request, in milliseconds: from taking up the step to its
 * output being visible to a {@code read_committed} consumer (the transaction committed),
 * less the provider's time; and the whole way, from publishing the request to its
 * {@code video.stored} being visible.
 *
 * @param byStage the stage's own time, by stage name in pipeline order
 * @param endToEnd the whole way, provider time and the poller's planned wait included
 * @param untimed outputs that carried no timing headers
 */
record StageOverheads(Map<String, Percentiles> byStage, Percentiles endToEnd, int untimed) {

	static final String SUBMITTER = "submitter";

	static final String POLLER = "poller";

	static final String DOWNLOADER = "downloader";

	static StageOverheads of(Collection<JobTrace> jobs) {
		Map<String, Function<JobTrace, JobTrace.Seen>> outputs = new LinkedHashMap<>();
		outputs.put(SUBMITTER, (job) -> job.submitted);
		outputs.put(POLLER, (job) -> job.completed);
		outputs.put(DOWNLOADER, (job) -> (job.failure == null) ? job.terminal : null);
		Map<String, Percentiles> byStage = new LinkedHashMap<>();
		int untimed = 0;
		for (Map.Entry<String, Function<JobTrace, JobTrace.Seen>> stage : outputs.entrySet()) {
			double[] millis = new double[jobs.size()];
			int count = 0;
			for (JobTrace job : jobs) {
				JobTrace.Seen seen = stage.getValue().apply(job);
				if (seen == null) {
					continue;
				}
				long micros = seen.overheadMicros();
				if (micros < 0) {
					untimed++;
					continue;
				}
				millis[count++] = micros / 1000.0;
			}
			byStage.put(stage.getKey(), Percentiles.of(java.util.Arrays.copyOf(millis, count)));
		}
		double[] endToEnd = jobs.stream()
			.filter((job) -> job.ended() && job.failure == null)
			.mapToDouble((job) -> (job.terminal.visibleAt() - job.publishedAt) / 1000.0)
			.toArray();
		return new StageOverheads(byStage, Percentiles.of(endToEnd), untimed);
	}

	/** The highest p99 of the stages. */
	double worstP99() {
		return this.byStage.values().stream().mapToDouble((stage) -> stage.at(0.99)).max().orElse(Double.NaN);
	}

}
