package io.reelay.downloader;

import java.util.List;

import io.reelay.ledger.LedgerEntry;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * How one {@code video.completed} record ended, not yet published: the records that end
 * its request ({@code video.stored}, or {@code video.failed} and maybe a dead letter) and
 * what the downloader's ledger remembers of it. Both go out in one transaction with the
 * record's offset.
 *
 * @param records what to publish
 * @param entry the ledger entry, null when the record names no request
 */
record DownloadOutcome(List<ProducerRecord<String, Object>> records, LedgerEntry entry) {

	DownloadOutcome {
		records = List.copyOf(records);
	}

}
