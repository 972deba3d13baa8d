package io.reelay.provider.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A video job as the Videos API returns it from create and status calls.
 *
 * @param id the job id; APIYI sends the same value as {@code task_id} too
 * @param taskId the id APIYI asks clients to use
 * @param progress coarse: 0, 50 or 100 on APIYI
 * @param seconds length of the video, a string on OpenAI ({@code "8"})
 * @param expiresAt when the content stops being served, epoch seconds
 * @param error {@code {"code","message"}}; often missing on APIYI failures
 */
record OpenAiVideo(String id, @JsonProperty("task_id") String taskId, String model, String status, Integer progress,
		JsonNode seconds, @JsonProperty("expires_at") JsonNode expiresAt, JsonNode error) {

	/** {@code task_id} as APIYI advises, {@code id} where only that is sent. */
	String jobId() {
		return (this.taskId != null && !this.taskId.isBlank()) ? this.taskId : this.id;
	}

}
