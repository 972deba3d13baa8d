package io.reelay.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.reelay.event.EventType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The poller as Kafka sees it: its consumer group and how far it has read. */
final class PollerGroup {

	/** The poller's consumer group ({@code PollLoops.GROUP}). */
	static final String GROUP = "reelay-poller";

	private static final String SUBMITTED = EventType.SUBMITTED.topic();

	private static final long TIMEOUT_SECONDS = 10;

	private final Admin admin;

	PollerGroup(Admin admin) {
		this.admin = admin;
	}

	/**
	 * Whether its consumers were given every partition of {@code video.submitted} (which
	 * it declares at start-up).
	 */
	boolean ready() throws InterruptedException {
		try {
			if (!this.admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(SUBMITTED)) {
				return false;
			}
			ConsumerGroupDescription group = this.admin.describeConsumerGroups(List.of(GROUP))
				.all()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
				.get(GROUP);
			long assigned = group.members()
				.stream()
				.flatMap((member) -> member.assignment().topicPartitions().stream())
				.filter((partition) -> partition.topic().equals(SUBMITTED))
				.count();
			return assigned == submittedPartitions().size();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/**
	 * Submissions it has not read yet (its committed offsets behind the end of
	 * {@code video.submitted}), or -1 if unknown.
	 */
	long submittedLag() throws InterruptedException {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
			submittedPartitions().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
			ListOffsetsResult ends = this.admin.listOffsets(latest);
			long lag = 0;
			for (TopicPartition partition : latest.keySet()) {
				long end = ends.partitionResult(partition).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).offset();
				OffsetAndMetadata read = committed.get(partition);
				lag += end - ((read != null) ? read.offset() : 0);
			}
			return lag;
		}
		catch (ExecutionException | TimeoutException ex) {
			return -1;
		}
	}

	private List<TopicPartition> submittedPartitions()
			throws InterruptedException, ExecutionException, TimeoutException {
		return this.admin.describeTopics(List.of(SUBMITTED))
			.allTopicNames()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.get(SUBMITTED)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(SUBMITTED, partition.partition()))
			.toList();
	}

}
