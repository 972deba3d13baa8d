package io.reelay.submitter;

import java.util.Collection;

import io.reelay.ledger.RequestLedger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Loads the ledger partitions matching the request partitions this instance is given,
 * before their first record is handled, and forgets those it gives up.
 */
class LedgerLoading implements ConsumerAwareRebalanceListener {

	private final RequestLedger ledger;

	LedgerLoading(RequestLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.ledger.load(partitions.stream().map(TopicPartition::partition).toList());
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.ledger.unload(partitions.stream().map(TopicPartition::partition).toList());
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.ledger.unload(partitions.stream().map(TopicPartition::partition).toList());
	}

}
