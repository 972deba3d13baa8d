package io.reelay.cli.bench.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.cli.bench.EndOfTopics;
import io.reelay.cli.bench.RecordFollower;
import io.reelay.event.EventType;
import io.reelay.kafka.WorkTiming;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Follows what the stages publish ({@code video.submitted}, {@code video.completed} and
 * the terminal topics, read committed, from the end) and notes when each output of a
 * bench request became visible.
 */
final class PipelineWatch implements AutoCloseable {

	private final Map<String, JobTrace> jobs = new ConcurrentHashMap<>();

	private final RecordFollower follower;

	private final Object ended = new Object();

	private int endedCount;

	PipelineWatch(String bootstrapServers) {
		this.follower = new RecordFollower("bench-pipeline-watch",
				EndOfTopics.consumer(bootstrapServers,
						List.of(EventType.SUBMITTED, EventType.COMPLETED, EventType.STORED, EventType.FAILED),
						Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)),
				this::read, (ex) -> {
					synchronized (this.ended) {
						this.ended.notifyAll();
					}
				})
			.start();
	}

	/** Notes that a request was published now; call before publishing it. */
	void published(String requestId) {
		this.jobs.put(requestId, new JobTrace(JobTrace.nowMicros()));
	}

	private void read(ConsumerRecords<String, byte[]> records) {
		long now = JobTrace.nowMicros();
		int newlyEnded = 0;
		for (ConsumerRecord<String, byte[]> record : records) {
			JobTrace job = this.jobs.get(record.key());
			if (job == null) {
				continue;
			}
			JobTrace.Seen seen = new JobTrace.Seen(now, WorkTiming.readFrom(record.headers()).orElse(null));
			if (record.topic().equals(EventType.SUBMITTED.topic())) {
				job.submitted = seen;
			}
			else if (record.topic().equals(EventType.COMPLETED.topic())) {
				job.completed = seen;
			}
			else if (!job.ended()) {
				job.terminal = seen;
				if (record.topic().equals(EventType.FAILED.topic())) {
					job.failure = FailureCodes.of(record.value());
				}
				newlyEnded++;
			}
		}
		if (newlyEnded > 0) {
			synchronized (this.ended) {
				this.endedCount += newlyEnded;
				this.ended.notifyAll();
			}
		}
	}

	/** How many bench requests ended so far. */
	int ended() {
		synchronized (this.ended) {
			return this.endedCount;
		}
	}

	/**
	 * Waits until at least {@code count} requests ended, or the timeout passes.
	 * @return whether they did
	 * @throws IllegalStateException when following stopped (the broker is gone)
	 */
	boolean awaitEnded(int count, long timeoutMillis) throws InterruptedException {
		long until = System.currentTimeMillis() + timeoutMillis;
		synchronized (this.ended) {
			while (this.endedCount < count) {
				if (this.follower.error() != null) {
					throw new IllegalStateException("stopped following the topics: " + this.follower.error(),
							this.follower.error());
				}
				long left = until - System.currentTimeMillis();
				if (left <= 0) {
					return false;
				}
				this.ended.wait(Math.min(left, 1000));
			}
			return true;
		}
	}

	/** The traces of the requests whose ids start with {@code prefix}, by request id. */
	Map<String, JobTrace> jobs(String prefix) {
		Map<String, JobTrace> matching = new java.util.TreeMap<>();
		this.jobs.forEach((requestId, job) -> {
			if (requestId.startsWith(prefix)) {
				matching.put(requestId, job);
			}
		});
		return matching;
	}

	@Override
	public void close() {
		this.follower.close();
	}

}
