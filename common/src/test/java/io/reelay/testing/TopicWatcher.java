package io.reelay.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.reelay.event.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads topics from the beginning with a plain consumer and keeps every record, so a test
 * can wait for the records of its own requests. Use from one thread.
 */
public final class TopicWatcher implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	public TopicWatcher(String bootstrapServers, String... topics) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-watcher-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topics));
	}

	/** Waits until a record on {@code topic} with this key exists, and returns it. */
	public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
		return awaitRecords(topic, (record) -> key.equals(record.key()), 1).get(0);
	}

	/**
	 * Waits for the event of a request on a topic, and returns it read as {@code type}.
	 */
	public <T> T awaitEvent(String topic, String requestId, Class<T> type) {
		return EventJson.read(awaitRecord(topic, requestId).value(), type);
	}

	/**
	 * Waits until at least {@code count} records on {@code topic} match, and returns
	 * them.
	 */
	public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
			Predicate<ConsumerRecord<String, byte[]>> filter, int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			drain();
			return matching(topic, filter).size() >= count;
		});
		return matching(topic, filter);
	}

	/** The records seen so far, after reading what has arrived. */
	public List<ConsumerRecord<String, byte[]>> recordsNow(String topic,
			Predicate<ConsumerRecord<String, byte[]>> filter) {
		drain();
		return matching(topic, filter);
	}

	public Optional<ConsumerRecord<String, byte[]>> find(String topic, String key) {
		return recordsNow(topic, (record) -> key.equals(record.key())).stream().findFirst();
	}

	private void drain() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
	}

	private List<ConsumerRecord<String, byte[]>> matching(String topic,
			Predicate<ConsumerRecord<String, byte[]>> filter) {
		return this.seen.stream().filter((record) -> record.topic().equals(topic)).filter(filter).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
