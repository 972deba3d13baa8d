package io.reelay.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Counts the terminal events ({@code video.completed}, {@code video.failed}) of the
 * benchmark's jobs, as a backend would read them ({@code read_committed}), from the end
 * of the topics as they were when it started. Jobs are numbered: request ids are
 * {@code <prefix><index>}.
 */
final class TerminalEvents implements AutoCloseable {

	private static final int FAILURES_KEPT = 5;

	private final String prefix;

	private final int[] terminal;

	private final Instant[] completedAt;

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final RecordFollower follower;

	private TerminalEvents(KafkaConsumer<String, byte[]> consumer, String prefix, int jobs) {
		this.prefix = prefix;
		this.terminal = new int[jobs];
		this.completedAt = new Instant[jobs];
		this.follower = new RecordFollower("bench-terminal-events", consumer, (records) -> records.forEach(this::count),
				(ex) -> {
				});
	}

	/** Starts reading after the last record now on the topics, which must exist. */
	static TerminalEvents start(String bootstrapServers, String prefix, int jobs) {
		KafkaConsumer<String, byte[]> consumer = EndOfTopics.consumer(bootstrapServers,
				List.of(EventType.COMPLETED, EventType.FAILED), Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
		TerminalEvents events = new TerminalEvents(consumer, prefix, jobs);
		events.follower.start();
		return events;
	}

	private void count(ConsumerRecord<String, byte[]> record) {
		int job = indexOf(record.key());
		if (job < 0) {
			return;
		}
		if (++this.terminal[job] > 1) {
			this.duplicates.incrementAndGet();
			return;
		}
		if (record.topic().equals(EventType.COMPLETED.topic())) {
			this.completedAt[job] = EventJson.read(record.value(), VideoCompleted.class).completedAt();
		}
		else {
			this.failed.incrementAndGet();
			if (this.failures.size() < FAILURES_KEPT) {
				VideoFailed failure = EventJson.read(record.value(), VideoFailed.class);
				this.failures.add(failure.requestId() + ": " + failure.code() + ": " + failure.message());
			}
		}
		this.finished.incrementAndGet();
	}

	/** The job a request id names, or -1 if it is not one of this benchmark's. */
	private int indexOf(String requestId) {
		if (requestId == null || !requestId.startsWith(this.prefix)) {
			return -1;
		}
		try {
			int job = Integer.parseInt(requestId.substring(this.prefix.length()));
			return (job >= 0 && job < this.terminal.length) ? job : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** Jobs with at least one terminal event. */
	int finished() {
		return this.finished.get();
	}

	int failed() {
		return this.failed.get();
	}

	/** Terminal events beyond the first of a job. */
	int duplicates() {
		return this.duplicates.get();
	}

	List<String> failures() {
		synchronized (this.failures) {
			return List.copyOf(this.failures);
		}
	}

	/** Why reading stopped early, or null. */
	RuntimeException error() {
		return this.follower.error();
	}

	/**
	 * When each job was seen completed (null if it was not); read only after
	 * {@link #close()}.
	 */
	Instant[] completedAt() {
		return this.completedAt;
	}

	/** Whether each job had a terminal event; read only after {@link #close()}. */
	boolean ended(int job) {
		return this.terminal[job] > 0;
	}

	@Override
	public void close() {
		this.follower.close();
	}

}
