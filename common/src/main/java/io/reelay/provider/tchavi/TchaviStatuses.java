package io.reelay.provider.tchavi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.http.HttpFailures;
import io.reelay.provider.http.OpenAiStyleErrors;
import tools.jackson.databind.JsonNode;

/**
 * tchavi's job statuses in Reelay's terms: {@code pending} and {@code processing} run,
 * {@code completed} has the video, {@code failed} says why. A word not listed here keeps
 * the job running until its deadline.
 */
final class TchaviStatuses {

	/** Epoch numbers above this are milliseconds, not seconds (year 5138 in seconds). */
	private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

	private TchaviStatuses() {
	}

	static TaskStatus of(TchaviJob job) {
		String word = (job.status() != null) ? job.status().toLowerCase(Locale.ROOT) : "";
		if (word.equals("completed") && job.output() != null && job.output().videoUrl() != null
				&& !job.output().videoUrl().isBlank()) {
			TchaviJob.Output output = job.output();
			return new TaskStatus.Succeeded(job.status(),
					new DownloadLocation(output.videoUrl(), instant(output.urlExpiresAt())), TchaviUsage.of(job, true));
		}
		if (word.equals("failed")) {
			ProviderError error = OpenAiStyleErrors.fromNode(null, job.error());
			FailureCode code = HttpFailures.soundsLikeContentPolicy(error) ? FailureCode.CONTENT_POLICY
					: FailureCode.GENERATION_FAILED;
			String reason = (error.message() != null) ? error.message() : "no reason given";
			return new TaskStatus.Failed(job.status(), code, "tchavi could not generate the video: " + reason, error,
					TchaviUsage.of(job, false));
		}
		// also "completed" without a video_url: wait for it rather than fail a paid job
		return new TaskStatus.Running(job.status(), percent(job.progress()));
	}

	/**
	 * An ISO-8601 time or an epoch number; null when unreadable, because a bad expiry
	 * must not cost the video.
	 */
	static Instant instant(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isNumber()) {
			return epoch(value.asLong());
		}
		String text = value.asString().trim();
		try {
			return epoch(Long.parseLong(text));
		}
		catch (NumberFormatException notEpoch) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static Instant epoch(long value) {
		return (value > EPOCH_MILLIS_THRESHOLD) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
	}

	private static Integer percent(Integer progress) {
		return (progress != null) ? Math.max(0, Math.min(100, progress)) : null;
	}

}
