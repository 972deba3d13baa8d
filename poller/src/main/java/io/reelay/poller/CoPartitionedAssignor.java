package io.reelay.poller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;

/**
 * The poller's assignor: a member gets the same partition numbers of every topic it
 * reads, so the ledger partition of a number is written by one instance only (see
 * {@link LedgerPartitions}); and it is cooperative and sticky, so that an instance
 * joining or leaving stalls only the numbers that move, not the whole group.
 */
public final class CoPartitionedAssignor implements ConsumerPartitionAssignor {

	static final String NAME = "reelay-co-partitioned";

	@Override
	public String name() {
		return NAME;
	}

	/** Eager too: correct either way, sticky only when cooperative. */
	@Override
	public List<RebalanceProtocol> supportedProtocols() {
		return List.of(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
	}

	@Override
	public GroupAssignment assign(Cluster metadata, GroupSubscription group) {
		Map<String, Subscription> subscriptions = group.groupSubscription();
		Map<String, Integer> partitionCounts = new HashMap<>();
		subscriptions.values().forEach((subscription) -> subscription.topics().forEach((topic) -> {
			Integer count = metadata.partitionCountForTopic(topic);
			partitionCounts.put(topic, (count != null) ? count : 0);
		}));
		int numbers = partitionCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		List<PartitionNumbers.Member> members = new ArrayList<>();
		subscriptions.forEach((id, subscription) -> {
			Set<Integer> owned = new TreeSet<>();
			subscription.ownedPartitions().forEach((partition) -> owned.add(partition.partition()));
			members.add(new PartitionNumbers.Member(id, subscription.generationId().orElse(-1), owned));
		});
		Map<String, Set<Integer>> shares = PartitionNumbers.share(members, numbers);
		Map<String, Assignment> assignments = new HashMap<>();
		subscriptions.forEach((id, subscription) -> {
			List<TopicPartition> partitions = new ArrayList<>();
			for (Integer number : shares.get(id)) {
				for (String topic : new TreeSet<>(subscription.topics())) {
					if (number < partitionCounts.get(topic)) {
						partitions.add(new TopicPartition(topic, number));
					}
				}
			}
			assignments.put(id, new Assignment(partitions));
		});
		return new GroupAssignment(assignments);
	}

}
