package io.reelay.cli.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelay.event.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the pipeline's public topics from an instant on, as committed
 * ({@code read_committed}), without joining a consumer group: watching changes nothing in
 * the pipeline.
 */
final class PipelineTail implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	/**
	 * Where each partition ended when the tail started: reading up to there is catching
	 * up.
	 */
	private final Map<TopicPartition, Long> endsAtStart;

	PipelineTail(Map<String, Object> clientProperties, Instant since, Duration timeout) {
		Map<String, Object> settings = new HashMap<>(clientProperties);
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (EventType type : EventType.values()) {
			this.consumer.partitionsFor(type.topic(), timeout)
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		this.consumer.assign(partitions);
		Map<TopicPartition, Long> at = new HashMap<>();
		partitions.forEach((partition) -> at.put(partition, since.toEpochMilli()));
		Map<TopicPartition, OffsetAndTimestamp> offsets = this.consumer.offsetsForTimes(at, timeout);
		for (TopicPartition partition : partitions) {
			OffsetAndTimestamp offset = offsets.get(partition);
			if (offset != null) {
				this.consumer.seek(partition, offset.offset());
			}
			else {
				// nothing since then in this partition
				this.consumer.seekToEnd(List.of(partition));
			}
		}
		this.endsAtStart = this.consumer.endOffsets(partitions, timeout);
	}

	List<ConsumerRecord<String, byte[]>> poll(Duration timeout) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		this.consumer.poll(timeout).forEach(records::add);
		return records;
	}

	/** Whether everything that was on the topics when the tail started has been read. */
	boolean caughtUp() {
		return this.endsAtStart.entrySet()
			.stream()
			.allMatch((end) -> this.consumer.position(end.getKey()) >= end.getValue());
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
