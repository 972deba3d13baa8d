package io.reelay.downloader;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Reads {@code video.completed} and hands each record to the download pool as soon as a
 * slot is free, so a download that retries or resumes for a while never holds up the
 * others. Each record is acknowledged when its video is stored or failed; the container
 * commits offsets only up to the first record still in progress (out-of-order
 * acknowledgements), so a crash re-delivers whatever was not finished.
 */
@Component
class CompletedListener {

	private final RecordDownload download;

	private final ExecutorService downloads;

	private final Semaphore slots;

	CompletedListener(VideoStorage storage, ExecutorService downloadPool, DownloaderProperties properties,
			ConsumerRecordRecoverer failedRecordRecoverer) {
		this.download = new RecordDownload(storage::store, failedRecordRecoverer);
		this.downloads = downloadPool;
		this.slots = new Semaphore(properties.maxConcurrent());
	}

	@KafkaListener(id = "reelay-downloader", topics = "video.completed", containerFactory = "downloadContainerFactory")
	void onCompleted(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) throws InterruptedException {
		// waiting here keeps the consumer from reading further than the pool can take
		this.slots.acquire();
		try {
			this.downloads.execute(() -> {
				try {
					if (this.download.run(record)) {
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

}
