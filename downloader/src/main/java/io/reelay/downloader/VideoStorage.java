package io.reelay.downloader;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.reelay.downloader.VideoFetcher.FetchedVideo;
import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.PipelineEvent;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.event.StageTimings;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoStored;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.UnusableRecordException;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.ObjectStore;
import io.reelay.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Gets a finished video into the bucket, once. The key follows from the request alone, so
 * a redelivered {@code video.completed} finds the stored object and announces it again
 * instead of downloading it twice.
 */
@Service
class VideoStorage {

	private static final Logger log = LoggerFactory.getLogger(VideoStorage.class);

	static final String CONTENT_TYPE = "video/mp4";

	private final ProviderRegistry providers;

	private final VideoFetcher fetcher;

	private final ObjectStore store;

	private final ObjectKeys keys;

	private final EventPublisher events;

	private final Clock clock;

	VideoStorage(ProviderRegistry providers, VideoFetcher fetcher, ObjectStore store, ObjectKeys keys,
			EventPublisher events, Clock clock) {
		this.providers = providers;
		this.fetcher = fetcher;
		this.store = store;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
	}

	void store(VideoCompleted completed) {
		String key = this.keys.keyFor(completed.requestId(), completed.provider(), dayOf(completed));
		Optional<StoredObject> existing = this.store.find(key);
		if (existing.isPresent()) {
			log.info("request {}: already stored as {}, announcing it again", completed.requestId(),
					existing.get().uri());
			this.events.publish(stored(completed, existing.get()));
			return;
		}
		StoredObject object;
		try {
			object = download(completed, key);
		}
		catch (ReelayException ex) {
			if (ex.retryable()) {
				throw ex;
			}
			this.events.publish(FailureContext.of(completed).failed(Stage.DOWNLOADER, ex, this.clock.instant()));
			return;
		}
		log.info("request {}: stored {} ({} bytes)", completed.requestId(), object.uri(), object.size());
		this.events.publish(stored(completed, object));
	}

	/**
	 * The time the key's date comes from, once the record proved complete enough to
	 * store: the poller always writes these fields, a hand-made record may not.
	 */
	private static Instant dayOf(VideoCompleted completed) {
		if (completed.requestId() == null || completed.requestId().isBlank() || completed.provider() == null) {
			throw new UnusableRecordException("the video.completed record has no requestId or provider");
		}
		if (completed.download() == null || completed.download().url() == null) {
			throw new UnusableRecordException("the video.completed record names no download.url");
		}
		if (completed.requestedAt() != null) {
			return completed.requestedAt();
		}
		if (completed.completedAt() != null) {
			return completed.completedAt();
		}
		throw new UnusableRecordException("the video.completed record has neither requestedAt nor completedAt");
	}

	private StoredObject download(VideoCompleted completed, String key) {
		try (FetchedVideo video = this.fetcher.open(this.providers.require(completed.provider()).download(completed))) {
			InputStream mp4 = Mp4Signature.verified(video.body());
			return this.store.put(key, mp4, video.contentLength(), CONTENT_TYPE, metadataOf(completed));
		}
		catch (ReelayException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ReelayException(FailureCode.DOWNLOAD_FAILED,
					"the download of the video broke off: " + ex.getMessage(), ex);
		}
	}

	private static Map<String, String> metadataOf(VideoCompleted completed) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("request-id", completed.requestId());
		metadata.put("provider", completed.provider());
		if (completed.model() != null) {
			metadata.put("model", completed.model());
		}
		if (completed.providerTaskId() != null) {
			metadata.put("provider-task-id", completed.providerTaskId());
		}
		return metadata;
	}

	private VideoStored stored(VideoCompleted completed, StoredObject object) {
		return new VideoStored(PipelineEvent.CURRENT_SCHEMA_VERSION, completed.requestId(), completed.provider(),
				completed.model(), completed.providerTaskId(), object.bucket(), object.key(), object.uri(),
				object.size(), object.sha256(), object.contentType(), completed.usage(),
				new StageTimings(completed.requestedAt(), completed.submittedAt(), completed.completedAt(),
						this.clock.instant()),
				completed.metadata());
	}

}
