package io.reelay.downloader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import io.reelay.event.EventJson;
import io.reelay.event.VideoCompleted;
import io.reelay.kafka.UnusableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

/**
 * Reads {@code video.completed} in batches of up to {@code max-concurrent} records and
 * downloads them at once, in the bounded download pool; the offsets are committed when
 * the whole batch is stored or failed. A record that cannot be used, or that fails in a
 * way Reelay did not foresee, is dead-lettered on its own and the rest of its batch goes
 * on.
 */
@Component
class CompletedListener {

	private final VideoStorage storage;

	private final ExecutorService downloads;

	private final ConsumerRecordRecoverer failedRecordRecoverer;

	CompletedListener(VideoStorage storage, ExecutorService downloadPool,
			ConsumerRecordRecoverer failedRecordRecoverer) {
		this.storage = storage;
		this.downloads = downloadPool;
		this.failedRecordRecoverer = failedRecordRecoverer;
	}

	@KafkaListener(id = "reelay-downloader", topics = "video.completed", containerFactory = "downloadContainerFactory",
			batch = "true")
	void onCompleted(List<ConsumerRecord<String, byte[]>> records) {
		List<CompletableFuture<Void>> running = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			running.add(CompletableFuture.runAsync(() -> handle(record), this.downloads));
		}
		CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
	}

	private void handle(ConsumerRecord<String, byte[]> record) {
		try {
			this.storage.store(read(record));
		}
		catch (RuntimeException ex) {
			this.failedRecordRecoverer.accept(record, ex);
		}
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
