package io.reelay.cli.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.reelay.event.DownloadLocation;
import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.PipelineEvent;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.kafka.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The downloader's side of Kafka as the bench sees it: publishes {@code video.completed}
 * as the poller would, and reads {@code video.stored} and {@code video.failed} as a
 * backend would ({@code read_committed}), noting when each arrived.
 */
final class DownloadEvents implements AutoCloseable {

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaProducer<String, byte[]> producer;

	private final Map<String, CompletableFuture<Outcome>> expected = new ConcurrentHashMap<>();

	private final RecordFollower follower;

	/**
	 * How one transfer ended: {@code stored} or {@code failed}.
	 *
	 * @param arrivedNanos {@link System#nanoTime()} when this JVM received the event
	 */
	record Outcome(long arrivedNanos, VideoStored stored, VideoFailed failed) {
	}

	private DownloadEvents(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer) {
		this.producer = producer;
		this.follower = new RecordFollower("bench-download-events", consumer, this::arrived,
				(ex) -> this.expected.values().forEach((outcome) -> outcome.completeExceptionally(ex)));
	}

	/**
	 * Starts reading after the last record now on the terminal topics, which must exist.
	 */
	static DownloadEvents start(String bootstrapServers) {
		KafkaConsumer<String, byte[]> consumer = EndOfTopics.consumer(bootstrapServers,
				List.of(EventType.STORED, EventType.FAILED), Map.of());
		KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
		DownloadEvents events = new DownloadEvents(producer, consumer);
		events.follower.start();
		return events;
	}

	/**
	 * Publishes that {@code video} is ready to fetch, as request {@code requestId}, once
	 * the broker acknowledged it; the outcome completes when its terminal event arrives.
	 */
	CompletableFuture<Outcome> publishCompleted(String requestId, DownloadVideo video) throws InterruptedException {
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		this.expected.put(requestId, outcome);
		Instant now = Instant.now();
		VideoCompleted completed = new VideoCompleted(PipelineEvent.CURRENT_SCHEMA_VERSION, requestId,
				DownloadVideo.PROVIDER, DownloadVideo.MODEL, video.task().id(),
				new DownloadLocation(video.url().toString(), null), null, now, now, now, Map.of("bench", "download"));
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.COMPLETED.topic(), requestId,
				EventJson.write(completed));
		CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), Stage.POLLER.cloudEventSource(),
				EventType.COMPLETED.cloudEventType(), now, requestId);
		try {
			this.producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			this.expected.remove(requestId);
			throw new IllegalStateException("could not publish to " + record.topic() + ": " + ex.getMessage(), ex);
		}
		return outcome;
	}

	private void arrived(ConsumerRecords<String, byte[]> records) {
		long arrived = System.nanoTime();
		for (ConsumerRecord<String, byte[]> record : records) {
			CompletableFuture<Outcome> outcome = (record.key() != null) ? this.expected.remove(record.key()) : null;
			if (outcome != null) {
				outcome.complete(outcomeOf(record, arrived));
			}
		}
	}

	private static Outcome outcomeOf(ConsumerRecord<String, byte[]> record, long arrived) {
		if (record.topic().equals(EventType.STORED.topic())) {
			return new Outcome(arrived, EventJson.read(record.value(), VideoStored.class), null);
		}
		return new Outcome(arrived, null, EventJson.read(record.value(), VideoFailed.class));
	}

	@Override
	public void close() {
		this.follower.close();
		this.producer.close(Duration.ofSeconds(5));
	}

}
