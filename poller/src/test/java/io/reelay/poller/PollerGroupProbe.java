package io.reelay.poller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * The poller's consumer group and topics as a test sees them from outside: how far the
 * group has committed, what the topics hold to their end, and a producer that takes a
 * transaction id away from the poller.
 */
final class PollerGroupProbe implements AutoCloseable {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final String bootstrapServers;

	private final Admin admin;

	PollerGroupProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** Creates those missing, so they can be watched before a poller declares them. */
	void createTopics(Collection<String> names, int partitions) {
		Set<String> existing = get(this.admin.listTopics().names());
		List<NewTopic> missing = names.stream()
			.filter((name) -> !existing.contains(name))
			.map((name) -> new NewTopic(name, partitions, (short) 1))
			.toList();
		get(this.admin.createTopics(missing).all());
	}

	/** Waits until the group has committed past each of these records. */
	void awaitHandled(List<ConsumerRecord<String, byte[]>> records) {
		await().atMost(PATIENCE).until(() -> {
			Map<TopicPartition, OffsetAndMetadata> committed = committed();
			return records.stream().allMatch((record) -> {
				OffsetAndMetadata at = committed.get(new TopicPartition(record.topic(), record.partition()));
				return at != null && at.offset() > record.offset();
			});
		});
	}

	/**
	 * Waits until the group has handled every record now in this partition of these
	 * topics.
	 */
	void awaitCaughtUp(int partition, List<String> topics) {
		List<TopicPartition> partitions = topics.stream().map((topic) -> new TopicPartition(topic, partition)).toList();
		awaitHandledUpTo(endOffsets(partitions));
	}

	/**
	 * Waits until the group has handled every record before these offsets. A committed
	 * offset may stop short of a transaction's marker, so what counts is whether any
	 * record lies between it and the end.
	 */
	void awaitHandledUpTo(Map<TopicPartition, Long> ends) {
		await().atMost(PATIENCE).until(() -> {
			Map<TopicPartition, OffsetAndMetadata> committed = committed();
			Map<TopicPartition, Long> from = new HashMap<>();
			ends.keySet().forEach((partition) -> {
				OffsetAndMetadata at = committed.get(partition);
				from.put(partition, (at != null) ? at.offset() : 0);
			});
			try (KafkaConsumer<String, byte[]> consumer = consumer()) {
				return read(consumer, from, ends).isEmpty();
			}
		});
	}

	/**
	 * Moves the group, which has no member now, to the start of every partition of these
	 * topics, and returns where they end.
	 */
	Map<TopicPartition, Long> resetToStart(List<String> topics) {
		List<TopicPartition> partitions = new ArrayList<>();
		get(this.admin.describeTopics(topics).allTopicNames()).forEach((name, description) -> description.partitions()
			.forEach((info) -> partitions.add(new TopicPartition(name, info.partition()))));
		Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
		get(this.admin.listOffsets(specs(partitions, OffsetSpec.earliest())).all())
			.forEach((partition, info) -> start.put(partition, new OffsetAndMetadata(info.offset())));
		// a member that just left may still be known to the coordinator for a moment
		await().atMost(PATIENCE).ignoreExceptions().until(() -> {
			this.admin.alterConsumerGroupOffsets(PollLoops.GROUP, start).all().get();
			return true;
		});
		return endOffsets(partitions);
	}

	/**
	 * Makes a producer with each transaction id that starts so, fencing whoever used it;
	 * returns how many.
	 */
	int fenceTransactions(String prefix) {
		List<String> ids = get(this.admin.listTransactions().all()).stream()
			.map(TransactionListing::transactionalId)
			.filter((id) -> id.startsWith(prefix))
			.toList();
		for (String id : ids) {
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
							ProducerConfig.TRANSACTIONAL_ID_CONFIG, id),
					new StringSerializer(), new ByteArraySerializer())) {
				producer.initTransactions();
			}
		}
		return ids.size();
	}

	/** How many terminal events each request has, reading both topics to their end. */
	Map<String, Integer> terminalEventsPerRequest() {
		Map<String, Integer> counts = new HashMap<>();
		for (String topic : List.of("video.completed", "video.failed")) {
			recordsOf(topic, (record) -> record.key() != null)
				.forEach((record) -> counts.merge(record.key(), 1, Integer::sum));
		}
		return counts;
	}

	/** The committed records of a topic that match, read from its start to its end. */
	List<ConsumerRecord<String, byte[]>> recordsOf(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			Map<TopicPartition, Long> start = new HashMap<>();
			partitions.forEach((partition) -> start.put(partition, 0L));
			consumer.assign(partitions);
			return read(consumer, start, consumer.endOffsets(partitions)).stream().filter(filter).toList();
		}
	}

	/** The records from {@code from} up to {@code until}, partition by partition. */
	private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer,
			Map<TopicPartition, Long> from, Map<TopicPartition, Long> until) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		consumer.assign(from.keySet());
		from.forEach(consumer::seek);
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (until.entrySet().stream().anyMatch((end) -> consumer.position(end.getKey()) < end.getValue())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read " + from.keySet() + " up to " + until);
			}
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
				if (record.offset() < until.get(new TopicPartition(record.topic(), record.partition()))) {
					records.add(record);
				}
			}
		}
		return records;
	}

	private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			// an offset asked of a partition not assigned is answered with a warning
			consumer.assign(partitions);
			return new HashMap<>(consumer.endOffsets(partitions));
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committed() throws ExecutionException, InterruptedException {
		return this.admin.listConsumerGroupOffsets(PollLoops.GROUP).partitionsToOffsetAndMetadata().get();
	}

	private KafkaConsumer<String, byte[]> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static Map<TopicPartition, OffsetSpec> specs(List<TopicPartition> partitions, OffsetSpec spec) {
		Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
		partitions.forEach((partition) -> specs.put(partition, spec));
		return specs;
	}

	private static <T> T get(KafkaFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
