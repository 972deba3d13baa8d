package io.reelay.cli.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Consumers that read whole topics, as a backend reads Reelay's events. */
final class TopicConsumers {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private TopicConsumers() {
	}

	/**
	 * A consumer without a group, assigned every partition of {@code topics} (which must
	 * exist), at their beginning.
	 * @param readCommitted whether records of aborted and open transactions are skipped
	 */
	static KafkaConsumer<String, byte[]> fromBeginning(String bootstrapServers, List<String> topics,
			boolean readCommitted) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		try {
			List<TopicPartition> partitions = partitionsOf(consumer, topics);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			return consumer;
		}
		catch (RuntimeException ex) {
			consumer.close();
			throw ex;
		}
	}

	static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, List<String> topics) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			consumer.partitionsFor(topic, TIMEOUT)
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		return partitions;
	}

}
