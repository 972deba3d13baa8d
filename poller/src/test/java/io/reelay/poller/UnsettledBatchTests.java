package io.reelay.poller;

import java.util.List;
import java.util.Map;

import io.reelay.ledger.RequestLedger;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsettledBatchTests {

	private final RequestLedger ledger = TestLedgers.ledger(() -> true);

	private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");

	private final LoopPartitions partitions = new LoopPartitions(this.consumer, new LedgerPartitions(this.ledger));

	private final TopicPartition tier = new TopicPartition("video.poll-delay-1s", 0);

	private final String requestId = TestLedgers.requestOn(0);

	private final UnsettledBatch batch = new UnsettledBatch(Map.of(this.tier, new OffsetAndMetadata(5)),
			Map.of(this.tier, 2L), List.of(TestLedgers.completed(this.requestId)));

	@BeforeEach
	void ownTheBatchsPartition() {
		this.consumer.assign(List.of(this.tier));
		this.partitions.onPartitionsAssigned(List.of(this.tier));
		// where the loop stood when its commit failed
		this.consumer.seek(this.tier, 5);
	}

	@Test
	void aCommitThatFailedOnlyInAppearanceStandsAndItsEntriesAreRemembered() {
		this.consumer.commitSync(Map.of(this.tier, new OffsetAndMetadata(5)));

		this.batch.settle(this.consumer, this.partitions, this.ledger);

		assertThat(this.consumer.position(this.tier)).as("not read again").isEqualTo(5);
		assertThat(this.ledger.find(this.requestId)).isPresent();
	}

	@Test
	void aTransactionThatFailedIsReadAgainFromTheCommittedOffset() {
		this.consumer.commitSync(Map.of(this.tier, new OffsetAndMetadata(2)));

		this.batch.settle(this.consumer, this.partitions, this.ledger);

		assertThat(this.consumer.position(this.tier)).isEqualTo(2);
		assertThat(this.ledger.find(this.requestId)).isEmpty();
	}

	@Test
	void aFailedTransactionOfAPartitionNeverCommittedIsReadAgainFromTheBatchsStart() {
		this.batch.settle(this.consumer, this.partitions, this.ledger);

		assertThat(this.consumer.position(this.tier)).isEqualTo(2);
		assertThat(this.ledger.find(this.requestId)).isEmpty();
	}

	@Test
	void aBatchWhosePartitionsMovedOnIsLeftToTheirNewOwner() {
		this.partitions.onPartitionsRevoked(List.of(this.tier));

		this.batch.settle(this.consumer, this.partitions, this.ledger);

		assertThat(this.consumer.position(this.tier)).isEqualTo(5);
	}

}
