package io.reelay.downloader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import static org.awaitility.Awaitility.await;

/**
 * The {@code reelay-downloader} group's progress on {@code video.completed}, seen from
 * outside: the downloader commits a record's offset in the transaction that publishes its
 * outcome, so once the group is past a record, whatever the record caused is visible.
 */
final class DownloaderGroup implements AutoCloseable {

	private static final String TOPIC = "video.completed";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final Admin admin;

	DownloaderGroup(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** The partition of {@code video.completed} a request's records go to. */
	static int partitionOf(String requestId, int partitions) {
		return Utils.toPositive(Utils.murmur2(requestId.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	/** The offset the group committed on a partition; -1 when none. */
	long committed(int partition) {
		OffsetAndMetadata offset = committed().get(new TopicPartition(TOPIC, partition));
		return (offset != null) ? offset.offset() : -1;
	}

	/** Waits until the group committed past {@code record}. */
	void awaitCommittedPast(ConsumerRecord<?, ?> record) {
		await().atMost(PATIENCE).until(() -> committed(record.partition()) > record.offset());
	}

	/** Waits until the group committed every record of {@code video.completed}. */
	void awaitCaughtUp() {
		await().atMost(PATIENCE).until(() -> {
			Map<TopicPartition, OffsetAndMetadata> committed = committed();
			return ends().entrySet()
				.stream()
				.allMatch((end) -> end.getValue() == 0 || (committed.containsKey(end.getKey())
						&& committed.get(end.getKey()).offset() >= end.getValue()));
		});
	}

	/**
	 * Sets the group back to the start of every partition, as an operator replaying the
	 * topic would. The group must have no member left.
	 */
	void resetToStart() {
		Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
		ends().keySet().forEach((partition) -> start.put(partition, new OffsetAndMetadata(0)));
		await().atMost(PATIENCE).ignoreExceptions().until(() -> {
			this.admin.alterConsumerGroupOffsets(DownloadLoops.GROUP, start).all().get();
			return true;
		});
	}

	private Map<TopicPartition, OffsetAndMetadata> committed() {
		try {
			return this.admin.listConsumerGroupOffsets(DownloadLoops.GROUP).partitionsToOffsetAndMetadata().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<TopicPartition, Long> ends() {
		try {
			List<TopicPartition> partitions = this.admin.describeTopics(List.of(TOPIC))
				.allTopicNames()
				.get()
				.get(TOPIC)
				.partitions()
				.stream()
				.map((info) -> new TopicPartition(TOPIC, info.partition()))
				.toList();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
			Map<TopicPartition, Long> ends = new HashMap<>();
			this.admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.all()
				.get()
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			return ends;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
