package io.reelay.event;

import java.time.Instant;
import java.util.Map;

/**
 * A backend asked for a video ({@code video.requests}). Only {@code requestId},
 * {@code provider} and {@code model} are needed by every provider; the provider decides
 * which of the optional fields it accepts. {@code metadata} is echoed into every later
 * event.
 *
 * @param duration seconds of video
 * @param image first frame: an http(s) URL or a {@code data:} URL
 * @param providerOptions provider-only fields, passed to the provider's API as they are
 * @param deadline when Reelay gives up on the request; a per-provider default when absent
 */
public record VideoRequested(int schemaVersion, String requestId, String provider, String model, String prompt,
		Integer duration, String resolution, Integer fps, String aspectRatio, Long seed, String negativePrompt,
		String image, Map<String, Object> providerOptions, Instant deadline, Map<String, String> metadata,
		Instant requestedAt) implements PipelineEvent {

	public VideoRequested {
		schemaVersion = EventDefaults.schemaVersion(schemaVersion);
		providerOptions = EventDefaults.copy(providerOptions);
		metadata = EventDefaults.copy(metadata);
	}

	@Override
	public EventType type() {
		return EventType.REQUESTED;
	}

	public VideoRequested withRequestedAt(Instant requestedAt) {
		return new VideoRequested(this.schemaVersion, this.requestId, this.provider, this.model, this.prompt,
				this.duration, this.resolution, this.fps, this.aspectRatio, this.seed, this.negativePrompt, this.image,
				this.providerOptions, this.deadline, this.metadata, requestedAt);
	}

	public VideoRequested withRequestId(String requestId) {
		return new VideoRequested(this.schemaVersion, requestId, this.provider, this.model, this.prompt, this.duration,
				this.resolution, this.fps, this.aspectRatio, this.seed, this.negativePrompt, this.image,
				this.providerOptions, this.deadline, this.metadata, this.requestedAt);
	}

}
