package io.reelay.provider.aimlapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A generation as {@code /v2/video/generations} returns it, from the create call (only
 * {@code id} and {@code status}) and from polls.
 *
 * @param status {@code queued}, {@code generating}, {@code completed} or {@code error}
 * @param video set once completed
 * @param error {@code {name, message}} when the status is {@code error}; the poll schema
 * leaves its shape open
 * @param meta what the generation cost
 */
record AimlapiGeneration(String id, String status, Video video, JsonNode error, Meta meta) {

	/**
	 * @param url where the finished video is served
	 */
	record Video(String url, Double duration) {

	}

	record Meta(Usage usage) {

	}

	/**
	 * @param creditsUsed credits charged, as the create schema names them
	 * @param tokensUsed the same figure under the poll schema's older name
	 */
	record Usage(@JsonProperty("credits_used") Double creditsUsed, @JsonProperty("tokens_used") Double tokensUsed) {

		Double credits() {
			return (this.creditsUsed != null) ? this.creditsUsed : this.tokensUsed;
		}

	}

}
