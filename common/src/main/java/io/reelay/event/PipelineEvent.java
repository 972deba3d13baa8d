package io.reelay.event;

import java.util.Map;

/**
 * An event on one of Reelay's public topics. Every event is keyed by its request id so
 * that all events of one request land on the same partition, in order.
 */
public sealed interface PipelineEvent permits VideoRequested, VideoSubmitted, VideoCompleted, VideoStored, VideoFailed {

	/** Version of the JSON shape; only optional fields are added within one version. */
	int CURRENT_SCHEMA_VERSION = 1;

	int schemaVersion();

	String requestId();

	Map<String, String> metadata();

	EventType type();

}
