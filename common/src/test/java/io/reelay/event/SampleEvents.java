package io.reelay.event;

import java.time.Instant;
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

	static final Instant URL_EXPIRES_AT = Instant.parse("2026-11-21T11:01:05Z");

	static final Usage USAGE = new Usage(1300.0, null, null, 5.0, Usage.Source.REPORTED);

	private SampleEvents() {
	}

	static VideoRequested requested() {
		return VideoRequested.builder()
			.requestId(REQUEST_ID)
			.provider("tchavi")
			.model("seedance-2")
			.prompt("A cinematic shot of the Cotonou Amazone statue at golden hour")
			.duration(5)
			.resolution("480p")
			.aspectRatio("9:16")
			.image("https://cdn.example.com/frames/amazone.png")
			.generateAudio(true)
			.deadline(DEADLINE)
			.metadata(METADATA)
			.requestedAt(REQUESTED_AT)
			.build();
	}

	static VideoSubmitted submitted() {
		return new VideoSubmitted(1, REQUEST_ID, "tchavi", "seedance-2", "job_8c1d2e", "processing", REQUESTED_AT,
				SUBMITTED_AT, DEADLINE, METADATA);
	}

	static VideoCompleted completed() {
		return new VideoCompleted(1, REQUEST_ID, "tchavi", "seedance-2", "job_8c1d2e",
				new DownloadLocation("https://cdn.tchavi.com/outputs/job_8c1d2e.mp4", URL_EXPIRES_AT), USAGE,
				REQUESTED_AT, SUBMITTED_AT, COMPLETED_AT, METADATA);
	}

	static final String PRESIGNED_URL = "https://s3.example.com/reelay-videos/videos/2026/11/21/req-7f3c9a.mp4"
			+ "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=5d1e";

	static final Instant PRESIGNED_UNTIL = Instant.parse("2026-11-22T10:01:06Z");

	static VideoStored stored() {
		return new VideoStored(1, REQUEST_ID, "tchavi", "seedance-2", "job_8c1d2e", "reelay-videos",
				"videos/2026/11/21/req-7f3c9a.mp4", "s3://reelay-videos/videos/2026/11/21/req-7f3c9a.mp4", 48213,
				"9f2c5b0e4a8d7c1f3e6b2a9d8c7f1e0a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e", "video/mp4",
				new DownloadLocation(PRESIGNED_URL, PRESIGNED_UNTIL), USAGE,
				new StageTimings(REQUESTED_AT, SUBMITTED_AT, COMPLETED_AT, STORED_AT), METADATA);
	}

	static VideoFailed failed() {
		return new VideoFailed(1, REQUEST_ID, Stage.POLLER, FailureCode.CONTENT_POLICY,
				"tchavi could not generate the video: The prompt was flagged by content moderation", "tchavi",
				"seedance-2", "job_8c1d2e",
				new ProviderError(null, "content_policy_violation", "The prompt was flagged by content moderation"),
				new Usage(1300.0, 1300.0, null, 5.0, Usage.Source.REPORTED), REQUESTED_AT, COMPLETED_AT, METADATA);
	}

}
