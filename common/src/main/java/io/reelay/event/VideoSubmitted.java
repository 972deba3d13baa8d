package io.reelay.event;

import java.time.Instant;
import java.util.Map;

/**
 * The provider accepted the request and is generating ({@code video.submitted}). Carries
 * what the poller needs to follow the job without looking anything up.
 *
 * @param providerStatus the provider's own status word at submission, e.g. {@code queued}
 */
public record VideoSubmitted(int schemaVersion, String requestId, String provider, String model, String providerTaskId,
		String providerStatus, Instant requestedAt, Instant submittedAt, Instant deadline,
		Map<String, String> metadata) implements PipelineEvent {

	public VideoSubmitted {
		schemaVersion = EventDefaults.schemaVersion(schemaVersion);
		metadata = EventDefaults.copy(metadata);
	}

	@Override
	public EventType type() {
		return EventType.SUBMITTED;
	}

}
