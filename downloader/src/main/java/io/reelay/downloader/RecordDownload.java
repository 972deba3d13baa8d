package io.reelay.downloader;

import java.util.function.Consumer;

import io.reelay.downloader.transfer.DownloadAbandoned;
import io.reelay.event.EventJson;
import io.reelay.event.VideoCompleted;
import io.reelay.kafka.UnusableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * One {@code video.completed} record through the downloader, ended whatever happens: a
 * record that cannot be read, a fault in Reelay, even an error such as running out of
 * memory, ends the request with {@code video.failed} and a dead letter, so no record is
 * acknowledged without a terminal event.
 */
final class RecordDownload {

	private static final Logger log = LoggerFactory.getLogger(RecordDownload.class);

	private final Consumer<VideoCompleted> storage;

	private final ConsumerRecordRecoverer failedRecordRecoverer;

	RecordDownload(Consumer<VideoCompleted> storage, ConsumerRecordRecoverer failedRecordRecoverer) {
		this.storage = storage;
		this.failedRecordRecoverer = failedRecordRecoverer;
	}

	/**
	 * @return false when the download was abandoned because the downloader is stopping:
	 * the record must then not be acknowledged
	 */
	boolean run(ConsumerRecord<String, byte[]> record) {
		try {
			this.storage.accept(read(record));
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
