package io.reelay.provider.generic;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A task as the generic API returns it from create and status calls.
 *
 * @param error a string or an object, depending on the gateway
 * @param progress 0 to 100 on gateways that report it
 */
record GenericTask(String id, String status, @JsonProperty("video_url") String videoUrl, JsonNode error,
		Integer progress) {

}
