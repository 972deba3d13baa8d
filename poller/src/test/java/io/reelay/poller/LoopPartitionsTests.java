package io.reelay.poller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.reelay.ledger.RequestLedger;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopPartitionsTests {

	private static final String SUBMITTED = "video.submitted";

	private static final String TIER = "video.poll-delay-1s";

	private final AtomicBoolean ledgerReadable = new AtomicBoolean(true);

	private final RequestLedger ledger = TestLedgers.ledger(this.ledgerReadable::get);

	private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");

	private final LoopPartitions partitions = new LoopPartitions(this.consumer, new LedgerPartitions(this.ledger));

	@Test
	void holdsTheLedgerOfEveryPartitionNumberOwnedOnAnyTopic() {
		String onZero = TestLedgers.requestOn(0);
		String onOne = TestLedgers.requestOn(1);

		assign(new TopicPartition(SUBMITTED, 0), new TopicPartition(TIER, 1));
		this.ledger.remember(TestLedgers.completed(onZero));
		this.ledger.remember(TestLedgers.completed(onOne));

		assertThat(this.ledger.find(onZero)).isPresent();
		assertThat(this.ledger.find(onOne)).isPresent();
	}

	@Test
	void keepsTheLedgerOfAPartitionRevokedAndAssignedAgainInOneRebalance() {
		String onZero = TestLedgers.requestOn(0);
		TopicPartition submitted = new TopicPartition(SUBMITTED, 0);
		assign(submitted);
		this.ledger.remember(TestLedgers.completed(onZero));

		this.partitions.onPartitionsRevoked(List.of(submitted));
		this.partitions.onPartitionsAssigned(List.of(submitted));

		assertThat(this.ledger.find(onZero)).as("not read again").isPresent();
	}

	@Test
	void forgetsTheLedgerOfANumberNoTopicIsOwnedWithAnyMore() {
		String onOne = TestLedgers.requestOn(1);
		TopicPartition tier = new TopicPartition(TIER, 1);
		assign(new TopicPartition(SUBMITTED, 1), tier);
		this.ledger.remember(TestLedgers.completed(onOne));

		this.partitions.onPartitionsRevoked(List.of(tier));
		this.partitions.onPartitionsAssigned(List.of());
		assertThat(this.ledger.find(onOne)).as("still owned on " + SUBMITTED).isPresent();
		this.partitions.onPartitionsRevoked(List.of(new TopicPartition(SUBMITTED, 1)));
		this.partitions.onPartitionsAssigned(List.of());

		assertThat(this.ledger.find(onOne)).isEmpty();
	}

	@Test
	void forgetsTheLedgerOfLostPartitionsAtOnce() {
		String onTwo = TestLedgers.requestOn(2);
		TopicPartition submitted = new TopicPartition(SUBMITTED, 2);
		assign(submitted);
		this.ledger.remember(TestLedgers.completed(onTwo));

		this.partitions.onPartitionsLost(List.of(submitted));

		assertThat(this.ledger.find(onTwo)).isEmpty();
	}

	@Test
	void keepsAPartitionPausedUntilItsLedgerIsLoaded() {
		TopicPartition submitted = new TopicPartition(SUBMITTED, 0);
		this.ledgerReadable.set(false);
		assign(submitted);
		assertThat(this.consumer.paused()).containsExactly(submitted);

		this.partitions.holdLedger();
		assertThat(this.consumer.paused()).as("the ledger is still unreadable").containsExactly(submitted);
		this.ledgerReadable.set(true);
		this.partitions.holdLedger();

		assertThat(this.consumer.paused()).isEmpty();
	}

	@Test
	void readsABatchAgainAtOnceEvenFromAPartitionPausedForItsNextRecord() {
		TopicPartition tier = new TopicPartition(TIER, 0);
		assign(tier);
		this.consumer.seek(tier, 7);
		this.partitions.pauseUntil(tier, Instant.now().plusSeconds(60));

		this.partitions.readAgain(Map.of(tier, 3L));

		assertThat(this.consumer.position(tier)).isEqualTo(3);
		assertThat(this.consumer.paused()).isEmpty();
	}

	private void assign(TopicPartition... assigned) {
		this.consumer.assign(List.of(assigned));
		this.partitions.onPartitionsAssigned(List.of(assigned));
	}

}
