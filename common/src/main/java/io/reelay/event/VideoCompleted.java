package io.reelay.event;

import java.time.Instant;
import java.util.Map;

/**
 * The provider says the video is ready to fetch ({@code video.completed}).
 *
 * @param download how to fetch the video
 * @param usage cost as reported by the provider, if it reports one
 */
public record VideoCompleted(int schemaVersion, String requestId, String provider, String model, String providerTaskId,
		DownloadLocation download, Usage usage, Instant requestedAt, Instant submittedAt, Instant completedAt,
		Map<String, String> metadata) implements PipelineEvent {

	public VideoCompleted {
		schemaVersion = EventDefaults.schemaVersion(schemaVersion);
		metadata = EventDefaults.copy(metadata);
	}

	@Override
	public EventType type() {
		return EventType.COMPLETED;
	}

}
