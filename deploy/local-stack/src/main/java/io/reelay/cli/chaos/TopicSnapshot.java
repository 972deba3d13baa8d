package io.reelay.cli.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.CloudEventHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every record of Reelay's topics (dead-letter topics and the stages' ledgers too) as a
 * backend reading with {@code read_committed} sees them once the services are stopped:
 * the terminal events per request id, and each request's trail through the pipeline, to
 * show what became of a request that went wrong. Also the partitions whose committed end
 * lags their log end: a transaction still open holds back every record after it.
 *
 * @param terminal the terminal records of each request id, in topic order
 * @param trails one line per record of each request id, in topic order
 * @param openTransactions partitions where read_committed readers stop short, with both
 * ends
 * @param published when each request id was first published
 */
record TopicSnapshot(Map<String, List<TerminalRecord>> terminal, Map<String, List<String>> trails,
		List<String> openTransactions, Map<String, Instant> published) {

	private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

	private static final String LEDGER_PREFIX = "video.ledger.";

	static TopicSnapshot read(String bootstrapServers) throws Exception {
		List<String> topics = existingTopics(bootstrapServers);
		Map<String, List<TerminalRecord>> terminal = new TreeMap<>();
		Map<String, List<String>> trails = new TreeMap<>();
		List<String> openTransactions = new ArrayList<>();
		Map<String, Instant> published = new TreeMap<>();
		try (KafkaConsumer<String, byte[]> committed = TopicConsumers.fromBeginning(bootstrapServers, topics, true);
				KafkaConsumer<String, byte[]> all = TopicConsumers.fromBeginning(bootstrapServers, topics, false)) {
			List<TopicPartition> partitions = List.copyOf(committed.assignment());
			Map<TopicPartition, Long> ends = committed.endOffsets(partitions);
			Map<TopicPartition, Long> logEnds = all.endOffsets(partitions);
			ends.forEach((partition, end) -> {
				if (end < logEnds.get(partition)) {
					openTransactions
						.add(partition + ": committed up to " + end + ", log up to " + logEnds.get(partition));
				}
			});
			long until = System.nanoTime() + READ_TIMEOUT.toNanos();
			while (!reachedEnds(committed, ends)) {
				if (System.nanoTime() > until) {
					throw new IllegalStateException("could not read the topics to their end within " + READ_TIMEOUT);
				}
				for (ConsumerRecord<String, byte[]> record : committed.poll(Duration.ofMillis(500))) {
					take(record, terminal, trails);
					if (record.key() != null && record.topic().equals(EventType.REQUESTED.topic())) {
						published.putIfAbsent(record.key(), Instant.ofEpochMilli(record.timestamp()));
					}
				}
			}
		}
		return new TopicSnapshot(terminal, trails, openTransactions, published);
	}

	private static List<String> existingTopics(String bootstrapServers) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<String> topics = new ArrayList<>();
			for (EventType type : EventType.values()) {
				for (String topic : List.of(type.topic(), type.deadLetterTopic())) {
					if (existing.contains(topic)) {
						topics.add(topic);
					}
				}
			}
			// the stages' request ledgers, keyed by request id too: what each stage
			// remembered of a request belongs in its trail
			existing.stream().filter((topic) -> topic.startsWith(LEDGER_PREFIX)).sorted().forEach(topics::add);
			return topics;
		}
	}

	private static boolean reachedEnds(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			if (consumer.position(end.getKey()) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

	private static void take(ConsumerRecord<String, byte[]> record, Map<String, List<TerminalRecord>> terminal,
			Map<String, List<String>> trails) {
		if (record.key() == null) {
			return;
		}
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		Instant timestamp = Instant.ofEpochMilli(record.timestamp());
		String source = CloudEventHeaders.read(record.headers()).getOrDefault(CloudEventHeaders.SOURCE, "?");
		String detail = "";
		try {
			if (record.topic().equals(EventType.STORED.topic()) || record.topic().equals(EventType.FAILED.topic())) {
				TerminalRecord event = record.topic().equals(EventType.STORED.topic())
						? new TerminalRecord(where, timestamp, source,
								EventJson.read(record.value(), VideoStored.class), null)
						: new TerminalRecord(where, timestamp, source, null,
								EventJson.read(record.value(), VideoFailed.class));
				terminal.computeIfAbsent(record.key(), (id) -> new ArrayList<>()).add(event);
				detail = ": " + event.outcome();
			}
			else if (record.topic().equals(EventType.SUBMITTED.topic())) {
				detail = ": task " + EventJson.read(record.value(), VideoSubmitted.class).providerTaskId();
			}
		}
		catch (RuntimeException unreadable) {
			detail = ": unreadable (" + unreadable.getMessage() + ")";
		}
		// the timestamp first: a trail is sorted into the order things happened
		trails.computeIfAbsent(record.key(), (id) -> new ArrayList<>())
			.add(timestamp + " " + where + " from " + source + detail);
	}

	/** The trail of one request in time order, or an empty one. */
	List<String> trailOf(String requestId) {
		return this.trails.getOrDefault(requestId, List.of()).stream().sorted().toList();
	}

	List<TerminalRecord> terminalOf(String requestId) {
		return this.terminal.getOrDefault(requestId, List.of());
	}

	/** Every terminal record, of every request. */
	List<TerminalRecord> allTerminal() {
		List<TerminalRecord> all = new ArrayList<>();
		this.terminal.values().forEach(all::addAll);
		return all;
	}

}
