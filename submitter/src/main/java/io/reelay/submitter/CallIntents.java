package io.reelay.submitter;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import io.reelay.ledger.RequestState;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Records, durably and before the create call, that the call is about to be made. The
 * entry is committed in a transaction of its own that also commits the record's current
 * offset for the consumer's group generation: if this instance lost the partition
 * meanwhile (paused, cut off, replaced), the broker refuses the commit and the call is
 * never made. After a crash, the new owner finds the entry and knows the outcome is
 * unknown.
 */
class CallIntents {

	private final KafkaTemplate<String, Object> intents;

	private final RequestLedger ledger;

	private final Clock clock;

	CallIntents(KafkaTemplate<String, Object> intents, RequestLedger ledger, Clock clock) {
		this.intents = intents;
		this.ledger = ledger;
		this.clock = clock;
	}

	LedgerEntry begin(VideoRequested request, String provider, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
		Instant now = this.clock.instant();
		LedgerEntry calling = new LedgerEntry(request.requestId(), RequestState.CALLING, provider, request.model(),
				null, now, now);
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		this.intents.executeInTransaction((operations) -> {
			operations.send(this.ledger.recordOf(calling));
			operations.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(record.offset())),
					consumer.groupMetadata());
			return null;
		});
		this.ledger.remember(calling);
		return calling;
	}

	/**
	 * Erases the entry of a call that surely created nothing (refused before it reached
	 * the provider, or answered "busy"): trying again later is a new call, not an unknown
	 * one.
	 */
	void abandon(LedgerEntry calling) {
		this.intents.executeInTransaction((operations) -> operations.send(this.ledger.removalOf(calling.requestId())));
		this.ledger.forget(calling.requestId());
	}

}
