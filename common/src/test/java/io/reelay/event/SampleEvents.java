package io.reelay.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request's events as the golden files and docs/events.md show them. */
final class SampleEvents {

	static final String REQUEST_ID = "req-7f3c9a";

	static final Map<String, String> METADATA = Map.of("team", "marketing");

	static final Instant REQUESTED_AT = Instant.parse("2026-11-21T10:00:00Z");

	static final Instant SUBMITTED_AT = Instant.parse("2026-11-21T10:00:00.412Z");

	static final Instant COMPLETED_AT = Instant.parse("2026-11-21T10:01:05.030Z");

	static final Instant STORED_AT = Instant.parse("2026-11-21T10:01:06.250Z");

	static final Instant DEADLINE = Instant.parse("2026-11-21T10:30:00Z");

	private SampleEvents() {
	}

	static VideoRequested requested() {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("style", "cinematic");
		return new VideoRequested(1, REQUEST_ID, "generic", "model-id",
				"A drone flyover of a tropical beach at golden hour", 5, "1080p", 24, null, null, null, null, options,
				DEADLINE, METADATA, REQUESTED_AT);
	}

	static VideoSubmitted submitted() {
		return new VideoSubmitted(1, REQUEST_ID, "generic", "model-id", "video_abc123", "processing", REQUESTED_AT,
				SUBMITTED_AT, DEADLINE, METADATA);
	}

	static VideoCompleted completed() {
		return new VideoCompleted(1, REQUEST_ID, "generic", "model-id", "video_abc123",
				new DownloadLocation("https://api.yuhuanstudio.com/v1/temp-images/video_abc123.mp4", null), null,
				REQUESTED_AT, SUBMITTED_AT, COMPLETED_AT, METADATA);
	}

	static VideoStored stored() {
		return new VideoStored(1, REQUEST_ID, "generic", "model-id", "video_abc123", "reelay-videos",
				"videos/2026/11/21/req-7f3c9a.mp4", "s3://reelay-videos/videos/2026/11/21/req-7f3c9a.mp4", 48213,
				"9f2c5b0e4a8d7c1f3e6b2a9d8c7f1e0a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e", "video/mp4",
				new StageTimings(REQUESTED_AT, SUBMITTED_AT, COMPLETED_AT, STORED_AT), METADATA);
	}

	static VideoFailed failed() {
		return new VideoFailed(1, REQUEST_ID, Stage.POLLER, FailureCode.CONTENT_POLICY,
				"generic could not generate the video: Your prompt was flagged by our safety system", "generic",
				"model-id", "video_abc123",
				new ProviderError(null, "content_policy_violation", "Your prompt was flagged by our safety system"),
				REQUESTED_AT, COMPLETED_AT, METADATA);
	}

}
