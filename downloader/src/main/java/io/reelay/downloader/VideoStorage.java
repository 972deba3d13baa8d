package io.reelay.downloader;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelay.downloader.transfer.ProviderTime;
import io.reelay.downloader.transfer.VideoTransfer;
import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureContext;
import io.reelay.event.PipelineEvent;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.event.StageTimings;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.kafka.UnusableRecordException;
import io.reelay.metrics.ProviderCall;
import io.reelay.metrics.ProviderCallScope;
import io.reelay.metrics.StageMetrics;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.ObjectStore;
import io.reelay.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Gets a finished video into the bucket, once, and says how its request ends. The key
 * follows from the request alone, so a download done again (a record delivered again
 * before its outcome was committed) finds the stored object and announces it as before
 * instead of downloading it twice.
 */
@Service
class VideoStorage {

	private static final Logger log = LoggerFactory.getLogger(VideoStorage.class);

	static final String CONTENT_TYPE = "video/mp4";

	private final ProviderRegistry providers;

	private final VideoTransfer transfer;

	private final ObjectStore store;

	private final ObjectKeys keys;

	private final DownloaderProperties.Presign presign;

	private final StageMetrics metrics;

	private final Clock clock;

	VideoStorage(ProviderRegistry providers, VideoTransfer transfer, ObjectStore store, ObjectKeys keys,
			DownloaderProperties properties, StageMetrics metrics, Clock clock) {
		this.providers = providers;
		this.transfer = transfer;
		this.store = store;
		this.keys = keys;
		this.presign = properties.presign();
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Stores the video, or gives up on it once retries are over.
	 * @param providerTime where the time of the provider's calls adds up
	 * @return the request's terminal event, {@link VideoStored} or {@link VideoFailed},
	 * for the caller to publish
	 * @throws UnusableRecordException when the record lacks what a download needs
	 */
	PipelineEvent store(VideoCompleted completed, ProviderTime providerTime) {
		String key = this.keys.keyFor(completed.requestId(), completed.provider(), dayOf(completed));
		StoredObject object;
		AtomicInteger running = this.metrics.jobsInFlight(completed.provider());
		running.incrementAndGet();
		try {
			// the fetcher's GETs count as download calls to the provider, a fresh URL
			// asked for as a status call
			object = ProviderCallScope.during(this.metrics, completed.provider(), ProviderCall.DOWNLOAD,
					() -> this.transfer.store(this.providers.require(completed.provider()), completed, key,
							CONTENT_TYPE, metadataOf(completed), providerTime));
		}
		catch (ReelayException ex) {
			return FailureContext.of(completed).failed(Stage.DOWNLOADER, ex, this.clock.instant());
		}
		finally {
			running.decrementAndGet();
		}
		log.info("request {}: {} holds it ({} bytes)", completed.requestId(), object.uri(), object.size());
		return stored(completed, object);
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

	/**
	 * The event for a stored object. Its store time is the one recorded with the object,
	 * so announcing it again repeats the same event; only a presigned URL is new.
	 */
	private VideoStored stored(VideoCompleted completed, StoredObject object) {
		Instant storedAt = storedAt(object);
		return new VideoStored(PipelineEvent.CURRENT_SCHEMA_VERSION, completed.requestId(), completed.provider(),
				completed.model(), completed.providerTaskId(), object.bucket(), object.key(), object.uri(),
				object.size(), object.sha256(), object.contentType(), presigned(object), completed.usage(),
				new StageTimings(completed.requestedAt(), completed.submittedAt(), completed.completedAt(), storedAt),
				completed.metadata());
	}

	private DownloadLocation presigned(StoredObject object) {
		if (!this.presign.enabled()) {
			return null;
		}
		Instant until = this.clock.instant().plus(this.presign.validFor());
		return new DownloadLocation(this.store.presignedGet(object.key(), this.presign.validFor()).toString(), until);
	}

	private Instant storedAt(StoredObject object) {
		String recorded = object.metadata().get(VideoTransfer.STORED_AT);
		if (recorded != null) {
			try {
				return Instant.parse(recorded);
			}
			catch (DateTimeParseException ex) {
				log.warn("{} has an unreadable {} metadata value '{}'", object.uri(), VideoTransfer.STORED_AT,
						recorded);
			}
		}
		return this.clock.instant();
	}

}
