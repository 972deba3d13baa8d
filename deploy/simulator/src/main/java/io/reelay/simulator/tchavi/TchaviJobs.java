package io.reelay.simulator.tchavi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelay.simulator.Scenario;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;

/**
 * A tchavi job as JSON: {@code status} pending, processing, completed or failed; credits
 * under {@code tchavi}; {@code output} once completed, {@code error} and refunded credits
 * once failed.
 */
final class TchaviJobs {

	private final Simulation simulation;

	TchaviJobs(Simulation simulation) {
		this.simulation = simulation;
	}

	static String statusOf(SimulatedTask task, Instant now) {
		return switch (task.stateAt(now)) {
			case QUEUED -> "pending";
			case RUNNING -> "processing";
			case SUCCEEDED -> "completed";
			case FAILED -> "failed";
		};
	}

	Map<String, Object> describe(SimulatedTask task, TchaviOrder order, String status) {
		Map<String, Object> job = new LinkedHashMap<>();
		job.put("id", task.id());
		job.put("object", "job");
		job.put("type", "video_generation");
		job.put("model", task.model());
		job.put("status", status);
		job.put("created_at", iso(task.createdAt()));
		Map<String, Object> credits = new LinkedHashMap<>();
		credits.put("credits_used", order.credits());
		if (status.equals("completed")) {
			job.put("completed_at", iso(task.finishedAt()));
			job.put("output", output(task, order));
		}
		if (status.equals("failed")) {
			job.put("error", errorOf(task));
			// The document promises a refund of what a failed job was charged.
			credits.put("credits_refunded", order.credits());
		}
		job.put("tchavi", credits);
		return job;
	}

	private Map<String, Object> output(SimulatedTask task, TchaviOrder order) {
		Instant expiresAt = this.simulation.urlExpiry(task);
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("video_url", this.simulation.fileUrl(task, expiresAt).toString());
		output.put("duration", order.seconds());
		output.put("resolution", order.resolution());
		output.put("file_size_mb", Math.round(this.simulation.videoSize(task) / 10_000.0) / 100.0);
		output.put("url_expires_at", iso(Instant.ofEpochSecond(expiresAt.getEpochSecond())));
		return output;
	}

	private static Map<String, Object> errorOf(SimulatedTask task) {
		if (task.scenario() == Scenario.CONTENT_POLICY) {
			return Map.of("code", "content_policy_violation", "message",
					"The generated video was blocked by the content policy");
		}
		return Map.of("code", "generation_failed", "message", "Upstream generation failed; credits were refunded");
	}

	private static String iso(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS).toString();
	}

}
