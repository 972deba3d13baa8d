package io.reelay.cli.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.event.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Follows {@code video.stored} and {@code video.failed} from their beginning while the
 * run goes on, to tell when every request has ended. Only a progress gauge: the checks
 * read the topics again once the services are stopped.
 */
final class TerminalWatch implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Set<String> expected;

	private final Set<String> ended = ConcurrentHashMap.newKeySet();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile RuntimeException error;

	private TerminalWatch(KafkaConsumer<String, byte[]> consumer, Set<String> expected) {
		this.consumer = consumer;
		this.expected = expected;
		this.thread = new Thread(this::consume, "chaos-terminal-watch");
		this.thread.setDaemon(true);
	}

	/** Starts following; the topics must exist. */
	static TerminalWatch start(String bootstrapServers, Set<String> requestIds) {
		TerminalWatch watch = new TerminalWatch(TopicConsumers.fromBeginning(bootstrapServers,
				List.of(EventType.STORED.topic(), EventType.FAILED.topic()), true), Set.copyOf(requestIds));
		watch.thread.start();
		return watch;
	}

	private void consume() {
		try {
			while (this.running) {
				// a broker restart shows as polls that return nothing for a while
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					if (record.key() != null && this.expected.contains(record.key())) {
						this.ended.add(record.key());
					}
				}
			}
		}
		catch (RuntimeException ex) {
			this.error = ex;
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
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
		return this.error;
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
