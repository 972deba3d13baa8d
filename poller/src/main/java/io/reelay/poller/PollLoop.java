package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * One consumer of {@code video.submitted} and the poll-delay topics. A partition whose
 * next record is not due yet is paused until it is, so no thread waits for a job and the
 * other partitions flow. Everything a batch produces is sent in one Kafka transaction
 * with the batch's offsets: after a crash the batch is handled again from scratch, and
 * what it had sent is never seen.
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

	private final Clock clock;

	private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();

	private volatile boolean running = true;

	PollLoop(Consumer<String, byte[]> consumer, List<String> topics, DelayTiers tiers, PollHandler handler,
			KafkaTemplate<String, Object> transactions, Clock clock) {
		this.consumer = consumer;
		this.topics = topics;
		this.tiers = tiers;
		this.handler = handler;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run() {
		// opening the first transaction fences a former self with the same transaction
		// id and aborts what it left open, which read_committed consumers would
		// otherwise wait for until the transaction times out
		while (this.running && !fenceFormerSelf()) {
			sleep(AFTER_FAILURE);
		}
		this.consumer.subscribe(this.topics, new ForgetPauses());
		try {
			while (this.running) {
				try {
					once();
				}
				catch (WakeupException ex) {
					// stop() woke the consumer: the loop condition decides
				}
				catch (RuntimeException ex) {
					log.warn("poll batch failed, handling it again in {}: {}", AFTER_FAILURE, ex.toString());
					sleep(AFTER_FAILURE);
				}
			}
		}
		finally {
			this.consumer.close();
		}
	}

	private boolean fenceFormerSelf() {
		try {
			this.transactions.executeInTransaction((operations) -> null);
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("could not open a Kafka transaction yet, trying again in {}: {}", AFTER_FAILURE, ex.toString());
			return false;
		}
	}

	/** Finishes the batch in hand, then stops. */
	void stop() {
		this.running = false;
		this.consumer.wakeup();
	}

	private void once() {
		resumeDuePartitions(this.clock.instant());
		ConsumerRecords<String, byte[]> records = this.consumer.poll(pollTimeout(this.clock.instant()));
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
						this.consumer.pause(List.of(partition));
						this.pausedUntil.put(partition, handleAt);
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
		try {
			List<ProducerRecord<String, Object>> out = this.handler.handle(due);
			this.transactions.executeInTransaction((operations) -> {
				out.forEach(operations::send);
				operations.sendOffsetsToTransaction(offsets, this.consumer.groupMetadata());
				return null;
			});
		}
		catch (RuntimeException ex) {
			// nothing of the batch was committed: read it again
			firstOffsets.forEach(this.consumer::seek);
			throw ex;
		}
	}

	private void resumeDuePartitions(Instant now) {
		List<TopicPartition> due = new ArrayList<>();
		this.pausedUntil.forEach((partition, until) -> {
			if (!until.isAfter(now)) {
				due.add(partition);
			}
		});
		if (!due.isEmpty()) {
			due.forEach(this.pausedUntil::remove);
			this.consumer.resume(due);
		}
	}

	/** Long enough not to spin, short enough to resume a paused partition on time. */
	private Duration pollTimeout(Instant now) {
		Duration timeout = LONGEST_POLL;
		for (Instant until : this.pausedUntil.values()) {
			Duration left = Duration.between(now, until);
			if (left.compareTo(timeout) < 0) {
				timeout = left;
			}
		}
		return timeout.isNegative() ? Duration.ZERO : timeout;
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

	/** A partition that moved to another consumer is no longer ours to resume. */
	private final class ForgetPauses implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			partitions.forEach(PollLoop.this.pausedUntil::remove);
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			// a newly assigned partition starts unpaused: its first poll finds out when
			// it
			// is due
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			onPartitionsRevoked(partitions);
		}

	}

}
