package io.reelay.submitter;

import java.util.List;

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

}
