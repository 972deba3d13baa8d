package io.reelay.poller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.reelay.event.Stage;
import io.reelay.kafka.GroupMembership;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poller's assignor in a real group: every member holds the same numbers of every
 * topic, a member joining moves only what it takes, and a static member that comes back
 * takes its partitions back without disturbing the others.
 */
class CoPartitionedAssignorIntegrationTests {

	private static final int PARTITIONS = 6;

	private final String group = "assignor-test-" + UUID.randomUUID();

	private final List<String> topics = List.of("assignor-a-" + UUID.randomUUID(), "assignor-b-" + UUID.randomUUID());

	private final List<Member> members = new ArrayList<>();

	@AfterEach
	void close() {
		this.members.forEach((member) -> member.consumer.close(Duration.ZERO));
	}

	@Test
	void membersHoldTheSameNumbersOfEveryTopicAndAJoinerMovesOnlyWhatItTakes() {
		try (PollerGroupProbe probe = new PollerGroupProbe(TestInfrastructure.kafkaBootstrapServers())) {
			probe.createTopics(this.topics, PARTITIONS);
		}
		Member first = join("instance-1");
		awaitBalanced(first);
		assertThat(first.numbers()).containsExactly(0, 1, 2, 3, 4, 5);

		Member second = join("instance-2");
		awaitBalanced(first, second);

		assertThat(first.numbers()).hasSize(3);
		assertThat(second.numbers()).hasSize(3).doesNotContainAnyElementsOf(first.numbers());
		// cooperative: the first member gave up only the numbers the second took
		assertThat(numbersOf(first.revoked)).isEqualTo(second.numbers());

		Set<Integer> heldBySecond = second.numbers();
		first.revoked.clear();
		// a static member gone without leaving (a crash), back under the same name
		second.consumer
			.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
		this.members.remove(second);
		Member back = join("instance-2");
		awaitBalanced(first, back);

		assertThat(back.numbers()).isEqualTo(heldBySecond);
		assertThat(first.revoked).isEmpty();
	}

	private Member join(String instance) {
		ReelayKafkaProperties kafka = new ReelayKafkaProperties(TestInfrastructure.kafkaBootstrapServers(), PARTITIONS,
				(short) 1, 1, null, null, instance, Duration.ofDays(1), true);
		Map<Object, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.group);
		config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CoPartitionedAssignor.class.getName());
		GroupMembership.configure(config, kafka, Stage.POLLER, "0");
		Map<String, Object> settings = new HashMap<>();
		config.forEach((key, value) -> settings.put((String) key, value));
		Member member = new Member(
				new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer()));
		member.consumer.subscribe(this.topics, member);
		this.members.add(member);
		return member;
	}

	/**
	 * Polls every member until each holds whole numbers, its share of them, and together
	 * they hold all.
	 */
	private void awaitBalanced(Member... expected) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.members.forEach((member) -> member.consumer.poll(Duration.ofMillis(50)));
			Set<Integer> all = new TreeSet<>();
			for (Member member : expected) {
				Set<TopicPartition> assigned = member.consumer.assignment();
				for (Integer number : numbersOf(assigned)) {
					if (!assigned
						.containsAll(this.topics.stream().map((topic) -> new TopicPartition(topic, number)).toList())) {
						return false;
					}
				}
				all.addAll(numbersOf(assigned));
			}
			int held = 0;
			for (Member member : expected) {
				if (member.numbers().size() < PARTITIONS / expected.length) {
					return false;
				}
				held += member.numbers().size();
			}
			return all.size() == PARTITIONS && held == PARTITIONS;
		});
	}

	private static Set<Integer> numbersOf(Collection<TopicPartition> partitions) {
		Set<Integer> numbers = new TreeSet<>();
		partitions.forEach((partition) -> numbers.add(partition.partition()));
		return numbers;
	}

	private static final class Member implements ConsumerRebalanceListener {

		final KafkaConsumer<String, byte[]> consumer;

		final List<TopicPartition> revoked = new ArrayList<>();

		Member(KafkaConsumer<String, byte[]> consumer) {
			this.consumer = consumer;
		}

		Set<Integer> numbers() {
			return numbersOf(this.consumer.assignment());
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			this.revoked.addAll(partitions);
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
		}

	}

}
