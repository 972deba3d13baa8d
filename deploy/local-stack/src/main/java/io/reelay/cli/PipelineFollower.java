package io.reelay.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.PipelineEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows requests through the pipeline's topics until each has its terminal event. It
 * reads from the end of every partition as it was when the follower was created, without
 * joining a consumer group, so create it before publishing the requests.
 */
public final class PipelineFollower implements AutoCloseable {

	private static final List<EventType> FOLLOWED = List.of(EventType.SUBMITTED, EventType.COMPLETED, EventType.STORED,
			EventType.FAILED);

	private final KafkaConsumer<String, byte[]> consumer;

	PipelineFollower(String bootstrapServers) {
		this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * A client of any broker, with the settings it needs (security included).
	 * @param clientProperties the consumer's settings, bootstrap servers included
	 */
	public PipelineFollower(Map<String, Object> clientProperties) {
		Map<String, Object> settings = new HashMap<>(clientProperties);
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (EventType type : FOLLOWED) {
			this.consumer.partitionsFor(type.topic(), Duration.ofSeconds(30))
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		// resolve the end offsets now, before anything is published
		partitions.forEach(this.consumer::position);
	}

	/**
	 * Hands every event of the given requests to {@code onEvent} until each request has
	 * ended or the time is up.
	 * @return the requests that ended
	 */
	public Set<String> follow(Set<String> requestIds, Duration timeout, Consumer<PipelineEvent> onEvent) {
		Set<String> ended = new HashSet<>();
		Instant giveUp = Instant.now().plus(timeout);
		while (ended.size() < requestIds.size() && Instant.now().isBefore(giveUp)) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (!requestIds.contains(record.key())) {
					continue;
				}
				EventType type = FOLLOWED.stream()
					.filter((candidate) -> candidate.topic().equals(record.topic()))
					.findFirst()
					.orElseThrow();
				PipelineEvent event = EventJson.read(record.value(), type.eventClass());
				onEvent.accept(event);
				if (type == EventType.STORED || type == EventType.FAILED) {
					ended.add(record.key());
				}
			}
		}
		return ended;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
