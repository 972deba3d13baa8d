package io.reelay.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.reelay.event.PipelineEvent;
import io.reelay.event.Stage;
import io.reelay.tracing.RecordTracing;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes events keyed by request id, with CloudEvents headers, and waits for the
 * broker to acknowledge them: a stage commits the record it consumed only after what it
 * produced is safe.
 */
public final class EventPublisher {

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaOperations<String, Object> kafka;

	private final Stage stage;

	private final Clock clock;

	private final RecordTracing tracing;

	public EventPublisher(KafkaOperations<String, Object> kafka, Stage stage, Clock clock) {
		this(kafka, stage, clock, RecordTracing.none());
	}

	/**
	 * @param tracing stamps each record with the span in hand, so that it continues the
	 * trace of the record the stage is working on
	 */
	public EventPublisher(KafkaOperations<String, Object> kafka, Stage stage, Clock clock, RecordTracing tracing) {
		this.kafka = kafka;
		this.stage = stage;
		this.clock = clock;
		this.tracing = tracing;
	}

	/**
	 * Publishes a public event to its topic. Its CloudEvents id is derived from the
	 * request id and the event type, so an event published again after a redelivery has
	 * the same id and consumers can drop the copy.
	 */
	public void publish(PipelineEvent event) {
		send(recordOf(event));
	}

	/**
	 * The record {@link #publish(PipelineEvent)} would send, for a stage that sends it
	 * itself, e.g. in a transaction with other records.
	 */
	public ProducerRecord<String, Object> recordOf(PipelineEvent event) {
		String id = UUID
			.nameUUIDFromBytes((event.requestId() + "/" + event.type().name()).getBytes(StandardCharsets.UTF_8))
			.toString();
		return record(event.type().topic(), event.requestId(), event, event.type().cloudEventType(), id, Map.of());
	}

	/**
	 * Publishes a stage's internal record (e.g. a scheduled poll) with a fresh id.
	 * @param extraHeaders headers beside the CloudEvents attributes
	 */
	public void publish(String topic, String requestId, Object value, String cloudEventType,
			Map<String, String> extraHeaders) {
		send(recordOf(topic, requestId, value, cloudEventType, extraHeaders));
	}

	/** The record {@link #publish(String, String, Object, String, Map)} would send. */
	public ProducerRecord<String, Object> recordOf(String topic, String requestId, Object value, String cloudEventType,
			Map<String, String> extraHeaders) {
		return record(topic, requestId, value, cloudEventType, UUID.randomUUID().toString(), extraHeaders);
	}

	private ProducerRecord<String, Object> record(String topic, String requestId, Object value, String type, String id,
			Map<String, String> extraHeaders) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(topic, null, this.clock.millis(), requestId,
				value);
		CloudEventHeaders.write(record.headers(), id, this.stage.cloudEventSource(), type, this.clock.instant(),
				requestId);
		extraHeaders.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		this.tracing.stamp(record.headers());
		return record;
	}

	/**
	 * Sends a record made by one of the {@code recordOf} methods, waiting for the broker;
	 * within a Kafka transaction it is part of it.
	 */
	public void send(ProducerRecord<String, Object> record) {
		String topic = record.topic();
		try {
			this.kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while publishing to " + topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not publish to " + topic + ": " + ex.getMessage(), ex);
		}
	}

}
