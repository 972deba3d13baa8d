package io.reelay.downloader;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.reelay.event.Stage;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.FailedRecords;
import io.reelay.kafka.GroupMembership;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.kafka.TransactionalProducers;
import io.reelay.ledger.RequestLedger;
import io.reelay.metrics.StageMetrics;
import io.reelay.storage.ObjectStore;
import io.reelay.tracing.RecordTracing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs {@code reelay.kafka.concurrency} download loops in the consumer group
 * {@value #GROUP}, sharing one pool of {@code reelay.downloader.max-concurrent} download
 * threads. Stopping (the context closing, e.g. on SIGTERM) stops taking records, lets
 * running downloads end and be committed for up to
 * {@code reelay.downloader.shutdown-timeout}, and abandons the rest, which the group
 * delivers again.
 */
@Component
class DownloadLoops implements SmartLifecycle {

	static final String GROUP = "reelay-downloader";

	private static final Logger log = LoggerFactory.getLogger(DownloadLoops.class);

	/**
	 * Beyond the shutdown timeout: for the consumers to leave the group and the
	 * interrupted downloads to abort their uploads.
	 */
	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final ConsumerFactory<String, byte[]> consumers;

	private final ProducerFactory<String, Object> producers;

	private final ReelayKafkaProperties kafka;

	private final DownloaderProperties properties;

	private final RequestLedger ledger;

	private final RecordDownload download;

	private final StageMetrics metrics;

	private final RecordTracing tracing;

	private final Clock clock;

	private final List<DownloadLoop> loops = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final List<DefaultKafkaProducerFactory<String, Object>> factories = new ArrayList<>();

	private DownloadPool pool;

	DownloadLoops(ConsumerFactory<String, byte[]> consumerFactory, ProducerFactory<String, Object> producerFactory,
			ReelayKafkaProperties kafka, DownloaderProperties properties, RequestLedger downloaderLedger,
			VideoStorage storage, FailedRecords failedRecordRecoverer, EventPublisher events, ObjectStore store,
			StageMetrics metrics, RecordTracing tracing, Clock clock) {
		this.consumers = consumerFactory;
		this.producers = producerFactory;
		this.kafka = kafka;
		this.properties = properties;
		this.ledger = downloaderLedger;
		this.download = new RecordDownload(storage::store, failedRecordRecoverer, events, clock);
		this.metrics = metrics;
		this.tracing = tracing;
		this.clock = clock;
		DownloadPool.warnIfBuffersCrowdTheHeap(properties.maxConcurrent(), store.partSize(),
				Runtime.getRuntime().maxMemory());
	}

	@Override
	public synchronized void start() {
		this.pool = new DownloadPool(this.properties.maxConcurrent());
		Properties overrides = new Properties();
		// no more records at once than threads to take them; the rest wait in Kafka
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(this.properties.maxConcurrent()));
		// a member joining or leaving takes away only the partitions that move, not the
		// downloads of every partition
		overrides.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		for (int i = 0; i < this.kafka.concurrency(); i++) {
			GroupMembership.configure(overrides, this.kafka, Stage.DOWNLOADER, Integer.toString(i));
			DefaultKafkaProducerFactory<String, Object> factory = TransactionalProducers.of(this.producers, this.kafka,
					Stage.DOWNLOADER, "loop-" + i);
			this.factories.add(factory);
			DownloadLoop loop = new DownloadLoop(this.consumers.createConsumer(GROUP, null, "-" + i, overrides),
					this.tracing.template(factory), this.ledger, this.pool, this.download, this.metrics, this.tracing,
					this.clock);
			Thread thread = new Thread(loop, "download-loop-" + i);
			this.loops.add(loop);
			this.threads.add(thread);
			thread.start();
		}
	}

	@Override
	public synchronized void stop() {
		long until = System.nanoTime() + this.properties.shutdownTimeout().toNanos();
		this.loops.forEach((loop) -> loop.stop(until));
		long joinUntil = until + CLOSE_TIMEOUT.toNanos();
		for (Thread thread : this.threads) {
			try {
				thread.join(Math.max(1, (joinUntil - System.nanoTime()) / 1_000_000));
				if (thread.isAlive()) {
					log.warn("{} did not stop within the shutdown timeout and the close timeout", thread.getName());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (this.pool != null) {
			this.pool.close(CLOSE_TIMEOUT);
			this.pool = null;
		}
		this.loops.clear();
		this.threads.clear();
		this.factories.forEach(DefaultKafkaProducerFactory::destroy);
		this.factories.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.threads.isEmpty();
	}

}
