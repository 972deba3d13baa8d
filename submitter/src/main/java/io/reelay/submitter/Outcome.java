package io.reelay.submitter;

import java.util.List;

import io.reelay.kafka.WorkTiming;
import io.reelay.ledger.LedgerEntry;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the submitter decided for one request record: the records it publishes, and the
 * ledger entry that says so, or null when the ledger already does.
 */
record Outcome(List<ProducerRecord<String, Object>> records, LedgerEntry entry) {

	static Outcome nothing() {
		return new Outcome(List.of(), null);
	}

	/**
	 * The outcome with the timing of the step that decided it on every record. Written
	 * once, before the first send: an outcome sent again after its transaction rolled
	 * back keeps the timing of the attempt that decided it (a sent record's headers are
	 * read-only).
	 */
	static Outcome timed(List<ProducerRecord<String, Object>> records, LedgerEntry entry, WorkTiming timing) {
		records.forEach((record) -> timing.writeTo(record.headers()));
		return new Outcome(records, entry);
	}

}
