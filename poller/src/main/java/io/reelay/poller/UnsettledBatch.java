package io.reelay.poller;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch whose transaction failed, maybe only in appearance: a commit can fail on the
 * way back after the broker committed. The loop settles it before it reads on.
 *
 * @param offsets the offsets the transaction was to commit
 * @param firstOffsets the batch's first offset on each partition
 * @param ended the ledger entries the transaction wrote
 */
record UnsettledBatch(Map<TopicPartition, OffsetAndMetadata> offsets, Map<TopicPartition, Long> firstOffsets,
		List<LedgerEntry> ended) {

	private static final Logger log = LoggerFactory.getLogger(UnsettledBatch.class);

	/**
	 * The batch's offsets are committed with it or not at all, so the group's committed
	 * offsets tell whether it went through: if so its entries are remembered, if not the
	 * batch is read again.
	 */
	void settle(Consumer<String, byte[]> consumer, LoopPartitions partitions, RequestLedger ledger) {
		List<TopicPartition> stillOwned = this.offsets.keySet().stream().filter(partitions::owns).toList();
		if (stillOwned.isEmpty()) {
			// the consumers that read them now start from their committed offsets
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(stillOwned));
		TopicPartition one = stillOwned.get(0);
		OffsetAndMetadata atOne = committed.get(one);
		if (atOne != null && atOne.offset() >= this.offsets.get(one).offset()) {
			log.info("the transaction of a batch was committed although its commit failed: its outcome stands");
			this.ended.forEach(ledger::remember);
			return;
		}
		Map<TopicPartition, Long> from = new HashMap<>();
		for (TopicPartition partition : stillOwned) {
			OffsetAndMetadata at = committed.get(partition);
			from.put(partition, (at != null) ? at.offset() : this.firstOffsets.get(partition));
		}
		partitions.readAgain(from);
	}

}
