package io.reelay.cli.chaos;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.cli.bench.RecordFollower;
import io.reelay.event.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Follows {@code video.stored} and {@code video.failed} from their beginning while the
 * run goes on, to tell when every request has ended. Only a progress gauge: the checks
 * read the topics again once the services are stopped.
 */
final class TerminalWatch implements AutoCloseable {

	private final Set<String> expected;

	private final Set<String> ended = ConcurrentHashMap.newKeySet();

	private final RecordFollower follower;

	private TerminalWatch(KafkaConsumer<String, byte[]> consumer, Set<String> expected) {
		this.expected = expected;
		this.follower = new RecordFollower("chaos-terminal-watch", consumer, (records) -> records.forEach(this::seen),
				(ex) -> {
				});
	}

	/** Starts following; the topics must exist. */
	static TerminalWatch start(String bootstrapServers, Set<String> requestIds) {
		TerminalWatch watch = new TerminalWatch(TopicConsumers.fromBeginning(bootstrapServers,
				List.of(EventType.STORED.topic(), EventType.FAILED.topic()), true), Set.copyOf(requestIds));
		watch.follower.start();
		return watch;
	}

	private void seen(ConsumerRecord<String, byte[]> record) {
		if (record.key() != null && this.expected.contains(record.key())) {
			this.ended.add(record.key());
		}
	}

	/** Requests with at least one terminal event seen so far. */
	int ended() {
		return this.ended.size();
	}

	boolean allEnded() {
		return this.ended.size() == this.expected.size();
	}

	/** Why following stopped early, or null. */
	RuntimeException error() {
		return this.follower.error();
	}

	@Override
	public void close() {
		this.follower.close();
	}

}
