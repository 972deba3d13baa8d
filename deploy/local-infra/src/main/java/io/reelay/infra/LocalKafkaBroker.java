package io.reelay.infra;

import java.util.HashMap;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM. Topics are never created on
 * first use: the services declare theirs, as they must against a production cluster.
 */
public final class LocalKafkaBroker implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private LocalKafkaBroker(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * @param port the listener port, or 0 for any free port
	 */
	public static LocalKafkaBroker start(int port) {
		Map<String, String> settings = new HashMap<>();
		settings.put("auto.create.topics.enable", "false");
		// a single broker: the internal topics cannot have more replicas than that
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("offsets.topic.num.partitions", "10");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("transaction.state.log.num.partitions", "10");
		// consumers join at once instead of waiting for more members that will never come
		settings.put("group.initial.rebalance.delay.ms", "0");
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(settings);
		if (port > 0) {
			broker.kafkaPorts(port);
		}
		broker.afterPropertiesSet();
		return new LocalKafkaBroker(broker);
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
