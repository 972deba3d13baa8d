package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.reelay.event.EventType;
import io.reelay.kafka.ReelayKafkaProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs {@code reelay.kafka.concurrency} poll loops in the consumer group {@value #GROUP},
 * after loading what other instances learned: more instances, or more loops, divide the
 * partitions between them.
 */
@Component
class PollLoops implements SmartLifecycle {

	static final String GROUP = "reelay-poller";

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final ConsumerFactory<String, byte[]> consumers;

	private final ProducerFactory<String, Object> producers;

	private final ReelayKafkaProperties kafka;

	private final PollerProperties poller;

	private final DelayTiers tiers;

	private final PollHandler handler;

	private final LearnedScheduleSync learned;

	private final Clock clock;

	private final List<PollLoop> loops = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final List<DefaultKafkaProducerFactory<String, Object>> factories = new ArrayList<>();

	PollLoops(ConsumerFactory<String, byte[]> consumerFactory, ProducerFactory<String, Object> producerFactory,
			ReelayKafkaProperties kafka, PollerProperties poller, DelayTiers tiers, PollHandler handler,
			LearnedScheduleSync learned, Clock clock) {
		this.consumers = consumerFactory;
		this.producers = producerFactory;
		this.kafka = kafka;
		this.poller = poller;
		this.tiers = tiers;
		this.handler = handler;
		this.learned = learned;
		this.clock = clock;
	}

	/**
	 * Producers like every other of the stage, in transactions whose id names the
	 * instance and the loop: a restarted instance with the same id fences its former self
	 * and aborts what it left open.
	 */
	private KafkaTemplate<String, Object> transactional(int loop) {
		DefaultKafkaProducerFactory<String, Object> factory = (DefaultKafkaProducerFactory<String, Object>) this.producers
			.copyWithConfigurationOverride(Map.of(ProducerConfig.LINGER_MS_CONFIG, 2));
		factory.setTransactionIdPrefix("reelay-poller-" + this.poller.instanceId() + "-" + loop + "-");
		this.factories.add(factory);
		return new KafkaTemplate<>(factory);
	}

	@Override
	public synchronized void start() {
		this.learned.start();
		List<String> topics = new ArrayList<>();
		topics.add(EventType.SUBMITTED.topic());
		topics.addAll(this.tiers.topics());
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(this.poller.maxBatch()));
		// records of a paused partition stay buffered: keep that buffer small
		overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(256 * 1024));
		overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
		for (int i = 0; i < this.kafka.concurrency(); i++) {
			PollLoop loop = new PollLoop(this.consumers.createConsumer(GROUP, null, "-" + i, overrides), topics,
					this.tiers, this.handler, transactional(i), this.clock);
			Thread thread = new Thread(loop, "poll-loop-" + i);
			this.loops.add(loop);
			this.threads.add(thread);
			thread.start();
		}
	}

	@Override
	public synchronized void stop() {
		this.loops.forEach(PollLoop::stop);
		long until = System.nanoTime() + STOP_TIMEOUT.toNanos();
		for (Thread thread : this.threads) {
			try {
				thread.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.loops.clear();
		this.threads.clear();
		this.factories.forEach(DefaultKafkaProducerFactory::destroy);
		this.factories.clear();
		this.learned.stop();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.threads.isEmpty();
	}

}
