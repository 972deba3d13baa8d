package io.reelay.cli.bench.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.reelay.kafka.WorkTiming;

/**
 * Every request of a phase as one CSV line, so that a distribution can be looked at
 * beyond its percentiles: when it was published, and for each stage when it took the step
 * up, its provider time and when its output became visible (epoch µs; empty where not
 * seen).
 */
final class TraceFiles {

	private static final String HEADER = "request_id,published_us,"
			+ "submitter_started_us,submitter_provider_us,submitted_visible_us,"
			+ "poller_started_us,poller_provider_us,completed_visible_us,"
			+ "downloader_started_us,downloader_provider_us,terminal_visible_us,failure";

	private TraceFiles() {
	}

	static Path write(Path directory, String phase, Map<String, JobTrace> jobs) throws IOException {
		Files.createDirectories(directory);
		Path file = directory.resolve(phase + ".csv");
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
			out.println(HEADER);
			jobs.forEach((requestId, job) -> out
				.println(requestId + "," + job.publishedAt + "," + cells(job.submitted) + "," + cells(job.completed)
						+ "," + cells(job.terminal) + "," + ((job.failure != null) ? job.failure : "")));
		}
		return file;
	}

	private static String cells(JobTrace.Seen seen) {
		if (seen == null) {
			return ",,";
		}
		WorkTiming timing = seen.timing();
		if (timing == null) {
			return ",," + seen.visibleAt();
		}
		return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, timing.startedAt()) + ","
				+ timing.providerTime().toNanos() / 1000 + "," + seen.visibleAt();
	}

}
