package io.reelay.cli.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoSubmitted;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatedTask;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Jobs as the submitter would leave them: a task the simulator is generating, and its
 * {@code video.submitted} event for the poller. Tasks are seeded in the simulator without
 * HTTP, so that a hundred thousand start within seconds.
 */
final class SubmittedJobs {

	static final String PROVIDER = "generic";

	static final String MODEL = "sim-video-1";

	static final Duration DEADLINE = Duration.ofHours(1);

	private SubmittedJobs() {
	}

	/**
	 * Seeds one task per duration and publishes its submission, keyed
	 * {@code <prefix><index>}; returns once every record is acknowledged.
	 */
	static SimulatedTask[] submit(ProviderSimulator simulator, String bootstrapServers, String prefix,
			double[] seconds) {
		SimulatedTask[] tasks = new SimulatedTask[seconds.length];
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 20,
						ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int job = 0; job < seconds.length; job++) {
				SimulatedTask task = simulator.tasks()
					.seed(PROVIDER, MODEL, null, Duration.ofNanos(Math.round(seconds[job] * 1e9)));
				tasks[job] = task;
				String requestId = prefix + job;
				Instant createdAt = task.createdAt();
				VideoSubmitted submitted = new VideoSubmitted(PipelineEvent.CURRENT_SCHEMA_VERSION, requestId, PROVIDER,
						MODEL, task.id(), "queued", createdAt, createdAt, createdAt.plus(DEADLINE), Map.of());
				producer.send(new ProducerRecord<>(EventType.SUBMITTED.topic(), requestId, EventJson.write(submitted)),
						(metadata, ex) -> {
							if (ex != null) {
								failure.compareAndSet(null, ex);
							}
						});
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("could not publish every submission: " + failure.get(), failure.get());
		}
		return tasks;
	}

}
