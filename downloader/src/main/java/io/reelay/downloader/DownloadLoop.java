package io.reelay.downloader;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

import io.reelay.event.EventType;
import io.reelay.kafka.GroupMembership;
import io.reelay.kafka.TransactionalProducers;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import io.reelay.metrics.StageMetrics;
import io.reelay.tracing.ContextScope;
import io.reelay.tracing.RecordTracing;
import io.reelay.tracing.RecordWork;
import io.reelay.tracing.RequestLogging;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * One consumer of {@code video.completed}. It hands each record to the download pool when
 * a thread is free (its partitions are paused meanwhile, and it keeps polling), and
 * publishes each outcome in one Kafka transaction with the downloader's ledger entry and
 * the offsets it frees. A record of a request the ledger says is done, or a copy of one
 * whose download runs here, starts nothing. Only this thread touches the consumer and the
 * transactions.
 */
final class DownloadLoop implements Runnable {

	static final String TOPIC = EventType.COMPLETED.topic();

	private static final Logger log = LoggerFactory.getLogger(DownloadLoop.class);

	private static final Duration POLL = Duration.ofMillis(100);

	/**
	 * How long a poll waits while downloads run: an ended download is published only when
	 * the poll returns, and waiting the full {@link #POLL} added 50 ms to every download
	 * on average ({@code reelay bench pipeline}).
	 */
	private static final Duration POLL_WHILE_DOWNLOADING = Duration.ofMillis(5);

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	private final Consumer<String, byte[]> consumer;

	private final KafkaTemplate<String, Object> transactions;

	private final RequestLedger ledger;

	private final DownloadPool pool;

	private final RecordDownload download;

	private final InFlight inFlight = new InFlight();

	private final Outcomes outcomes;

	private final PartitionOwnership ownership;

	private final RecordTracing tracing;

	private final Clock clock;

	private volatile boolean running = true;

	private volatile long stopBy;

	DownloadLoop(Consumer<String, byte[]> consumer, KafkaTemplate<String, Object> transactions, RequestLedger ledger,
			DownloadPool pool, RecordDownload download, StageMetrics metrics, RecordTracing tracing, Clock clock) {
		this.consumer = consumer;
		this.tracing = tracing;
		this.transactions = transactions;
		this.ledger = ledger;
		this.pool = pool;
		this.download = download;
		this.clock = clock;
		this.outcomes = new Outcomes(consumer, transactions, ledger, this.inFlight, this::restart, metrics);
		this.ownership = new PartitionOwnership(consumer, ledger, this.inFlight, this.outcomes, () -> this.running,
				() -> this.stopBy);
	}

	@Override
	public void run() {
		// opening the first transaction fences a former self with the same transaction
		// id and aborts what it left open, which read_committed consumers would
		// otherwise wait for until the transaction times out
		while (this.running && !TransactionalProducers.fenceFormerSelves(this.transactions.getProducerFactory(), 1)) {
			sleep(AFTER_FAILURE);
		}
		this.consumer.subscribe(List.of(TOPIC), this.ownership);
		try {
			while (this.running) {
				try {
					once();
				}
				catch (RuntimeException ex) {
					log.warn("download loop failed, going on in {}: {}", AFTER_FAILURE, ex.toString());
					sleep(AFTER_FAILURE);
				}
			}
			finishWhatRuns();
		}
		finally {
			this.ownership.giveUp(this.inFlight.partitions());
			GroupMembership.leave(this.consumer);
		}
	}

	/**
	 * Stops taking records; downloads that end before {@code until} are still published,
	 * the rest are abandoned.
	 * @param until a {@link System#nanoTime()} deadline
	 */
	void stop(long until) {
		this.stopBy = until;
		this.running = false;
	}

	private void once() {
		this.ownership.retryLoads();
		this.outcomes.commit();
		this.ownership.pauseOrResume(this.pool.full());
		ConsumerRecords<String, byte[]> records = this.consumer
			.poll(this.inFlight.isEmpty() ? POLL : POLL_WHILE_DOWNLOADING);
		for (TopicPartition partition : records.partitions()) {
			for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
				boolean taken;
				try (ContextScope logging = RequestLogging.forRequest(record.key())) {
					taken = take(record);
				}
				if (!taken) {
					// read it again once a thread is free
					this.consumer.seek(partition, record.offset());
					break;
				}
			}
		}
		this.outcomes.commit();
	}

	/** Starts, skips or ties the record to its request's download; false: it waits. */
	private boolean take(ConsumerRecord<String, byte[]> record) {
		if (!this.running || !this.ownership.ready(record)) {
			return false;
		}
		String requestId = record.key();
		if (requestId != null) {
			Optional<LedgerEntry> known = this.ledger.find(requestId);
			if (known.isPresent() && known.get().state().isFinal()) {
				log.info("request {}: already {} at {}, record {}@{} skipped", requestId, known.get().state(),
						known.get().recordedAt(), record.partition(), record.offset());
				this.inFlight.skipped(record);
				return true;
			}
			Download running = this.inFlight.downloading(requestId);
			if (running != null) {
				log.info("request {}: record {}@{} is a copy of {}, which is downloading", requestId,
						record.partition(), record.offset(), running);
				this.inFlight.duplicate(running, record);
				return true;
			}
		}
		// the pool takes it only when a thread is free: the record is in hand from now
		Download next = new Download(record, this.clock.instant());
		Future<?> started = this.pool.tryStart(() -> download(next));
		if (started == null) {
			return false;
		}
		next.runs(started);
		this.inFlight.started(next);
		return true;
	}

	private void download(Download next) {
		DownloadOutcome outcome = null;
		// observed on the download's thread: its video.stored or video.failed continues
		// the record's trace
		RecordWork work = this.tracing.receive(next.record(), DownloadLoops.GROUP,
				RequestLogging.requestIdOf(next.record()));
		try (ContextScope scope = work.open()) {
			outcome = this.download.run(next.record(), next.takenAt());
		}
		finally {
			work.close();
			this.outcomes.add(next, outcome);
		}
	}

	private void restart(Download again) {
		again.runs(this.pool.start(() -> download(again)));
	}

	/**
	 * Polls on (the group must not think this consumer dead) and commits what ends, until
	 * nothing runs or the shutdown timeout is over.
	 */
	private void finishWhatRuns() {
		if (!this.inFlight.isEmpty()) {
			log.info("stopping: letting running downloads end for up to {} ms",
					Math.max(0, (this.stopBy - System.nanoTime()) / 1_000_000));
		}
		while (!this.inFlight.isEmpty() && System.nanoTime() < this.stopBy) {
			try {
				this.ownership.pauseOrResume(true);
				this.consumer.poll(POLL);
				this.outcomes.commit();
			}
			catch (RuntimeException ex) {
				log.warn("could not commit while stopping: {}", ex.toString());
				sleep(POLL);
			}
		}
		if (!this.inFlight.isEmpty()) {
			log.info("stopping: downloads still running in {} are abandoned and delivered again",
					this.inFlight.partitions());
		}
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
