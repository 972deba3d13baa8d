package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.reelay.event.EventJson;
import io.reelay.kafka.EventPublisher;
import io.reelay.poller.schedule.CompletionTimesSnapshot;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Shares what instances learn through the compacted topic {@value PollTopics#LEARNED}:
 * loads all of it before polling starts (so a restarted instance keeps its schedule),
 * follows what other instances publish, and publishes this instance's changes every
 * {@code reelay.poller.learned-publish-interval} and when it stops.
 */
@Component
class LearnedScheduleSync {

	private static final Logger log = LoggerFactory.getLogger(LearnedScheduleSync.class);

	private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(15);

	static final String CLOUD_EVENT_TYPE = "io.reelay.poll.learned";

	private final ConsumerFactory<String, byte[]> consumers;

	private final EventPublisher events;

	private final LearnedSchedules learned;

	private final Duration publishInterval;

	private final Clock clock;

	private Consumer<String, byte[]> consumer;

	private Thread follower;

	private ScheduledExecutorService publisher;

	private volatile boolean running;

	LearnedScheduleSync(ConsumerFactory<String, byte[]> consumerFactory, EventPublisher events,
			LearnedSchedules learned, PollerProperties properties, Clock clock) {
		this.consumers = consumerFactory;
		this.events = events;
		this.learned = learned;
		this.publishInterval = properties.learnedPublishInterval();
		this.clock = clock;
	}

	synchronized void start() {
		this.running = true;
		// no group: every instance reads the whole topic, and commits nothing
		this.consumer = this.consumers.createConsumer(null, null, "-learned", new Properties());
		List<TopicPartition> partitions = this.consumer.partitionsFor(PollTopics.LEARNED)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		int loaded = loadUpTo(this.consumer.endOffsets(partitions));
		log.info("loaded learned completion times of {} provider models", loaded);
		this.follower = new Thread(this::follow, "poller-learned");
		this.follower.setDaemon(true);
		this.follower.start();
		this.publisher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "poller-learned-publisher");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.publishInterval.toMillis();
		this.publisher.scheduleWithFixedDelay(this::publishChanges, every, every, TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.publisher.shutdownNow();
		publishChanges();
		this.consumer.wakeup();
		try {
			this.follower.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int loadUpTo(Map<TopicPartition, Long> ends) {
		long until = System.nanoTime() + LOAD_TIMEOUT.toNanos();
		int loaded = 0;
		while (!reached(ends) && System.nanoTime() < until) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				loaded += take(record) ? 1 : 0;
			}
		}
		return loaded;
	}

	private boolean reached(Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> this.consumer.position(end.getKey()) >= end.getValue());
	}

	private void follow() {
		try {
			while (this.running) {
				this.consumer.poll(Duration.ofSeconds(1)).forEach(this::take);
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		finally {
			this.consumer.close();
		}
	}

	private boolean take(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return false;
		}
		try {
			this.learned.received(EventJson.mapper().readValue(record.value(), CompletionTimesSnapshot.class));
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("ignoring an unreadable record {} on {}: {}", record.key(), PollTopics.LEARNED, ex.toString());
			return false;
		}
	}

	private void publishChanges() {
		try {
			for (CompletionTimesSnapshot snapshot : this.learned.takeChanges(this.clock.instant())) {
				this.events.publish(PollTopics.LEARNED, LearnedSchedules.key(snapshot.provider(), snapshot.model()),
						snapshot, CLOUD_EVENT_TYPE, Map.of());
			}
		}
		catch (RuntimeException ex) {
			log.warn("could not publish learned completion times, trying again later: {}", ex.toString());
		}
	}

}
