package io.reelay.event;

import java.util.Map;

/**
 * Terminal success ({@code video.stored}): the video is in Reelay's bucket, verified.
 *
 * @param uri {@code s3://bucket/key}
 * @param size bytes stored
 * @param sha256 lowercase hex SHA-256 of the stored bytes
 * @param download a presigned GET URL of the object and when it stops working, when the
 * downloader is configured to sign one ({@code reelay.downloader.presign.enabled}); null
 * otherwise
 * @param usage what the video cost, where the provider reports or documents it
 */
public record VideoStored(int schemaVersion, String requestId, String provider, String model, String providerTaskId,
		String bucket, String key, String uri, long size, String sha256, String contentType, DownloadLocation download,
		Usage usage, StageTimings timings, Map<String, String> metadata) implements PipelineEvent {

	public VideoStored {
		schemaVersion = EventDefaults.schemaVersion(schemaVersion);
		metadata = EventDefaults.copy(metadata);
	}

	@Override
	public EventType type() {
		return EventType.STORED;
	}

}
