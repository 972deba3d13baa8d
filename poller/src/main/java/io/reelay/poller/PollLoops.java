package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.reelay.event.EventType;
import io.reelay.event.Stage;
import io.reelay.kafka.GroupMembership;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.kafka.TransactionalProducers;
import io.reelay.ledger.RequestLedger;
import io.reelay.tracing.RecordTracing;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs {@code reelay.kafka.concurrency} poll loops in the consumer group {@value #GROUP},
 * after loading what other instances learned: more instances, or more loops, divide the
 * partitions between them. On stop, each loop finishes and commits the batch in hand
 * within {@code reelay.poller.shutdown-timeout}; a batch still unfinished then is handed
 * back uncommitted.
 */
@Component
class PollLoops implements SmartLifecycle {

	static final String GROUP = "reelay-poller";

	private static final Logger log = LoggerFactory.getLogger(PollLoops.class);

	/** For a loop given up on to close its consumer and leave the group. */
	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final ConsumerFactory<String, byte[]> consumers;

	private final ProducerFactory<String, Object> producers;

	private final ReelayKafkaProperties kafka;

	private final PollerProperties poller;

	private final DelayTiers tiers;

	private final PollHandler handler;

	private final LearnedScheduleSync learned;

	private final LedgerPartitions ledger;

	private final RecordTracing tracing;

	private final Clock clock;

	private final List<PollLoop> loops = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final List<DefaultKafkaProducerFactory<String, Object>> factories = new ArrayList<>();

	PollLoops(ConsumerFactory<String, byte[]> consumerFactory, ProducerFactory<String, Object> producerFactory,
			ReelayKafkaProperties kafka, PollerProperties poller, DelayTiers tiers, PollHandler handler,
			LearnedScheduleSync learned, RequestLedger pollerLedger, RecordTracing tracing, Clock clock) {
		this.consumers = consumerFactory;
		this.producers = producerFactory;
		this.kafka = kafka;
		this.poller = poller;
		this.tiers = tiers;
		this.handler = handler;
		this.learned = learned;
		this.ledger = new LedgerPartitions(pollerLedger);
		this.tracing = tracing;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		List<String> topics = new ArrayList<>();
		topics.add(EventType.SUBMITTED.topic());
		topics.addAll(this.tiers.topics());
		requireCoPartitioned(topics);
		this.learned.start();
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(this.poller.maxBatch()));
		// records of a paused partition stay buffered: keep that buffer small
		overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(256 * 1024));
		overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
		// each consumer gets the same partition numbers of every topic, so the ledger
		// partitions an instance holds are written by that instance only; a member
		// joining or leaving moves only the numbers that must move
		overrides.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CoPartitionedAssignor.class.getName());
		for (int i = 0; i < this.kafka.concurrency(); i++) {
			GroupMembership.configure(overrides, this.kafka, Stage.POLLER, Integer.toString(i));
			DefaultKafkaProducerFactory<String, Object> transactional = TransactionalProducers.of(this.producers,
					this.kafka, Stage.POLLER, "loop-" + i);
			this.factories.add(transactional);
			PollLoop loop = new PollLoop(this.consumers.createConsumer(GROUP, null, "-" + i, overrides), topics,
					this.tiers, this.handler, this.tracing.template(transactional), this.ledger, this.clock);
			// not a daemon: the loops keep the service alive
			Thread thread = new Thread(loop, "poll-loop-" + i);
			this.loops.add(loop);
			this.threads.add(thread);
			thread.start();
		}
	}

	/**
	 * The ledger is right only when a request's records and its entry share a partition
	 * number.
	 */
	private void requireCoPartitioned(List<String> topics) {
		try (Consumer<String, byte[]> probe = this.consumers.createConsumer()) {
			int ledgerPartitions = probe.partitionsFor(PollTopics.LEDGER).size();
			for (String topic : topics) {
				int count = probe.partitionsFor(topic).size();
				if (count != ledgerPartitions) {
					throw new IllegalStateException(topic + " has " + count + " partitions and " + PollTopics.LEDGER
							+ " " + ledgerPartitions + ": the poller's ledger must be co-partitioned with every"
							+ " topic it reads; give them the same number of partitions");
				}
			}
		}
	}

	@Override
	public synchronized void stop() {
		this.loops.forEach(PollLoop::stop);
		join(this.poller.shutdownTimeout());
		for (Thread thread : this.threads) {
			if (thread.isAlive()) {
				log.warn("{} did not finish its batch within {}: handing it back uncommitted", thread.getName(),
						this.poller.shutdownTimeout());
				thread.interrupt();
			}
		}
		join(CLOSE_TIMEOUT);
		this.threads.stream()
			.filter(Thread::isAlive)
			.forEach((thread) -> log.error("{} is still running after it was interrupted", thread.getName()));
		this.loops.clear();
		this.threads.clear();
		this.factories.forEach(DefaultKafkaProducerFactory::destroy);
		this.factories.clear();
		this.learned.stop();
	}

	private void join(Duration timeout) {
		long until = System.nanoTime() + timeout.toNanos();
		for (Thread thread : this.threads) {
			try {
				thread.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.threads.isEmpty();
	}

}
