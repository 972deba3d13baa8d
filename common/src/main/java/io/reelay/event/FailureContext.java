package io.reelay.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What is known about a request at the moment it fails: enough to publish a
 * {@link VideoFailed} that echoes the request's metadata and keeps the provider's task
 * id.
 */
public record FailureContext(String requestId, String provider, String model, String providerTaskId,
		Instant requestedAt, Map<String, String> metadata) {

	public FailureContext {
		metadata = EventDefaults.copy(metadata);
	}

	public static FailureContext of(VideoRequested request) {
		return new FailureContext(request.requestId(), request.provider(), request.model(), null, request.requestedAt(),
				request.metadata());
	}

	public static FailureContext of(VideoSubmitted submitted) {
		return new FailureContext(submitted.requestId(), submitted.provider(), submitted.model(),
				submitted.providerTaskId(), submitted.requestedAt(), submitted.metadata());
	}

	public static FailureContext of(VideoCompleted completed) {
		return new FailureContext(completed.requestId(), completed.provider(), completed.model(),
				completed.providerTaskId(), completed.requestedAt(), completed.metadata());
	}

	/**
	 * Whatever can be recovered from a record a stage could not read as its event: the
	 * key is the request id, and the value may still be JSON with some of the usual
	 * fields.
	 */
	public static FailureContext ofRecord(String key, byte[] value) {
		JsonNode json = null;
		if (value != null) {
			try {
				json = EventJson.mapper().readTree(value);
			}
			catch (JacksonException notJson) {
				// nothing more to recover than the key
			}
		}
		if (json == null || !json.isObject()) {
			return new FailureContext(key, null, null, null, null, Map.of());
		}
		String requestId = (key != null) ? key : text(json, "requestId");
		return new FailureContext(requestId, text(json, "provider"), text(json, "model"), text(json, "providerTaskId"),
				instant(json), metadata(json));
	}

	public VideoFailed failed(Stage stage, FailureCode code, String message, ProviderError providerError,
			Instant failedAt) {
		return failed(stage, code, message, providerError, null, failedAt);
	}

	public VideoFailed failed(Stage stage, FailureCode code, String message, ProviderError providerError, Usage usage,
			Instant failedAt) {
		return new VideoFailed(PipelineEvent.CURRENT_SCHEMA_VERSION, this.requestId, stage, code, message,
				this.provider, this.model, this.providerTaskId, providerError, usage, this.requestedAt, failedAt,
				this.metadata);
	}

	public VideoFailed failed(Stage stage, ReelayException failure, Instant failedAt) {
		return failed(stage, failure.code(), failure.getMessage(), failure.providerError(), failedAt);
	}

	private static String text(JsonNode json, String field) {
		JsonNode node = json.get(field);
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static Instant instant(JsonNode json) {
		String text = text(json, "requestedAt");
		try {
			return (text != null) ? Instant.parse(text) : null;
		}
		catch (java.time.format.DateTimeParseException unreadable) {
			return null;
		}
	}

	private static Map<String, String> metadata(JsonNode json) {
		Map<String, String> metadata = new LinkedHashMap<>();
		JsonNode node = json.path("metadata");
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				if (entry.getValue().isString()) {
					metadata.put(entry.getKey(), entry.getValue().asString());
				}
			});
		}
		return metadata;
	}

}
