package io.reelay.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.event.EventJson;
import io.reelay.kafka.PipelineTopics;
import io.reelay.kafka.ReelayKafkaProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * A stage's memory of the requests it handled, kept in a compacted Kafka topic keyed by
 * request id and co-partitioned with the stage's input: the instance that owns input
 * partition {@code p} loads ledger partition {@code p} and nothing else. Entries are
 * written in the same Kafka transaction as what the stage publishes, so the ledger and
 * the pipeline never disagree. Entries older than the window are forgotten, in memory and
 * (by retention) on disk.
 */
public final class RequestLedger {

	private static final Logger log = LoggerFactory.getLogger(RequestLedger.class);

	private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final String topic;

	private final ConsumerFactory<String, byte[]> consumers;

	private final Duration window;

	private final Clock clock;

	private final Map<Integer, Map<String, LedgerEntry>> byPartition = new ConcurrentHashMap<>();

	private volatile int partitionCount;

	private volatile Instant nextPurge;

	public RequestLedger(String topic, ConsumerFactory<String, byte[]> consumers, Duration window, Clock clock) {
		this.topic = topic;
		this.consumers = consumers;
		this.window = window;
		this.clock = clock;
		this.nextPurge = clock.instant().plus(PURGE_EVERY);
	}

	/**
	 * The ledger topic: compacted to one record per request, and deleted after the
	 * window.
	 */
	public static NewTopic topic(String name, ReelayKafkaProperties kafka) {
		NewTopic topic = PipelineTopics.topic(name, kafka);
		topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
				TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
				TopicConfig.RETENTION_MS_CONFIG, Long.toString(kafka.dedupWindow().toMillis())));
		return topic;
	}

	public String topic() {
		return this.topic;
	}

	/**
	 * Reads the given partitions from their start to their very end, waiting for any
	 * transaction still open on them: a former owner's last entries count.
	 */
	public void load(Collection<Integer> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		List<TopicPartition> assigned = partitions.stream().map((p) -> new TopicPartition(this.topic, p)).toList();
		try (Consumer<String, byte[]> reader = reader("read_committed");
				Consumer<String, byte[]> ends = reader("read_uncommitted")) {
			this.partitionCount = reader.partitionsFor(this.topic).size();
			reader.assign(assigned);
			reader.seekToBeginning(assigned);
			ends.assign(assigned);
			Map<TopicPartition, Long> end = ends.endOffsets(assigned);
			Instant oldest = this.clock.instant().minus(this.window);
			partitions.forEach((p) -> this.byPartition.put(p, new ConcurrentHashMap<>()));
			long until = System.nanoTime() + LOAD_TIMEOUT.toNanos();
			int read = 0;
			while (!caughtUp(reader, end)) {
				if (System.nanoTime() > until) {
					throw new IllegalStateException("could not read " + this.topic + " " + partitions + " to its end ("
							+ end + ") within " + LOAD_TIMEOUT + ": a transaction stays open");
				}
				for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
					apply(record, oldest);
					read++;
				}
			}
			log.info("loaded {} partitions {}: {} records read, {} requests remembered", this.topic, partitions, read,
					partitions.stream().mapToInt((p) -> this.byPartition.get(p).size()).sum());
		}
	}

	/** Forgets partitions this instance no longer owns. */
	public void unload(Collection<Integer> partitions) {
		partitions.forEach(this.byPartition::remove);
	}

	/**
	 * Whether this instance holds the ledger partition of the request, and so knows
	 * whether it ended.
	 */
	public boolean holds(String requestId) {
		return this.byPartition.containsKey(partitionOf(requestId));
	}

	public Optional<LedgerEntry> find(String requestId) {
		Map<String, LedgerEntry> partition = this.byPartition.get(partitionOf(requestId));
		return (partition != null) ? Optional.ofNullable(partition.get(requestId)) : Optional.empty();
	}

	/** The record that writes {@code entry}, to send in the stage's transaction. */
	public ProducerRecord<String, Object> recordOf(LedgerEntry entry) {
		return new ProducerRecord<>(this.topic, entry.requestId(), entry);
	}

	/** The record that erases what the ledger knows of a request. */
	public ProducerRecord<String, Object> removalOf(String requestId) {
		return new ProducerRecord<>(this.topic, requestId, null);
	}

	/**
	 * Takes in an entry once the transaction that wrote it committed; an entry of a
	 * partition this instance gave up meanwhile is its new owner's to read.
	 */
	public void remember(LedgerEntry entry) {
		Map<String, LedgerEntry> partition = this.byPartition.get(partitionOf(entry.requestId()));
		if (partition != null) {
			partition.put(entry.requestId(), entry);
		}
		purgeNowAndThen();
	}

	/** Takes in a removal once the transaction that wrote it committed. */
	public void forget(String requestId) {
		Map<String, LedgerEntry> partition = this.byPartition.get(partitionOf(requestId));
		if (partition != null) {
			partition.remove(requestId);
		}
	}

	/** How many requests the ledger remembers on this instance. */
	public int size() {
		return this.byPartition.values().stream().mapToInt(Map::size).sum();
	}

	private void apply(ConsumerRecord<String, byte[]> record, Instant oldest) {
		Map<String, LedgerEntry> partition = this.byPartition.get(record.partition());
		if (record.key() == null || partition == null) {
			return;
		}
		if (record.value() == null) {
			partition.remove(record.key());
			return;
		}
		LedgerEntry entry;
		try {
			entry = EventJson.mapper().readValue(record.value(), LedgerEntry.class);
		}
		catch (RuntimeException ex) {
			log.warn("{} record {}@{} is not a ledger entry, skipped: {}", this.topic, record.offset(),
					record.partition(), ex.getMessage());
			return;
		}
		if (entry.recordedAt() == null || entry.recordedAt().isBefore(oldest)) {
			partition.remove(record.key());
		}
		else {
			partition.put(record.key(), entry);
		}
	}

	private void purgeNowAndThen() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextPurge)) {
			return;
		}
		this.nextPurge = now.plus(PURGE_EVERY);
		Instant oldest = now.minus(this.window);
		for (Map<String, LedgerEntry> partition : new ArrayList<>(this.byPartition.values())) {
			partition.values().removeIf((entry) -> entry.recordedAt().isBefore(oldest));
		}
	}

	private static boolean caughtUp(Consumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (reader.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	/** The partition Kafka's default partitioner gives the key, as producers do. */
	private int partitionOf(String requestId) {
		int count = this.partitionCount;
		if (count == 0) {
			return -1;
		}
		return Utils.toPositive(Utils.murmur2(requestId.getBytes(StandardCharsets.UTF_8))) % count;
	}

	private Consumer<String, byte[]> reader(String isolation) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		return this.consumers.createConsumer(null, this.topic + "-loader-", isolation, overrides);
	}

}
