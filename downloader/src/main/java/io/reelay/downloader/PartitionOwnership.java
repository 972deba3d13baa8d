package io.reelay.downloader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.reelay.ledger.RequestLedger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one consumer owns, kept in step with the group: the ledger of each assigned
 * partition is loaded before its first record is taken (the partition waits, paused,
 * until it is), and a partition that moves away is given up only after its running
 * downloads had a short while to end and be committed. The rest are abandoned: they
 * publish nothing and the new owner does them again.
 */
final class PartitionOwnership implements ConsumerRebalanceListener {

	/**
	 * How long a partition taken away waits for its downloads: the whole group waits
	 * meanwhile.
	 */
	static final Duration REVOKE_WAIT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

	private static final Duration RETRY_LOAD = Duration.ofSeconds(1);

	private final Consumer<String, byte[]> consumer;

	private final RequestLedger ledger;

	private final InFlight inFlight;

	private final Outcomes outcomes;

	private final BooleanSupplier running;

	private final LongSupplier stopBy;

	/** Assigned partitions whose ledger could not be read yet. */
	private final Set<TopicPartition> unloaded = new HashSet<>();

	private long nextLoad;

	PartitionOwnership(Consumer<String, byte[]> consumer, RequestLedger ledger, InFlight inFlight, Outcomes outcomes,
			BooleanSupplier running, LongSupplier stopBy) {
		this.consumer = consumer;
		this.ledger = ledger;
		this.inFlight = inFlight;
		this.outcomes = outcomes;
		this.running = running;
		this.stopBy = stopBy;
	}

	@Override
	public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		if (!this.running.getAsBoolean()) {
			this.consumer.pause(partitions);
		}
		load(partitions);
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		long until = System.nanoTime() + REVOKE_WAIT.toNanos();
		if (!this.running.getAsBoolean()) {
			until = Math.min(until, this.stopBy.getAsLong());
		}
		if (this.inFlight.holds(partitions) && System.nanoTime() < until) {
			log.info("{} move to another consumer: letting their downloads end for up to {} ms first", partitions,
					(until - System.nanoTime()) / 1_000_000);
		}
		this.outcomes.awaitEnd(Set.copyOf(partitions), until);
		giveUp(partitions);
	}

	@Override
	public void onPartitionsLost(Collection<TopicPartition> partitions) {
		giveUp(partitions);
	}

	/** Whether the record's partition can be taken from: its ledger is loaded. */
	boolean ready(ConsumerRecord<?, ?> record) {
		return !this.unloaded.contains(new TopicPartition(record.topic(), record.partition()));
	}

	/**
	 * Pauses what must wait (everything when {@code hold}, e.g. no download thread is
	 * free; partitions without a ledger), resumes the rest.
	 */
	void pauseOrResume(boolean hold) {
		Set<TopicPartition> assigned = this.consumer.assignment();
		if (assigned.isEmpty()) {
			return;
		}
		Set<TopicPartition> paused = this.consumer.paused();
		List<TopicPartition> pause = new ArrayList<>();
		List<TopicPartition> resume = new ArrayList<>();
		for (TopicPartition partition : assigned) {
			boolean wait = hold || !this.running.getAsBoolean() || this.unloaded.contains(partition);
			if (wait && !paused.contains(partition)) {
				pause.add(partition);
			}
			else if (!wait && paused.contains(partition)) {
				resume.add(partition);
			}
		}
		if (!pause.isEmpty()) {
			this.consumer.pause(pause);
		}
		if (!resume.isEmpty()) {
			this.consumer.resume(resume);
		}
	}

	/** Tries again to read the ledger of partitions that wait for it. */
	void retryLoads() {
		if (this.unloaded.isEmpty() || System.nanoTime() < this.nextLoad) {
			return;
		}
		List<TopicPartition> waiting = new ArrayList<>(this.unloaded);
		waiting.retainAll(this.consumer.assignment());
		this.unloaded.retainAll(waiting);
		load(waiting);
	}

	/**
	 * Abandons the downloads of these partitions and forgets them: nothing of theirs is
	 * committed any more.
	 */
	void giveUp(Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		List<Download> abandoned = this.inFlight.forget(partitions);
		abandoned.forEach(Download::abandon);
		this.outcomes.dropUntracked();
		if (!abandoned.isEmpty()) {
			log.info("gave up {}: {} downloads abandoned, delivered again to the partitions' next owner", partitions,
					abandoned.size());
		}
		this.ledger.unload(numbers(partitions));
		this.unloaded.removeAll(partitions);
	}

	private void load(Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		try {
			this.ledger.load(numbers(partitions));
			this.unloaded.removeAll(partitions);
		}
		catch (RuntimeException ex) {
			log.warn("could not read the ledger of {}; they wait and it is read again in {}: {}", partitions,
					RETRY_LOAD, ex.toString());
			this.unloaded.addAll(partitions);
			this.nextLoad = System.nanoTime() + RETRY_LOAD.toNanos();
			this.consumer.pause(partitions);
		}
	}

	private static List<Integer> numbers(Collection<TopicPartition> partitions) {
		return partitions.stream().map(TopicPartition::partition).toList();
	}

}
