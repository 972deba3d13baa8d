package io.reelay.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.reelay.event.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records the way an outside producer would: plain JSON, or any bytes at all.
 */
public final class RecordPublisher implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	public RecordPublisher(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringSerializer(), new ByteArraySerializer());
	}

	public void publishEvent(String topic, String key, Object event) {
		publishBytes(topic, key, EventJson.write(event));
	}

	public void publishBytes(String topic, String key, byte[] value) {
		publishBytes(topic, key, value, Map.of());
	}

	/** A record with headers too, e.g. a client's W3C {@code traceparent}. */
	public void publishEvent(String topic, String key, Object event, Map<String, String> headers) {
		publishBytes(topic, key, EventJson.write(event), headers);
	}

	public void publishBytes(String topic, String key, byte[] value, Map<String, String> headers) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		try {
			this.producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not publish to " + topic, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
