package io.reelay.tracing;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * A template whose sends are observed, each a child of the parent its record was stamped
 * with (see {@link RecordTracing#stamp}).
 */
final class TracedKafkaTemplate<K, V> extends KafkaTemplate<K, V> {

	private final RecordTracing tracing;

	TracedKafkaTemplate(ProducerFactory<K, V> factory, RecordTracing tracing) {
		super(factory);
		this.tracing = tracing;
		setObservationEnabled(true);
		setObservationRegistry(tracing.registry());
	}

	/**
	 * Sends a copy of the record: the observation writes the sending span into the
	 * headers, and a record sent before (again after its transaction failed) has
	 * read-only ones.
	 */
	@Override
	public CompletableFuture<SendResult<K, V>> send(ProducerRecord<K, V> record) {
		ProducerRecord<K, V> copy = new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
				record.key(), record.value(), new RecordHeaders(record.headers().toArray()));
		try (ContextScope parent = this.tracing.continueFrom(record.headers())) {
			return super.send(copy);
		}
	}

}
