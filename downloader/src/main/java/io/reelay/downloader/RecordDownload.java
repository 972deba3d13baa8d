package io.reelay.downloader;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import io.reelay.downloader.transfer.DownloadAbandoned;
import io.reelay.downloader.transfer.ProviderTime;
import io.reelay.event.EventJson;
import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.FailedRecords;
import io.reelay.kafka.UnusableRecordException;
import io.reelay.kafka.WorkTiming;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code video.completed} record through the downloader, ended whatever happens: a
 * record that cannot be read, a fault in Reelay, even an error such as running out of
 * memory, ends the request with {@code video.failed} (and a dead letter), so no record is
 * committed without a terminal event. Nothing is sent here: the outcome goes back to the
 * consumer, which publishes it in a transaction with the record's offset.
 */
final class RecordDownload {

	private static final Logger log = LoggerFactory.getLogger(RecordDownload.class);

	private final BiFunction<VideoCompleted, ProviderTime, PipelineEvent> storage;

	private final FailedRecords failedRecords;

	private final EventPublisher events;

	private final Clock clock;

	RecordDownload(BiFunction<VideoCompleted, ProviderTime, PipelineEvent> storage, FailedRecords failedRecords,
			EventPublisher events, Clock clock) {
		this.storage = storage;
		this.failedRecords = failedRecords;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param takenAt when the record was handed to the download pool: its terminal
	 * event's {@link WorkTiming} starts there
	 * @return how the record's request ends, or null when the download was abandoned
	 * because the downloader is stopping or gave up the record's partition: nothing is
	 * published then, and the record is delivered again
	 */
	DownloadOutcome run(ConsumerRecord<String, byte[]> record, Instant takenAt) {
		ProviderTime providerTime = new ProviderTime();
		try {
			PipelineEvent ending = this.storage.apply(read(record), providerTime);
			ProducerRecord<String, Object> out = this.events.recordOf(ending);
			new WorkTiming(takenAt, providerTime.total()).writeTo(out.headers());
			return new DownloadOutcome(List.of(out), entry(record, ending));
		}
		catch (DownloadAbandoned ex) {
			log.info("request {}: download stopped; the record is delivered again", record.key());
			return null;
		}
		catch (RuntimeException ex) {
			return failed(record, ex, new WorkTiming(takenAt, providerTime.total()));
		}
		catch (Error ex) {
			log.error("request {}: the download failed with {}", record.key(), ex.toString(), ex);
			// not the cause: video.failed quotes the innermost cause, and should say what
			// to change
			IllegalStateException failure = new IllegalStateException("the downloader failed with " + ex
					+ "; see reelay.downloader.max-concurrent and reelay.storage.part-size for the memory "
					+ "downloads need");
			failure.addSuppressed(ex);
			return failed(record, failure, new WorkTiming(takenAt, providerTime.total()));
		}
	}

	/**
	 * The dead letter, if any, stays a copy of the record: only video.failed is timed.
	 */
	private DownloadOutcome failed(ConsumerRecord<String, byte[]> record, Exception ex, WorkTiming timing) {
		List<ProducerRecord<String, Object>> out = this.failedRecords.outcome(record, ex);
		ProducerRecord<String, Object> failed = out.stream()
			.filter((candidate) -> candidate.value() instanceof VideoFailed)
			.findFirst()
			.orElse(null);
		if (failed == null) {
			return new DownloadOutcome(out, null);
		}
		timing.writeTo(failed.headers());
		return new DownloadOutcome(out, entry(record, (PipelineEvent) failed.value()));
	}

	/**
	 * Keyed like the record, so a copy of it finds the entry: a record's key is its
	 * request id.
	 */
	private LedgerEntry entry(ConsumerRecord<String, byte[]> record, PipelineEvent ending) {
		String requestId = (record.key() != null) ? record.key() : ending.requestId();
		if (requestId == null) {
			return null;
		}
		if (ending instanceof VideoStored stored) {
			return LedgerEntry.finished(requestId, RequestState.STORED, stored.provider(), stored.providerTaskId(),
					this.clock.instant());
		}
		VideoFailed failed = (VideoFailed) ending;
		return LedgerEntry.finished(requestId, RequestState.FAILED, failed.provider(), failed.providerTaskId(),
				this.clock.instant());
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
