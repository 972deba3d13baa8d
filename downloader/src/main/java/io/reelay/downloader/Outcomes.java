package io.reelay.downloader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.ledger.RequestLedger;
import io.reelay.metrics.StageMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Downloads that ended, on their way from the download threads back to the consumer's
 * thread, which publishes them in one Kafka transaction with their ledger entries and the
 * offsets they free. The entries are remembered only once that transaction committed.
 */
final class Outcomes {

	private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

	private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();

	private final List<Ended> ready = new ArrayList<>();

	private final Consumer<String, byte[]> consumer;

	private final KafkaTemplate<String, Object> transactions;

	private final RequestLedger ledger;

	private final InFlight inFlight;

	private final java.util.function.Consumer<Download> restart;

	private final StageMetrics metrics;

	/**
	 * @param restart runs a download again that stopped without an outcome although
	 * nobody abandoned it
	 * @param metrics where each committed outcome is counted, once
	 */
	Outcomes(Consumer<String, byte[]> consumer, KafkaTemplate<String, Object> transactions, RequestLedger ledger,
			InFlight inFlight, java.util.function.Consumer<Download> restart, StageMetrics metrics) {
		this.consumer = consumer;
		this.transactions = transactions;
		this.ledger = ledger;
		this.inFlight = inFlight;
		this.restart = restart;
		this.metrics = metrics;
	}

	/**
	 * From a download thread: the download ended with {@code outcome}, or without one
	 * (null) when it was abandoned.
	 */
	void add(Download download, DownloadOutcome outcome) {
		this.ended.add(new Ended(download, outcome));
	}

	/** Publishes what ended and commits the offsets that moved. */
	void commit() {
		take(this.ended.poll());
		Map<TopicPartition, OffsetAndMetadata> offsets = this.inFlight.offsetsAfter(endingDownloads());
		if (this.ready.isEmpty() && offsets.isEmpty()) {
			return;
		}
		this.transactions.executeInTransaction((operations) -> {
			for (Ended done : this.ready) {
				done.outcome().records().forEach(operations::send);
				if (done.outcome().entry() != null) {
					operations.send(this.ledger.recordOf(done.outcome().entry()));
				}
			}
			if (!offsets.isEmpty()) {
				operations.sendOffsetsToTransaction(offsets, this.consumer.groupMetadata());
			}
			return null;
		});
		List<Download> committed = new ArrayList<>();
		for (Ended done : this.ready) {
			committed.add(done.download());
			if (done.outcome().entry() != null) {
				this.ledger.remember(done.outcome().entry());
			}
			this.metrics.tookUp(providerOf(done.outcome()));
			this.metrics.published(done.outcome().records());
			log.debug("{}: outcome committed", done.download());
		}
		this.inFlight.committed(committed, offsets);
		this.ready.clear();
	}

	/** {@link #commit()}, logging a failure instead of throwing it. */
	void commitQuietly() {
		try {
			commit();
		}
		catch (RuntimeException ex) {
			log.warn("could not commit {} ended downloads yet: {}", this.ready.size(), ex.toString());
		}
	}

	/**
	 * Commits downloads of {@code partitions} as they end, until none is left or the time
	 * is up.
	 * @param until a {@link System#nanoTime()} deadline
	 */
	void awaitEnd(Set<TopicPartition> partitions, long until) {
		commitQuietly();
		while (this.inFlight.holds(partitions) && System.nanoTime() < until) {
			long wait = Math.min(TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()), 100);
			try {
				Ended next = this.ended.poll(Math.max(wait, 1), TimeUnit.MILLISECONDS);
				if (next != null) {
					take(next);
					commitQuietly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Drops what ended in partitions this consumer no longer holds. */
	void dropUntracked() {
		this.ready.removeIf((done) -> !this.inFlight.tracks(done.download()));
	}

	/** Moves what the download threads handed back to the ready list. */
	private void take(Ended first) {
		for (Ended next = first; next != null; next = this.ended.poll()) {
			if (!this.inFlight.tracks(next.download())) {
				// abandoned: its partition went to another consumer, or the downloader
				// stopped
				log.debug("{}: ended after it was abandoned, dropped", next.download());
			}
			else if (next.outcome() == null) {
				log.warn("{}: the download stopped without an outcome, starting it again", next.download());
				this.restart.accept(next.download());
			}
			else {
				this.ready.add(next);
			}
		}
	}

	private Set<Download> endingDownloads() {
		Set<Download> ending = Collections.newSetFromMap(new IdentityHashMap<>());
		this.ready.forEach((done) -> ending.add(done.download()));
		return ending;
	}

	/** The provider the outcome's event names; null for a record that named none. */
	private static String providerOf(DownloadOutcome outcome) {
		for (ProducerRecord<String, Object> record : outcome.records()) {
			if (record.value() instanceof VideoStored stored) {
				return stored.provider();
			}
			if (record.value() instanceof VideoFailed failed) {
				return failed.provider();
			}
		}
		return null;
	}

	private record Ended(Download download, DownloadOutcome outcome) {
	}

}
