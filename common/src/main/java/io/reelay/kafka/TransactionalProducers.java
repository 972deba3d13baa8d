package io.reelay.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.reelay.event.Stage;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Producers for a stage's Kafka transactions: configured like every other producer of the
 * stage, with a transaction id that names the stage, the instance and the use. A
 * restarted instance with the same {@code reelay.kafka.instance-id} fences its former
 * self and aborts what it left open.
 */
public final class TransactionalProducers {

	/**
	 * Well under the broker's limit; what a killed instance with a new id left open holds
	 * up readers for at most this long.
	 */
	static final int TRANSACTION_TIMEOUT_MS = 60_000;

	private static final Logger log = LoggerFactory.getLogger(TransactionalProducers.class);

	private TransactionalProducers() {
	}

	/**
	 * A transactional copy of {@code base}; the caller destroys it when the stage stops.
	 * @param use what the transactions are for, unique within the stage (e.g. a loop
	 * number)
	 */
	public static DefaultKafkaProducerFactory<String, Object> of(ProducerFactory<String, Object> base,
			ReelayKafkaProperties kafka, Stage stage, String use) {
		DefaultKafkaProducerFactory<String, Object> factory = (DefaultKafkaProducerFactory<String, Object>) base
			.copyWithConfigurationOverride(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS));
		factory.setTransactionIdPrefix(transactionIdPrefix(kafka, stage, use));
		return factory;
	}

	/**
	 * Opens, at once, as many producers of the factory as its users can hold at a time:
	 * each takes the next transaction id, and opening it fences a former self's producer
	 * with that id and aborts what it left open, which {@code read_committed} readers
	 * would otherwise wait for until the transaction timeout. The producers go back to
	 * the factory's cache.
	 * @param ids how many transactions of the factory can be open at once (one per thread
	 * that uses it)
	 * @return whether it worked; if not (no broker yet), the caller tries again later
	 */
	public static boolean fenceFormerSelves(ProducerFactory<String, Object> factory, int ids) {
		List<Producer<String, Object>> opened = new ArrayList<>();
		try {
			for (int i = 0; i < ids; i++) {
				opened.add(factory.createProducer());
			}
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("could not open a Kafka transaction yet, trying again: {}", ex.toString());
			return false;
		}
		finally {
			opened.forEach(Producer::close);
		}
	}

	static String transactionIdPrefix(ReelayKafkaProperties kafka, Stage stage, String use) {
		return "reelay-" + stage.name().toLowerCase(java.util.Locale.ROOT) + "-" + kafka.instanceId() + "-" + use + "-";
	}

}
