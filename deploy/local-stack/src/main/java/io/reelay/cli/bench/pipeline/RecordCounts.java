package io.reelay.cli.bench.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many committed records each of Reelay's topics took between two moments: what a job
 * costs Kafka. End offsets also count transaction markers, so the records between two
 * snapshots are read and counted ({@code read_committed}: aborted ones do not count).
 */
final class RecordCounts {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private RecordCounts() {
	}

	/** The end offset of every partition of every {@code video.*} topic now. */
	static Map<TopicPartition, Long> endOffsets(String bootstrapServers) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<String> reelay = topics.stream().filter((topic) -> topic.startsWith("video.")).toList();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (TopicDescription topic : admin.describeTopics(reelay)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.values()) {
				topic.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic.name(), partition.partition()),
							OffsetSpec.latest()));
			}
			Map<TopicPartition, Long> offsets = new HashMap<>();
			admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.forEach((partition, info) -> offsets.put(partition, info.offset()));
			return offsets;
		}
	}

	/**
	 * Committed records per topic between two snapshots of {@link #endOffsets}; a topic
	 * created in between counts from its start.
	 */
	static Map<String, Long> between(String bootstrapServers, Map<TopicPartition, Long> from,
			Map<TopicPartition, Long> to) {
		Map<String, Long> counts = new TreeMap<>();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
				TopicPartition partition = end.getKey();
				long start = from.getOrDefault(partition, 0L);
				counts.merge(partition.topic(), 0L, Long::sum);
				if (end.getValue() > start) {
					counts.merge(partition.topic(), count(consumer, partition, start, end.getValue()), Long::sum);
				}
			}
		}
		return counts;
	}

	private static long count(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long start, long end) {
		consumer.assign(List.of(partition));
		consumer.seek(partition, start);
		long counted = 0;
		long until = System.nanoTime() + TIMEOUT.toNanos();
		while (consumer.position(partition) < end && System.nanoTime() < until) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() < end) {
					counted++;
				}
			}
		}
		return counted;
	}

}
