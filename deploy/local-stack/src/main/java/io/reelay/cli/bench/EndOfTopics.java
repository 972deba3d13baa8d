package io.reelay.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelay.event.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of the benches' event topics that sees only what is published from now on.
 */
public final class EndOfTopics {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private EndOfTopics() {
	}

	/**
	 * A {@code read_committed} consumer assigned every partition of the topics of
	 * {@code types}, which must exist, positioned after their last record.
	 * @param extra further consumer settings
	 */
	public static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, List<EventType> types,
			Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(extra);
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		try {
			List<TopicPartition> partitions = new ArrayList<>();
			for (EventType type : types) {
				consumer.partitionsFor(type.topic(), TIMEOUT)
					.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			// positions now, not at the first poll: no event published from here on is
			// missed
			partitions.forEach((partition) -> consumer.position(partition, TIMEOUT));
			return consumer;
		}
		catch (RuntimeException ex) {
			consumer.close();
			throw ex;
		}
	}

}
