package io.reelay.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.reelay.event.DownloadLocation;
import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;

/** Events as tests need them: valid by default, unique request ids. */
public final class Events {

	private Events() {
	}

	public static String newRequestId() {
		return "req-" + UUID.randomUUID();
	}

	/**
	 * A valid request for the generic provider, with a prompt that may carry a simulator
	 * marker.
	 */
	public static VideoRequested aRequest(String requestId, String prompt) {
		return VideoRequested.builder()
			.requestId(requestId)
			.provider("generic")
			.model("sim-video-1")
			.prompt(prompt)
			.duration(5)
			.resolution("720p")
			.metadata(Map.of("team", "tests"))
			.requestedAt(Instant.now())
			.build();
	}

	public static VideoRequested aRequest() {
		return aRequest(newRequestId(), "A drone flyover of a tropical beach at golden hour");
	}

	public static VideoSubmitted aSubmittedJob(String requestId, String providerTaskId, Instant deadline) {
		Instant now = Instant.now();
		return new VideoSubmitted(PipelineEvent.CURRENT_SCHEMA_VERSION, requestId, "generic", "sim-video-1",
				providerTaskId, "processing", now, now, deadline, Map.of("team", "tests"));
	}

	public static VideoCompleted aCompletedJob(String requestId, String providerTaskId, String url) {
		Instant now = Instant.now();
		return new VideoCompleted(PipelineEvent.CURRENT_SCHEMA_VERSION, requestId, "generic", "sim-video-1",
				providerTaskId, new DownloadLocation(url, null), null, now, now, now, Map.of("team", "tests"));
	}

}
