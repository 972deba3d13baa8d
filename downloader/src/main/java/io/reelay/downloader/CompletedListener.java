package io.reelay.downloader;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import io.reelay.downloader.transfer.DownloadAbandoned;
import io.reelay.event.EventJson;
import io.reelay.event.VideoCompleted;
import io.reelay.kafka.UnusableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Reads {@code video.completed} and hands each record to the download pool as soon as a
 * slot is free, so a download that retries or resumes for a while never holds up the
 * others. Each record is acknowledged when its video is stored or failed; the container
 * commits offsets only up to the first record still in progress (out-of-order
 * acknowledgements), so a crash re-delivers whatever was not finished. A record that
 * cannot be used, or that fails in a way Reelay did not foresee, is dead-lettered on its
 * own.
 */
@Component
class CompletedListener {

	private static final Logger log = LoggerFactory.getLogger(CompletedListener.class);

	private final VideoStorage storage;

	private final ExecutorService downloads;

	private final Semaphore slots;

	private final ConsumerRecordRecoverer failedRecordRecoverer;

	CompletedListener(VideoStorage storage, ExecutorService downloadPool, DownloaderProperties properties,
			ConsumerRecordRecoverer failedRecordRecoverer) {
		this.storage = storage;
		this.downloads = downloadPool;
		this.slots = new Semaphore(properties.maxConcurrent());
		this.failedRecordRecoverer = failedRecordRecoverer;
	}

	@KafkaListener(id = "reelay-downloader", topics = "video.completed", containerFactory = "downloadContainerFactory")
	void onCompleted(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) throws InterruptedException {
		// waiting here keeps the consumer from reading further than the pool can take
		this.slots.acquire();
		try {
			this.downloads.execute(() -> {
				try {
					if (handle(record)) {
						acknowledgment.acknowledge();
					}
				}
				finally {
					this.slots.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.slots.release();
			throw ex;
		}
	}

	/**
	 * Ends the request whatever happens: an error (out of memory, say) must not kill the
	 * download thread silently and leave an acknowledged record without a terminal event.
	 * @return false when the download was abandoned because the downloader is stopping
	 */
	private boolean handle(ConsumerRecord<String, byte[]> record) {
		try {
			this.storage.store(read(record));
		}
		catch (DownloadAbandoned ex) {
			log.info("request {}: download stopped with the downloader; it is delivered again", record.key());
			return false;
		}
		catch (RuntimeException ex) {
			this.failedRecordRecoverer.accept(record, ex);
		}
		catch (Error ex) {
			log.error("request {}: the download failed with {}", record.key(), ex.toString(), ex);
			this.failedRecordRecoverer.accept(record,
					new IllegalStateException(
							"the downloader failed with " + ex + "; see reelay.downloader.max-concurrent and "
									+ "reelay.storage.part-size for the memory downloads need",
							ex));
		}
		return true;
	}

	private static VideoCompleted read(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new UnusableRecordException("the video.completed record has no value");
		}
		try {
			return EventJson.read(record.value(), VideoCompleted.class);
		}
		catch (RuntimeException ex) {
			throw new UnusableRecordException("the video.completed record is not a readable event: " + ex.getMessage(),
					ex);
		}
	}

}
