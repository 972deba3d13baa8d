package io.reelay.poller;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.reelay.ledger.LedgerEntry;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a batch leads to: the records to send in its transaction, ledger entries among
 * them, and those entries again, for the ledger to remember once they are committed.
 */
final class BatchOutput {

	private final List<ProducerRecord<String, Object>> records = new ArrayList<>();

	private final List<LedgerEntry> ended = new ArrayList<>();

	private final List<String> tookUp = new ArrayList<>();

	void add(ProducerRecord<String, Object> record) {
		this.records.add(record);
	}

	/** A request ended: the record of its ledger entry goes with its terminal event. */
	void ended(LedgerEntry entry, ProducerRecord<String, Object> entryRecord) {
		this.records.add(entryRecord);
		this.ended.add(entry);
	}

	List<ProducerRecord<String, Object>> records() {
		return Collections.unmodifiableList(this.records);
	}

	List<LedgerEntry> ended() {
		return Collections.unmodifiableList(this.ended);
	}

	/**
	 * A new job (a {@code video.submitted} record) was taken up, for {@code provider}
	 * (null when unreadable): counted once the batch commits.
	 */
	void tookUp(String provider) {
		this.tookUp.add(provider);
	}

	List<String> tookUp() {
		return Collections.unmodifiableList(this.tookUp);
	}

}
