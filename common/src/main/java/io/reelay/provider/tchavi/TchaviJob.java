package io.reelay.provider.tchavi;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A job as tchavi returns it from the create call (202) and from {@code GET
 * /v1/jobs/{id}}. What is set depends on the status: {@code tchavi.credits_used} while it
 * runs, {@code output} once completed, {@code error} and {@code tchavi.credits_refunded}
 * once failed.
 *
 * @param progress 0 to 100, where tchavi reports it (not documented)
 * @param error {@code {"message","code"}}, or a bare string
 * @param tchavi what the job cost
 * @param job the job, when an answer wraps it instead of being it (the document says the
 * create call returns "a {@code job.id}", its examples read a top-level {@code id})
 */
record TchaviJob(String id, String status, Integer progress, Output output, JsonNode error, Billing tchavi,
		TchaviJob job) {

	/** The job itself, unwrapped from {@code job} where an answer wraps it. */
	TchaviJob unwrapped() {
		return (this.id == null && this.job != null) ? this.job : this;
	}

	/**
	 * @param duration seconds of video made
	 * @param urlExpiresAt when {@code video_url} stops working: an ISO-8601 time or an
	 * epoch number
	 */
	record Output(@JsonProperty("video_url") String videoUrl, Double duration, String resolution,
			@JsonProperty("file_size_mb") Double fileSizeMb, @JsonProperty("url_expires_at") JsonNode urlExpiresAt) {
	}

	record Billing(@JsonProperty("credits_used") Double creditsUsed,
			@JsonProperty("credits_refunded") Double creditsRefunded) {
	}

}
