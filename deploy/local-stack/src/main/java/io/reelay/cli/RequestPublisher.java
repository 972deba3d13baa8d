package io.reelay.cli;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.VideoRequested;
import io.reelay.kafka.CloudEventHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes requests to {@code video.requests} as any backend would: keyed by request id,
 * plain JSON.
 */
public final class RequestPublisher implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	RequestPublisher(String bootstrapServers) {
		this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * A client of any broker, with the settings it needs (security included).
	 * @param clientProperties the producer's settings, bootstrap servers included
	 */
	public RequestPublisher(Map<String, Object> clientProperties) {
		Map<String, Object> settings = new HashMap<>(clientProperties);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
	}

	public void publish(VideoRequested request) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.REQUESTED.topic(), request.requestId(),
				EventJson.write(request));
		CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), "/reelay/cli",
				EventType.REQUESTED.cloudEventType(), Instant.now(), request.requestId());
		try {
			this.producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while publishing " + request.requestId(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not publish " + request.requestId() + ": " + ex.getCause(), ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
