package io.reelay.provider.openai;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.event.Usage;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.http.HttpFailures;
import io.reelay.provider.http.OpenAiStyleErrors;
import tools.jackson.databind.JsonNode;

/**
 * The Videos API's statuses in Reelay's terms: {@code queued} and {@code in_progress}
 * run, {@code completed} is served at {@code /v1/videos/{id}/content}, {@code failed} may
 * not say why. A word not listed here keeps the job running until its deadline.
 */
final class OpenAiStatuses {

	/**
	 * Epoch numbers above this are milliseconds, not seconds (some gateways send them).
	 */
	private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

	private OpenAiStatuses() {
	}

	/**
	 * @param content where the API serves this job's video
	 */
	static TaskStatus of(OpenAiVideo video, String content) {
		String word = (video.status() != null) ? video.status().toLowerCase(Locale.ROOT) : "";
		Optional<OpenAiModel> model = OpenAiModel.of(video.model());
		if (word.equals("completed")) {
			return new TaskStatus.Succeeded(video.status(), new DownloadLocation(content, instant(video.expiresAt())),
					model.map((known) -> succeeded(known, seconds(video.seconds()))).orElse(null));
		}
		if (word.equals("failed")) {
			ProviderError error = OpenAiStyleErrors.fromNode(null, video.error());
			FailureCode code = HttpFailures.soundsLikeContentPolicy(error) ? FailureCode.CONTENT_POLICY
					: FailureCode.GENERATION_FAILED;
			String message = (error.code() == null && error.message() == null)
					? "openai says the video failed without saying why (the gateway often leaves the reason out; it is"
							+ " usually content review or a parameter it refused: adjust the prompt and try again)"
					: "openai could not generate the video: "
							+ ((error.message() != null) ? error.message() : error.code());
			return new TaskStatus.Failed(video.status(), code, message, error,
					model.map(OpenAiStatuses::failed).orElse(null));
		}
		Integer progress = video.progress();
		if (progress != null) {
			progress = Math.max(0, Math.min(100, progress));
		}
		else if (word.equals("queued")) {
			progress = 0;
		}
		return new TaskStatus.Running(video.status(), progress);
	}

	/**
	 * The documented price per request; models without one report only the seconds the
	 * API says it made.
	 */
	private static Usage succeeded(OpenAiModel model, Double seconds) {
		if (model.usdPerRequest() != null) {
			return new Usage(null, null, model.usdPerRequest(), seconds, Usage.Source.PRICE_LIST);
		}
		return (seconds != null) ? new Usage(null, null, null, seconds, Usage.Source.REPORTED) : null;
	}

	/** APIYI bills only completed videos. */
	private static Usage failed(OpenAiModel model) {
		return (model.usdPerRequest() != null) ? new Usage(null, null, 0.0, null, Usage.Source.PRICE_LIST) : null;
	}

	private static Double seconds(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		try {
			return Double.valueOf(value.asString().trim());
		}
		catch (NumberFormatException unreadable) {
			return null;
		}
	}

	/** Null when unreadable: a bad expiry must not cost the video. */
	private static Instant instant(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		try {
			long epoch = value.isNumber() ? value.asLong() : Long.parseLong(value.asString().trim());
			return (epoch > EPOCH_MILLIS_THRESHOLD) ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
		}
		catch (NumberFormatException unreadable) {
			return null;
		}
	}

}
