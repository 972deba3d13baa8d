package io.reelay.poller;

import java.time.Clock;
import java.time.Instant;

import io.reelay.event.FailureContext;
import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.FailedRecords;
import io.reelay.kafka.WorkTiming;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import io.reelay.ledger.RequestState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.stereotype.Component;

/**
 * How the poller ends a request, at most once: every terminal event it publishes goes
 * with a ledger entry in the same transaction, and a request the ledger says it ended is
 * not followed any further.
 */
@Component
class RequestEndings {

	private final EventPublisher events;

	private final FailedRecords failedRecords;

	private final RequestLedger ledger;

	private final Clock clock;

	RequestEndings(EventPublisher events, FailedRecords failedRecords, RequestLedger ledger, Clock clock) {
		this.events = events;
		this.failedRecords = failedRecords;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Whether the poller already completed or failed the request. */
	boolean ended(String requestId) {
		return this.ledger.find(requestId).map((entry) -> isEnding(entry.state())).orElse(false);
	}

	/** Whether the poller already ended the record's request. */
	boolean ended(ConsumerRecord<String, byte[]> record) {
		String requestId = requestIdOf(record);
		return requestId != null && ended(requestId);
	}

	/**
	 * The request's {@code video.completed} or {@code video.failed}, with its entry.
	 * @param timing of the status check that ended it
	 */
	void end(PipelineEvent terminal, WorkTiming timing, BatchOutput out) {
		ProducerRecord<String, Object> record = this.events.recordOf(terminal);
		timing.writeTo(record.headers());
		out.add(record);
		Instant now = this.clock.instant();
		if (terminal instanceof VideoCompleted completed) {
			remember(LedgerEntry.finished(completed.requestId(), RequestState.COMPLETED, completed.provider(),
					completed.providerTaskId(), now), out);
		}
		else if (terminal instanceof VideoFailed failed) {
			remember(failedEntry(failed, now), out);
		}
	}

	/**
	 * The record's dead letter when it is at fault, and its request's
	 * {@code video.failed} with its entry when the request id is known.
	 * @param timing of the step that failed it, for the {@code video.failed}; the dead
	 * letter stays a copy of the record
	 */
	void fail(ConsumerRecord<String, byte[]> record, RuntimeException ex, WorkTiming timing, BatchOutput out) {
		Instant now = this.clock.instant();
		for (ProducerRecord<String, Object> failure : this.failedRecords.outcome(record, ex)) {
			if (failure.value() instanceof VideoFailed failed) {
				timing.writeTo(failure.headers());
				out.add(failure);
				remember(failedEntry(failed, now), out);
			}
			else {
				out.add(failure);
			}
		}
	}

	/**
	 * The request a record is about: its key, as every stage writes it, else the request
	 * id in its value, if any.
	 */
	static String requestIdOf(ConsumerRecord<String, byte[]> record) {
		if (record.key() != null && !record.key().isBlank()) {
			return record.key();
		}
		return FailureContext.ofRecord(null, record.value()).requestId();
	}

	private void remember(LedgerEntry entry, BatchOutput out) {
		out.ended(entry, this.ledger.recordOf(entry));
	}

	private static LedgerEntry failedEntry(VideoFailed failed, Instant now) {
		return LedgerEntry.finished(failed.requestId(), RequestState.FAILED, failed.provider(), failed.providerTaskId(),
				now);
	}

	private static boolean isEnding(RequestState state) {
		return state == RequestState.COMPLETED || state == RequestState.FAILED;
	}

}
