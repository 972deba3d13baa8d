package io.reelay.downloader.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.reelay.downloader.DownloaderProperties;
import io.reelay.downloader.fetch.FetchResponse;
import io.reelay.downloader.fetch.VideoFetcher;
import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;
import io.reelay.event.VideoCompleted;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;
import io.reelay.storage.ObjectStore;
import io.reelay.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Gets one finished video from its provider into the bucket: retries what may pass with
 * backoff and jitter, resumes broken bodies, asks the provider for a fresh URL when the
 * one it gave expired, and stores nothing that is not a complete MP4.
 */
public final class VideoTransfer {

	/** Object metadata recorded when the content is complete: when that was. */
	public static final String STORED_AT = "stored-at";

	private static final Logger log = LoggerFactory.getLogger(VideoTransfer.class);

	private final VideoFetcher fetcher;

	private final ObjectStore store;

	private final DownloaderProperties.Retry retry;

	private final PartStreamer streamer;

	private final long maxSize;

	private final Clock clock;

	private final Waits waits;

	public VideoTransfer(VideoFetcher fetcher, ObjectStore store, DownloaderProperties properties, Clock clock,
			Waits waits) {
		this.fetcher = fetcher;
		this.store = store;
		this.retry = properties.retry();
		this.maxSize = properties.maxSize().toBytes();
		this.streamer = new PartStreamer(store, this.maxSize);
		this.clock = clock;
		this.waits = waits;
	}

	/**
	 * Stores the video at {@code key}, unless a complete object is there already (a
	 * redelivered record), which is then returned as it is. A bucket that cannot be read
	 * is retried like a download.
	 * @param metadata object metadata known before the download
	 * @param providerTime where the time of the provider's calls adds up
	 * @throws ReelayException when the video cannot be stored; retries are over by then
	 */
	public StoredObject store(VideoProvider provider, VideoCompleted completed, String key, String contentType,
			Map<String, String> metadata, ProviderTime providerTime) {
		Instant notReadyUntil = ((completed.completedAt() != null) ? completed.completedAt() : this.clock.instant())
			.plus(this.retry.notReadyWindow());
		VideoCompleted current = completed;
		boolean refresh = expired(current.download());
		boolean refreshed = false;
		BackOffExecution backOff = backOff().start();
		for (int attempt = 1;; attempt++) {
			try {
				Optional<StoredObject> stored = this.store.find(key);
				if (stored.isPresent()) {
					log.info("request {}: already stored as {}, announcing it again", completed.requestId(),
							stored.get().uri());
					return stored.get();
				}
				if (refresh) {
					current = refreshed(provider, current, providerTime);
					refresh = false;
					refreshed = true;
				}
				return attempt(provider.download(current), key, contentType, metadata, notReadyUntil, providerTime);
			}
			catch (DownloadFailure failure) {
				if (failure.next() == DownloadFailure.Next.REFRESH_URL && !refreshed) {
					log.info("request {}: {}; asking {} for a fresh URL", completed.requestId(), failure.getMessage(),
							provider.name());
					refresh = true;
					continue;
				}
				waitOrGiveUp(completed, failure, attempt, backOff);
			}
			catch (ReelayException failure) {
				waitOrGiveUp(completed, failure, attempt, backOff);
			}
		}
	}

	private void waitOrGiveUp(VideoCompleted completed, ReelayException failure, int attempt,
			BackOffExecution backOff) {
		if (DownloadAbandoned.causedByInterrupt(failure)) {
			throw new DownloadAbandoned(failure);
		}
		long wait = backOff.nextBackOff();
		if (!failure.retryable()) {
			throw failure;
		}
		if (attempt >= this.retry.maxAttempts() || wait == BackOffExecution.STOP) {
			throw new ReelayException(failure.code(),
					failure.getMessage() + " (gave up after " + attempt + " attempts)", failure);
		}
		Duration pause = Duration.ofMillis(wait);
		if (failure.retryAfter() != null && failure.retryAfter().compareTo(pause) > 0) {
			pause = failure.retryAfter().compareTo(this.retry.maxWait()) > 0 ? this.retry.maxWait()
					: failure.retryAfter();
		}
		log.info("request {}: attempt {} failed ({}), trying again in {} ms", completed.requestId(), attempt,
				failure.getMessage(), pause.toMillis());
		this.waits.pause(pause);
	}

	private StoredObject attempt(DownloadRequest request, String key, String contentType, Map<String, String> metadata,
			Instant notReadyUntil, ProviderTime providerTime) {
		String where = request.uri().getHost();
		FetchResponse response;
		long start = System.nanoTime();
		try {
			response = this.fetcher.get(request.uri(), request.headers(), -1, null);
		}
		catch (IOException ex) {
			throw DownloadFailure.retry("could not fetch the video from " + where + ": " + ex.getMessage(), null, ex);
		}
		finally {
			providerTime.addSince(start);
		}
		ResumableBody body = new ResumableBody(this.fetcher, request, response, this.retry.maxResumes(), this.waits,
				providerTime);
		try (body) {
			Answers.requireVideo(response, this.clock.instant().isBefore(notReadyUntil), where);
			if (response.contentLength() > this.maxSize) {
				throw DownloadFailure.giveUp(FailureCode.INVALID_CONTENT, "the video is " + response.contentLength()
						+ " bytes, larger than reelay.downloader.max-size (" + this.maxSize + " bytes)");
			}
			InputStream mp4 = Mp4Signature.verified(body);
			StoredObject stored = this.streamer.upload(mp4, response.contentLength(), key, contentType, metadata,
					Map.of(STORED_AT, this.clock.instant().toString()));
			if (body.resumes() > 0) {
				log.info("{}: stored after resuming the download {} times", key, body.resumes());
			}
			return stored;
		}
		catch (IOException ex) {
			throw DownloadFailure.retry(
					"the download from " + where + " broke off after " + body.position() + " bytes: " + ex.getMessage(),
					null, ex);
		}
	}

	/** The provider's answer for the job now: providers sign a new URL on each call. */
	private VideoCompleted refreshed(VideoProvider provider, VideoCompleted completed, ProviderTime providerTime) {
		TaskStatus status;
		long start = System.nanoTime();
		try {
			status = provider.status(completed.providerTaskId());
		}
		finally {
			providerTime.addSince(start);
		}
		if (!(status instanceof TaskStatus.Succeeded) || ((TaskStatus.Succeeded) status).download() == null) {
			throw DownloadFailure.giveUp(FailureCode.NOT_FOUND, "the download URL no longer works and "
					+ provider.name() + " offers no other (the job is now '" + status.providerStatus() + "')");
		}
		DownloadLocation fresh = ((TaskStatus.Succeeded) status).download();
		return new VideoCompleted(completed.schemaVersion(), completed.requestId(), completed.provider(),
				completed.model(), completed.providerTaskId(), fresh, completed.usage(), completed.requestedAt(),
				completed.submittedAt(), completed.completedAt(), completed.metadata());
	}

	private boolean expired(DownloadLocation download) {
		return download != null && download.expiresAt() != null && !this.clock.instant().isBefore(download.expiresAt());
	}

	private BackOff backOff() {
		long first = this.retry.firstWait().toMillis();
		ExponentialBackOff backOff = new ExponentialBackOff(first, 2.0);
		backOff.setMaxInterval(Math.max(first, this.retry.maxWait().toMillis()));
		backOff.setJitter(first / 2);
		backOff.setMaxAttempts(Math.max(0, this.retry.maxAttempts() - 1));
		return backOff;
	}

}
