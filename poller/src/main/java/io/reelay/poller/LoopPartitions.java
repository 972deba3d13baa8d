package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions one poll loop owns, why some are paused, and the ledger partitions it
 * holds for them. The ledger is co-partitioned with every topic the loop reads, so the
 * loop holds the union of the partition numbers it owns across those topics. A partition
 * whose ledger could not be loaded stays paused until it is: its records are not handled
 * without knowing which requests already ended. Used from the loop's thread only (the
 * consumer calls back from its poll).
 */
final class LoopPartitions implements ConsumerRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(LoopPartitions.class);

	private final Consumer<String, byte[]> consumer;

	private final LedgerPartitions ledger;

	private final Set<TopicPartition> owned = new HashSet<>();

	private final Set<Integer> held = new HashSet<>();

	private final Set<Integer> awaitingLedger = new TreeSet<>();

	private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();

	LoopPartitions(Consumer<String, byte[]> consumer, LedgerPartitions ledger) {
		this.consumer = consumer;
		this.ledger = ledger;
	}

	@Override
	public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
		// a newly assigned partition starts unpaused: its first poll finds out when it is
		// due
		this.owned.addAll(partitions);
		holdLedger();
	}

	/**
	 * Its ledger partition is kept until the assignment that follows: with the eager
	 * protocol, every partition is revoked and most come straight back.
	 */
	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		forget(partitions);
	}

	/**
	 * Another instance may have handled these partitions meanwhile: their ledger is
	 * forgotten at once, and read again if they come back.
	 */
	@Override
	public void onPartitionsLost(Collection<TopicPartition> partitions) {
		forget(partitions);
		holdLedger();
	}

	/**
	 * Holds the ledger partitions of the numbers owned and no others; retries those whose
	 * load failed.
	 */
	void holdLedger() {
		Set<Integer> wanted = numbers(this.owned);
		List<Integer> gone = this.held.stream().filter((number) -> !wanted.contains(number)).toList();
		if (!gone.isEmpty()) {
			this.ledger.release(gone);
			gone.forEach(this.held::remove);
		}
		this.awaitingLedger.retainAll(wanted);
		List<Integer> missing = wanted.stream().filter((number) -> !this.held.contains(number)).sorted().toList();
		if (missing.isEmpty()) {
			return;
		}
		try {
			this.ledger.take(missing);
		}
		catch (RuntimeException ex) {
			if (this.awaitingLedger.addAll(missing)) {
				log.warn("could not load the ledger of partitions {}: they stay paused until it is: {}", missing,
						ex.toString());
			}
			this.consumer.pause(withNumbers(this.awaitingLedger));
			return;
		}
		this.held.addAll(missing);
		Set<Integer> waited = new TreeSet<>(missing);
		waited.retainAll(this.awaitingLedger);
		this.awaitingLedger.removeAll(missing);
		List<TopicPartition> ready = withNumbers(waited).stream()
			.filter((partition) -> !this.pausedUntil.containsKey(partition))
			.toList();
		if (!ready.isEmpty()) {
			log.info("ledger of partitions {} loaded at last: resuming {}", waited, ready);
			this.consumer.resume(ready);
		}
	}

	/** Gives up every ledger partition, when the loop stops. */
	void releaseLedger() {
		this.ledger.release(this.held);
		this.held.clear();
	}

	boolean owns(TopicPartition partition) {
		return this.owned.contains(partition);
	}

	/** Pauses a partition whose next record is not due until {@code until}. */
	void pauseUntil(TopicPartition partition, Instant until) {
		this.consumer.pause(List.of(partition));
		this.pausedUntil.put(partition, until);
	}

	/**
	 * Moves these partitions back to read a batch again, at once: a pause for their next
	 * record, which lay beyond the batch, no longer holds.
	 */
	void readAgain(Map<TopicPartition, Long> from) {
		List<TopicPartition> paused = new ArrayList<>();
		from.forEach((partition, offset) -> {
			this.consumer.seek(partition, offset);
			if (this.pausedUntil.remove(partition) != null) {
				paused.add(partition);
			}
		});
		this.consumer.resume(paused);
	}

	void resumeDue(Instant now) {
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
	Duration pollTimeout(Instant now, Duration longest) {
		Duration timeout = longest;
		for (Instant until : this.pausedUntil.values()) {
			Duration left = Duration.between(now, until);
			if (left.compareTo(timeout) < 0) {
				timeout = left;
			}
		}
		return timeout.isNegative() ? Duration.ZERO : timeout;
	}

	/** A partition that moved to another consumer is no longer ours to resume. */
	private void forget(Collection<TopicPartition> partitions) {
		this.owned.removeAll(partitions);
		partitions.forEach(this.pausedUntil::remove);
	}

	private List<TopicPartition> withNumbers(Set<Integer> numbers) {
		return this.owned.stream().filter((partition) -> numbers.contains(partition.partition())).toList();
	}

	private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
		Set<Integer> numbers = new HashSet<>();
		partitions.forEach((partition) -> numbers.add(partition.partition()));
		return numbers;
	}

}
