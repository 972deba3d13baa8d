package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.kafka.GroupMembership;
import io.reelay.kafka.TransactionalProducers;
import io.reelay.ledger.RequestLedger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * One consumer of {@code video.submitted} and the poll-delay topics. A partition whose
 * next record is not due yet is paused until it is, so no thread waits for a job and the
 * other partitions flow. Everything a batch produces, ledger entries included, is sent in
 * one Kafka transaction with the batch's offsets: after a crash the batch is handled
 * again from scratch, and what it had sent is never seen. A transaction whose commit
 * failed is settled before anything else is read: if it went through after all, its
 * entries are remembered; if not, the batch is read again.
 */
final class PollLoop implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(PollLoop.class);

	private static final Duration LONGEST_POLL = Duration.ofMillis(250);

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	private final Consumer<String, byte[]> consumer;

	private final List<String> topics;

	private final DelayTiers tiers;

	private final PollHandler handler;

	private final KafkaTemplate<String, Object> transactions;

	private final RequestLedger ledger;

	private final LoopPartitions partitions;

	private final Clock clock;

	private UnsettledBatch unsettled;

	private volatile boolean running = true;

	PollLoop(Consumer<String, byte[]> consumer, List<String> topics, DelayTiers tiers, PollHandler handler,
			KafkaTemplate<String, Object> transactions, LedgerPartitions ledger, Clock clock) {
		this.consumer = consumer;
		this.topics = topics;
		this.tiers = tiers;
		this.handler = handler;
		this.transactions = transactions;
		this.ledger = ledger.ledger();
		this.partitions = new LoopPartitions(consumer, ledger);
		this.clock = clock;
	}

	@Override
	public void run() {
		// opening the first transaction fences a former self with the same transaction
		// id and aborts what it left open, which read_committed consumers would
		// otherwise wait for until the transaction times out
		while (this.running && !TransactionalProducers.fenceFormerSelves(this.transactions.getProducerFactory(), 1)) {
			sleep(AFTER_FAILURE);
		}
		this.consumer.subscribe(this.topics, this.partitions);
		try {
			while (this.running) {
				try {
					once();
				}
				catch (WakeupException | InterruptException ex) {
					// stop() woke the consumer, or gave up waiting for this batch: the
					// loop condition decides
				}
				catch (RuntimeException ex) {
					if (this.running) {
						log.warn("poll batch failed, handling it again in {}: {}", AFTER_FAILURE, ex.toString());
						sleep(AFTER_FAILURE);
					}
				}
			}
		}
		finally {
			// a batch given up on by interrupting this thread is simply not committed;
			// the consumer must still leave its group cleanly, so that its partitions
			// move on at once
			Thread.interrupted();
			GroupMembership.leave(this.consumer);
			this.partitions.releaseLedger();
		}
	}

	/**
	 * Finishes the batch in hand, commits it, then stops; {@link Thread#interrupt()}
	 * gives the batch up instead.
	 */
	void stop() {
		this.running = false;
		this.consumer.wakeup();
	}

	private void once() {
		if (this.unsettled != null) {
			this.unsettled.settle(this.consumer, this.partitions, this.ledger);
			this.unsettled = null;
		}
		this.partitions.holdLedger();
		this.partitions.resumeDue(this.clock.instant());
		ConsumerRecords<String, byte[]> records = this.consumer
			.poll(this.partitions.pollTimeout(this.clock.instant(), LONGEST_POLL));
		if (records.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		List<ConsumerRecord<String, byte[]>> due = new ArrayList<>();
		Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
		Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
		for (TopicPartition partition : records.partitions()) {
			for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
				if (this.tiers.isTier(record.topic())) {
					Instant handleAt = this.handler.handleAt(record);
					if (handleAt.isAfter(now)) {
						this.consumer.seek(partition, record.offset());
						this.partitions.pauseUntil(partition, handleAt);
						break;
					}
				}
				due.add(record);
				offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
				firstOffsets.putIfAbsent(partition, record.offset());
			}
		}
		if (due.isEmpty()) {
			return;
		}
		BatchOutput out;
		try {
			out = this.handler.handle(due);
		}
		catch (RuntimeException ex) {
			// nothing of the batch was sent: read it again
			this.partitions.readAgain(firstOffsets);
			throw ex;
		}
		try {
			this.transactions.executeInTransaction((operations) -> {
				out.records().forEach(operations::send);
				operations.sendOffsetsToTransaction(offsets, this.consumer.groupMetadata());
				return null;
			});
		}
		catch (RuntimeException ex) {
			// a commit that failed may still have gone through: find out before reading
			// on
			this.unsettled = new UnsettledBatch(offsets, firstOffsets, out.ended());
			throw ex;
		}
		out.ended().forEach(this.ledger::remember);
		this.handler.committed(out);
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
