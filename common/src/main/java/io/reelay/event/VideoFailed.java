package io.reelay.event;

import java.time.Instant;
import java.util.Map;

/**
 * Terminal failure ({@code video.failed}) from any stage.
 *
 * @param message what went wrong, for a person
 * @param providerTaskId the provider's job id when the provider has one, so an operator
 * can still fetch a paid video by hand
 * @param providerError what the provider itself answered, if it answered
 * @param usage what the attempt cost (or was refunded), where the provider says
 */
public record VideoFailed(int schemaVersion, String requestId, Stage stage, FailureCode code, String message,
		String provider, String model, String providerTaskId, ProviderError providerError, Usage usage,
		Instant requestedAt, Instant failedAt, Map<String, String> metadata) implements PipelineEvent {

	public VideoFailed {
		schemaVersion = EventDefaults.schemaVersion(schemaVersion);
		metadata = EventDefaults.copy(metadata);
	}

	@Override
	public EventType type() {
		return EventType.FAILED;
	}

}
